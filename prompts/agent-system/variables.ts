export interface AgentSystemVariables {
  /** ISO date the assistant treats as today */
  today: string;
  companyName: string;
  /** the tools offered in this run, as the model sees them */
  tools: readonly { name: string; description: string }[];
  /** the slash commands a user may type instead, one line each */
  slashCommands: readonly string[];
}
