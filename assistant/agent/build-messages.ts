// Builds what the model reads for one run: the system prompt, the conversation so far (its older
// turns replaced by a stored summary once they no longer fit the context budget), and the new
// user message.
import type { LlmMessage } from '../llm/llm-client';
import { estimatePromptTokens } from '../llm/prompt-truncation';
import type { ConversationLog, LoggedMessage } from './agent-deps';

/** Tokens of messages, estimated by the same rule the Ollama client uses to detect truncation. */
export function estimateTokens(messages: readonly LlmMessage[]): number {
  return estimatePromptTokens({ messages });
}

/** A stored message as the model reads it again (images are not re-sent in later turns). */
export function toLlmMessage(message: LoggedMessage): LlmMessage {
  return {
    role: message.role,
    content: message.content,
    ...(message.toolCalls && message.toolCalls.length > 0 ? { toolCalls: message.toolCalls } : {}),
    ...(message.toolName ? { toolName: message.toolName } : {}),
  };
}

export interface HistoryPlan {
  /** messages the model reads after the system prompt (summary first, when there is one) */
  messages: LlmMessage[];
  /** stored messages older than the kept ones that are not yet in the summary */
  toSummarise: (LoggedMessage & { seq: number })[];
  /** seq of the last message that the summary (old or new) covers */
  throughSeq: number;
}

/**
 * Keeps the newest whole turns (a turn starts at a user message, so tool calls and their results
 * stay together) within `budgetTokens`; the rest go to the summary.
 */
export function planHistory(
  stored: readonly (LoggedMessage & { seq: number })[],
  summary: { text: string; throughSeq: number } | undefined,
  budgetTokens: number,
): HistoryPlan {
  const unsummarised = stored.filter((message) => message.seq > (summary?.throughSeq ?? 0));
  const turnStarts = unsummarised.flatMap((message, index) =>
    message.role === 'user' ? [index] : [],
  );
  let keepFrom = unsummarised.length;
  let used = summary ? estimateTokens([{ role: 'system', content: summary.text }]) : 0;
  for (let turn = turnStarts.length - 1; turn >= 0; turn -= 1) {
    const start = turnStarts[turn] as number;
    const cost = estimateTokens(unsummarised.slice(start, keepFrom).map(toLlmMessage));
    if (used + cost > budgetTokens) break;
    used += cost;
    keepFrom = start;
  }
  const kept = unsummarised.slice(keepFrom);
  const toSummarise = unsummarised.slice(0, keepFrom);
  const throughSeq = toSummarise.at(-1)?.seq ?? summary?.throughSeq ?? 0;
  const summaryMessages: LlmMessage[] = summary
    ? [{ role: 'system', content: `Summary of the earlier conversation:\n${summary.text}` }]
    : [];
  return { messages: [...summaryMessages, ...kept.map(toLlmMessage)], toSummarise, throughSeq };
}

/** The transcript a summariser reads: roles and text, tool results shortened. */
export function transcriptOf(messages: readonly LoggedMessage[], maxToolChars = 600): string {
  return messages
    .map((message) => {
      if (message.role === 'tool')
        return `tool ${message.toolName ?? ''}: ${message.content.slice(0, maxToolChars)}`;
      const calls = (message.toolCalls ?? []).map(
        (call) => `${call.name}(${JSON.stringify(call.arguments)})`,
      );
      return `${message.role}: ${message.content}${calls.length ? ` [called ${calls.join(', ')}]` : ''}`;
    })
    .join('\n');
}

export const summariserInstruction =
  "Summarise this conversation between a planner and the assistant in at most 150 words, in the conversation's language. Keep every product, location, period, figure and decision exactly as written; drop greetings. Output only the summary.";

/** The summary that replaces `older` (plus the previous summary) in the history. */
export function summaryRequestMessages(
  previous: string | undefined,
  older: readonly LoggedMessage[],
): LlmMessage[] {
  const transcript = (previous ? `Earlier summary: ${previous}\n` : '') + transcriptOf(older);
  return [
    { role: 'system', content: summariserInstruction },
    { role: 'user', content: transcript },
  ];
}

export type { ConversationLog };
