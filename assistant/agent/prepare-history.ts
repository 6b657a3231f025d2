// The conversation history for a run, within the context budget: the newest whole turns as they
// were, the older ones replaced by a summary the chat model writes (stored, so it is written once).
// When the summary cannot be written (model down), the older turns are left out with a warning.
import type { LlmMessage } from '../llm/llm-client';
import type { AgentDeps, AgentOptions } from './agent-deps';
import { estimateTokens, planHistory, summaryRequestMessages } from './build-messages';
import type { RunState } from './run-state';

/** Share of num_ctx the history may use; the rest is the system prompt, tool schemas, results and the answer. */
export const historyShare = 0.4;

export async function prepareHistory(
  deps: AgentDeps,
  options: AgentOptions,
  state: RunState,
  system: LlmMessage,
  priorSeq: number,
): Promise<LlmMessage[]> {
  if (priorSeq === 0) return [];
  const stored = deps.conversations
    .messages(state.conversationId)
    .filter((message) => message.seq <= priorSeq);
  const summary = deps.conversations.summary(state.conversationId);
  const budget = Math.max(0, Math.floor(options.numCtx * historyShare) - estimateTokens([system]));
  const plan = planHistory(stored, summary, budget);
  if (plan.toSummarise.length === 0) return plan.messages;
  try {
    const result = await deps.llm.chat({
      model: deps.models.chat,
      messages: summaryRequestMessages(summary?.text, plan.toSummarise),
      options: { num_ctx: options.numCtx, temperature: 0 },
      signal: state.controller.signal,
    });
    const text = result.message.content.trim();
    if (text === '') throw new Error('the summary came back empty');
    deps.conversations.setSummary(state.conversationId, { text, throughSeq: plan.throughSeq });
    return planHistory(stored, { text, throughSeq: plan.throughSeq }, budget).messages;
  } catch (error) {
    if (state.controller.signal.aborted) throw error;
    deps.logger.warn({ err: error, runId: state.runId }, 'could not summarise the older turns');
    state.emit({
      type: 'warning',
      code: 'history_trimmed',
      message: `the conversation is longer than the model's context: the oldest ${plan.toSummarise.length} messages were left out because they could not be summarised`,
    });
    return plan.messages.filter(
      (message) => !message.content.startsWith('Summary of the earlier conversation'),
    );
  }
}
