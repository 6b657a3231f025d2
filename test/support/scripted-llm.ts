// A scripted LlmClient for unit tests (ARCHITECTURE.md 2): each chat call takes the next scripted
// reply, streams it through onChunk (optionally slowly, honouring the AbortSignal) and records
// the request. End-to-end tests use the Ollama-protocol server instead.
import type {
  LlmChatRequest,
  LlmChatResult,
  LlmClient,
  LlmEmbedRequest,
  LlmEmbedResult,
  LlmModelInfo,
  LlmToolCall,
} from '../../assistant/llm/llm-client';
import { LlmError } from '../../assistant/llm/llm-errors';

export interface ScriptedReply {
  /** streamed in these pieces */
  chunks?: string[];
  thinking?: string;
  toolCalls?: { name: string; arguments: Record<string, unknown>; id?: string }[];
  /** pause before each chunk, ms */
  delayMs?: number;
  inputTokens?: number;
  outputTokens?: number;
  /** rejects with this instead of answering */
  error?: LlmError;
}

export type Script = ScriptedReply | ((request: LlmChatRequest) => ScriptedReply);

export interface ScriptedLlm extends LlmClient {
  requests: LlmChatRequest[];
  /** scripted replies not yet used */
  remaining(): number;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new LlmError('aborted', 'the request was cancelled'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new LlmError('aborted', 'the request was cancelled'));
      },
      { once: true },
    );
  });
}

export function scriptedLlm(script: readonly Script[]): ScriptedLlm {
  const queue = [...script];
  const requests: LlmChatRequest[] = [];
  let callNumber = 0;
  return {
    requests,
    remaining: () => queue.length,
    async chat(request): Promise<LlmChatResult> {
      requests.push({ ...request, messages: [...request.messages] });
      const next = queue.shift();
      if (next === undefined)
        throw new Error(`the script has no reply for chat call ${requests.length}`);
      const reply = typeof next === 'function' ? next(request) : next;
      if (reply.error) throw reply.error;
      let content = '';
      const toolCalls: LlmToolCall[] = (reply.toolCalls ?? []).map((call) => ({
        id: call.id ?? `call_${(callNumber += 1)}`,
        name: call.name,
        arguments: call.arguments,
      }));
      if (reply.thinking) request.onChunk?.({ thinking: reply.thinking });
      for (const chunk of reply.chunks ?? []) {
        if (reply.delayMs) await sleep(reply.delayMs, request.signal);
        else if (request.signal?.aborted)
          throw new LlmError('aborted', 'the request was cancelled');
        content += chunk;
        request.onChunk?.({ content: chunk });
      }
      if (toolCalls.length > 0) request.onChunk?.({ toolCalls });
      return {
        model: request.model,
        message: { content, ...(reply.thinking ? { thinking: reply.thinking } : {}), toolCalls },
        doneReason: 'stop',
        usage: {
          inputTokens: reply.inputTokens ?? 100,
          outputTokens: reply.outputTokens ?? Math.ceil(content.length / 4) + toolCalls.length * 10,
        },
      };
    },
    embed(request: LlmEmbedRequest): Promise<LlmEmbedResult> {
      return Promise.reject(new Error(`the scripted LLM does not embed (model ${request.model})`));
    },
    show(model: string): Promise<LlmModelInfo> {
      return Promise.resolve({ name: model, capabilities: ['completion', 'tools'] });
    },
  };
}
