// One model turn: stream the chat request, forward text and thinking to the UI as they arrive,
// keep what was streamed so a stopped run can keep its partial answer, warn on truncation.
import type { LlmChatResult, LlmClient, LlmMessage, LlmToolSpec } from '../llm/llm-client';
import type { StreamEvent } from '../protocol/events';
import { splitThinkTags, ThinkTagSplitter } from './think-tags';

export interface ModelTurnOptions {
  llm: LlmClient;
  model: string;
  messages: readonly LlmMessage[];
  tools: readonly LlmToolSpec[] | undefined;
  numCtx: number;
  temperature: number | undefined;
  signal: AbortSignal;
  emit(event: StreamEvent): void;
  /** receives the text streamed so far (kept when the run is stopped mid-turn) */
  partial: { text: string };
}

export async function modelTurn(options: ModelTurnOptions): Promise<LlmChatResult> {
  options.partial.text = '';
  const splitter = new ThinkTagSplitter();
  const forward = (part: { thinking: string; content: string }) => {
    if (part.thinking) options.emit({ type: 'thinking-delta', text: part.thinking });
    if (part.content) {
      options.partial.text += part.content;
      options.emit({ type: 'text-delta', text: part.content });
    }
  };
  const result = await options.llm.chat({
    model: options.model,
    messages: options.messages,
    ...(options.tools && options.tools.length > 0 ? { tools: options.tools } : {}),
    options: {
      num_ctx: options.numCtx,
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    },
    signal: options.signal,
    onChunk: (chunk) => {
      if (chunk.thinking) options.emit({ type: 'thinking-delta', text: chunk.thinking });
      if (chunk.content) forward(splitter.push(chunk.content));
    },
  });
  forward(splitter.flush());
  if (result.truncation) {
    options.emit({
      type: 'warning',
      code: 'context_truncated',
      message: result.truncation.message,
    });
  }
  const inline = splitThinkTags(result.message.content);
  if (inline.thinking === '') return result;
  const thinking = [result.message.thinking, inline.thinking].filter(Boolean).join('\n');
  return { ...result, message: { ...result.message, content: inline.content, thinking } };
}
