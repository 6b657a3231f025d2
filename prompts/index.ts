// The prompt registry: every version of every prompt stays here, so a stored run's
// "agent-system@1" can be rendered again and eval suites can pin a version.
import { agentSystemV1 } from './agent-system/v1';
import { agentSystemV2 } from './agent-system/v2';
import type { AgentSystemVariables } from './agent-system/variables';
import type { PromptFile } from './prompt-types';

export type { PromptFile } from './prompt-types';
export { promptLabel } from './prompt-types';
export type { AgentSystemVariables } from './agent-system/variables';

export const agentSystemPrompts: readonly PromptFile<AgentSystemVariables>[] = [
  agentSystemV1,
  agentSystemV2,
];

/** The given version of the agent's system prompt, or the latest; RangeError for an unknown one. */
export function agentSystemPrompt(version?: number): PromptFile<AgentSystemVariables> {
  if (version === undefined) {
    return agentSystemPrompts.reduce((latest, prompt) =>
      prompt.version > latest.version ? prompt : latest,
    );
  }
  const found = agentSystemPrompts.find((prompt) => prompt.version === version);
  if (!found) {
    const known = agentSystemPrompts.map((prompt) => prompt.version).join(', ');
    throw new RangeError(`version: agent-system has no version ${version}; known: ${known}`);
  }
  return found;
}
export { packagingVisionV1, type PackagingVisionVariables } from './packaging-vision/v1';
export { sopNarrativeV1, type SopNarrativeVariables } from './sop-narrative/v1';
