// The tool and command lists every version of the agent's system prompt ends with.
import type { AgentSystemVariables } from './variables';

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

/** "- name: first sentence of its description", one line per tool. */
export function toolLines(tools: AgentSystemVariables['tools']): string {
  return tools.map((tool) => `- ${tool.name}: ${firstSentence(tool.description)}`).join('\n');
}

export function commandLines(commands: AgentSystemVariables['slashCommands']): string {
  return commands.map((line) => `- ${line}`).join('\n');
}
