// A versioned prompt: its id and version are stored with every run that used it, so an
// evaluator can tell which prompt produced which answer (issue 7, issue 10).

export interface PromptFile<Variables> {
  id: string;
  /** increases whenever the text changes in a way that may change the model's behaviour */
  version: number;
  /** what changed in this version, for evaluators */
  changes: string;
  render(variables: Variables): string;
}

/** "agent-system@2": how runs, eval reports and the UI name a prompt version. */
export function promptLabel(prompt: { id: string; version: number }): string {
  return `${prompt.id}@${prompt.version}`;
}
