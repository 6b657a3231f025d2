// A slash command's run: one tool, no model. The answer is the same card plus a short text, so
// the chat stays useful while Ollama is down or a model is missing.
import type { AgentDeps, AgentOptions } from './agent-deps';
import type { ChatRunInput } from './chat-runner';
import { finishRun } from './finish-run';
import type { RunState } from './run-state';
import { runLoggedToolCalls } from './run-logged-tool-calls';
import { helpText, parseSlashCommand } from './slash-commands';

function answer(deps: AgentDeps, state: RunState, text: string): void {
  state.emit({ type: 'text-delta', text });
  deps.conversations.appendMessage(state.conversationId, {
    runId: state.runId,
    role: 'assistant',
    content: text,
    createdAt: deps.clock().toISOString(),
  });
  finishRun(deps, state, 'answered', text);
}

/** Runs the message as a slash command; false when it is not one. */
export async function runSlashCommand(
  deps: AgentDeps,
  options: AgentOptions,
  state: RunState,
  input: ChatRunInput,
  registered: ReadonlySet<string>,
  newId: () => string,
): Promise<boolean> {
  if (!input.message.trimStart().startsWith('/')) return false;
  const command = parseSlashCommand(
    input.message,
    registered,
    deps.toolContext(state.controller.signal),
  );
  if (command === undefined) return false;
  switch (command.kind) {
    case 'help':
      answer(deps, state, helpText(registered));
      return true;
    case 'invalid':
      answer(deps, state, `${command.command}: ${command.message}`);
      return true;
    case 'unavailable':
      answer(
        deps,
        state,
        `${command.command} is not available in this version: its tool ${command.tool} is not installed yet. Type /help for the commands that work.`,
      );
      return true;
    case 'tool': {
      const call = { id: newId(), name: command.tool, arguments: command.input };
      deps.conversations.appendMessage(state.conversationId, {
        runId: state.runId,
        role: 'assistant',
        content: '',
        toolCalls: [call],
        createdAt: deps.clock().toISOString(),
      });
      const [run] = await runLoggedToolCalls(deps, options, state, [call]);
      if (!run) throw new Error('the slash command ran no tool');
      if (run.ok) {
        answer(
          deps,
          state,
          `${command.command}: ${call.name} finished in ${Math.round(run.ms)} ms; the result is in the card above.`,
        );
      } else {
        const candidates =
          run.error?.candidates?.map((candidate) => `${candidate.code} (${candidate.name})`) ?? [];
        answer(
          deps,
          state,
          `${command.command}: ${run.error?.message ?? 'the tool failed'}${candidates.length > 0 ? `. Did you mean: ${candidates.join(', ')}?` : ''}`,
        );
      }
      return true;
    }
  }
}
