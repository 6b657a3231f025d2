// The LlmClient over Ollama's HTTP API, built on the `ollama` npm package (0.6.4): the official
// thin client, with the protocol's exact types. LangChain's ChatOllama would hide the details we
// need (thinking, whole tool calls per chunk, done_reason, prompt_eval_count). The streamed chat,
// the server's hot path, goes over node:http with one parse per line (ndjson-request.ts); embed,
// show and warm-up go through ollama-js with the fetch we hand it per request (request-scope.ts).
// Both give the same typed errors; retries, metrics and truncation live here.
import type { Logger } from 'pino';
import { Ollama, type ChatResponse } from 'ollama';
import type {
  LlmChatRequest,
  LlmChatResult,
  LlmClient,
  LlmEmbedRequest,
  LlmEmbedResult,
  LlmModelInfo,
} from './llm-client';
import { isLlmError } from './llm-errors';
import type { Metrics } from '../metrics/metrics';
import {
  ChatAccumulator,
  carriesImages,
  chatBodyJson,
  toOllamaChatBody,
  ToolArgumentsError,
} from './ollama-chat';
import { ndjsonTarget, postNdjson } from './ndjson-request';
import { abortedError, connectionError, protocolError, type ErrorSubject } from './ollama-errors';
import { detectTruncation, estimatePromptTokens } from './prompt-truncation';
import { openRequestScope, type RequestScope } from './request-scope';

export interface OllamaTimeouts {
  /** ms for answers that load no model (/api/show); default 10 s */
  connect: number;
  /**
   * ms until the first streamed bytes (chat) or the whole answer (embed, warm-up); default 180 s.
   * Ollama writes its response headers only with the first chunk, after loading the model, so
   * this includes the load of a cold model.
   */
  firstToken: number;
  /** ms allowed between two chunks of a streamed answer; default 60 s */
  idle: number;
}

export interface OllamaClientOptions {
  host: string;
  /** Ollama's options.num_ctx when a request gives none (AYNI_NUM_CTX) */
  numCtx: number;
  /** Ollama's keep_alive (AYNI_KEEP_ALIVE): a duration such as "30m", or seconds */
  keepAlive: string | number;
  timeoutMs?: Partial<OllamaTimeouts>;
  /** retries before the first streamed byte, for unreachable / timeout / 5xx; default 2 */
  retries?: number;
  /** backoff before retry n (0-based); default 250 ms x 4^n (250 ms, 1 s, 4 s) */
  retryDelayMs?: (attempt: number) => number;
  /** the fetch for embed, show and warm-up (the streamed chat uses node:http) */
  fetch?: typeof fetch;
  metrics?: Metrics;
  logger?: Pick<Logger, 'warn' | 'debug'>;
}

export interface OllamaClient extends LlmClient {
  /** Loads the model into memory (a chat with no messages, Ollama's documented way; an
   *  embedding-only model is loaded by embedding one word) and keeps it for keep_alive. */
  warmUp(model: string, signal?: AbortSignal): Promise<void>;
}

/** /api/embed inputs per request: large enough to amortise the HTTP round trip, small enough
 *  that one slow batch does not hit the timeout on a CPU. */
export const EMBED_BATCH_SIZE = 32;

const defaultTimeouts: OllamaTimeouts = { connect: 10_000, firstToken: 180_000, idle: 60_000 };

export function createOllamaClient(options: OllamaClientOptions): OllamaClient {
  if (!Number.isInteger(options.numCtx) || options.numCtx < 1) {
    throw new RangeError(`numCtx must be a positive whole number, got ${options.numCtx}`);
  }
  if (!/^https?:\/\/[^/]+/.test(options.host) || !URL.canParse(options.host)) {
    throw new TypeError(
      `host must be Ollama's URL such as http://127.0.0.1:11434, got ${JSON.stringify(options.host)}`,
    );
  }
  const host = options.host.replace(/\/+$/, '');
  const timeouts = { ...defaultTimeouts, ...options.timeoutMs };
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? ((attempt: number) => 250 * 4 ** attempt);
  const baseFetch = options.fetch ?? fetch;
  const metrics = options.metrics;
  const chatTarget = ndjsonTarget(`${host}/api/chat`);
  let toolCallCount = 0;
  const newToolCallId = () => `call_${++toolCallCount}`;

  const scope = (model: string, signal: AbortSignal | undefined, waitMs: number) =>
    openRequestScope({ host, model, signal, waitMs, fetch: baseFetch });

  /** Runs one request in its own scope; every failure leaves as an LlmError. */
  async function inScope<T>(
    requestScope: RequestScope,
    run: (ollama: Ollama) => Promise<T>,
  ): Promise<T> {
    try {
      return await run(new Ollama({ host, fetch: requestScope.fetch }));
    } catch (error) {
      throw requestScope.toLlmError(error);
    } finally {
      requestScope.dispose();
    }
  }

  async function withRetries<T>(
    model: string,
    signal: AbortSignal | undefined,
    attempt: () => Promise<T>,
  ): Promise<T> {
    for (let tried = 0; ; tried += 1) {
      try {
        return await attempt();
      } catch (error) {
        if (!isLlmError(error) || !error.retryable || tried >= retries) throw error;
        const delayMs = retryDelayMs(tried);
        options.logger?.warn(
          { model, failure: error.failure, status: error.status, retry: tried + 1, delayMs },
          'Ollama request failed before any answer; retrying',
        );
        await sleep(delayMs, signal, { host, model, received: false });
      }
    }
  }

  async function chatOnce(request: LlmChatRequest, body: string) {
    const subject: ErrorSubject = { host, model: request.model, received: false };
    const accumulator = new ChatAccumulator(newToolCallId);
    const sentAt = performance.now();
    let timeToFirstTokenMs: number | undefined;
    let callbackFailure: { error: unknown } | undefined;
    try {
      await postNdjson({
        target: chatTarget,
        body,
        subject,
        signal: request.signal,
        waitMs: timeouts.firstToken,
        idleMs: timeouts.idle,
        onLine: (line) => {
          const chunk = accumulator.add(line as unknown as ChatResponse);
          if (!chunk) return;
          timeToFirstTokenMs ??= performance.now() - sentAt;
          try {
            request.onChunk?.(chunk);
          } catch (error) {
            callbackFailure = { error };
            throw error;
          }
        },
      });
      return { accumulator, timeToFirstTokenMs };
    } catch (error) {
      // the caller's own exception from onChunk passes through untouched
      if (callbackFailure) throw callbackFailure.error;
      if (error instanceof ToolArgumentsError) throw protocolError(subject, error.message);
      if (isLlmError(error)) throw error;
      throw connectionError(subject, error);
    }
  }

  async function chat(request: LlmChatRequest): Promise<LlmChatResult> {
    const body = toOllamaChatBody(request, {
      numCtx: options.numCtx,
      keepAlive: options.keepAlive,
    });
    const numCtx = body.options?.num_ctx ?? options.numCtx;
    // serialised once, also for the retries
    const json = chatBodyJson(body, request.tools);
    const started = performance.now();
    const { accumulator, timeToFirstTokenMs } = await withRetries(
      request.model,
      request.signal,
      () => chatOnce(request, json),
    );
    const usage = accumulator.usage();
    const result: LlmChatResult = {
      model: request.model,
      message: accumulator.message(),
      doneReason: accumulator.doneReason(),
      usage,
    };
    if (timeToFirstTokenMs !== undefined) result.timeToFirstTokenMs = timeToFirstTokenMs;
    const truncation = detectTruncation(estimatePromptTokens(request), usage.inputTokens, numCtx);
    if (truncation) {
      result.truncation = truncation;
      options.logger?.warn({ model: request.model, ...truncation }, 'prompt truncated by Ollama');
    }
    if (metrics) {
      const model = request.model;
      const operation = carriesImages(request) ? 'vision' : 'chat';
      metrics.llmOperationDuration.observe(
        { operation, model },
        (performance.now() - started) / 1000,
      );
      metrics.llmTokenUsage.observe({ type: 'input', model }, usage.inputTokens);
      metrics.llmTokenUsage.observe({ type: 'output', model }, usage.outputTokens);
      if (timeToFirstTokenMs !== undefined) {
        metrics.llmTimeToFirstToken.observe({ model }, timeToFirstTokenMs / 1000);
      }
    }
    return result;
  }

  async function embedBatch(model: string, input: string[], signal: AbortSignal | undefined) {
    const requestScope = scope(model, signal, timeouts.firstToken);
    const response = await inScope(requestScope, (ollama) =>
      ollama.embed({ model, input, truncate: true, keep_alive: options.keepAlive }),
    );
    if (!Array.isArray(response.embeddings) || response.embeddings.length !== input.length) {
      throw protocolError(
        requestScope.subject,
        `/api/embed returned ${Array.isArray(response.embeddings) ? response.embeddings.length : 'no'} vectors for ${input.length} inputs`,
      );
    }
    return response;
  }

  async function embed(request: LlmEmbedRequest): Promise<LlmEmbedResult> {
    const started = performance.now();
    const embeddings: number[][] = [];
    let inputTokens = 0;
    for (let offset = 0; offset < request.input.length; offset += EMBED_BATCH_SIZE) {
      const batch = request.input.slice(offset, offset + EMBED_BATCH_SIZE);
      const response = await withRetries(request.model, request.signal, () =>
        embedBatch(request.model, batch, request.signal),
      );
      embeddings.push(...response.embeddings);
      inputTokens += response.prompt_eval_count ?? 0;
    }
    if (metrics && request.input.length > 0) {
      const model = request.model;
      const seconds = (performance.now() - started) / 1000;
      metrics.llmOperationDuration.observe({ operation: 'embeddings', model }, seconds);
      metrics.llmTokenUsage.observe({ type: 'input', model }, inputTokens);
    }
    return { model: request.model, embeddings, inputTokens };
  }

  async function show(model: string, signal?: AbortSignal): Promise<LlmModelInfo> {
    const response = await withRetries(model, signal, () =>
      inScope(scope(model, signal, timeouts.connect), (ollama) => ollama.show({ model })),
    );
    const modelInfo = (response.model_info ?? {}) as unknown as Record<string, unknown>;
    const architecture = modelInfo['general.architecture'];
    const contextLength =
      typeof architecture === 'string' ? modelInfo[`${architecture}.context_length`] : undefined;
    const info: LlmModelInfo = {
      name: model,
      capabilities: Array.isArray(response.capabilities) ? [...response.capabilities] : [],
    };
    if (typeof contextLength === 'number') info.contextLength = contextLength;
    return info;
  }

  async function warmUp(model: string, signal?: AbortSignal): Promise<void> {
    try {
      await withRetries(model, signal, () =>
        inScope(scope(model, signal, timeouts.firstToken), (ollama) =>
          ollama.chat({ model, messages: [], keep_alive: options.keepAlive, stream: false }),
        ),
      );
    } catch (error) {
      // An embedding-only model answers "does not support chat"/"completion": load it by embedding.
      const chatless =
        isLlmError(error) &&
        error.failure === 'capability' &&
        /does not support (chat|completion|generate)/i.test(error.message);
      if (!chatless) throw error;
      await embed({ model, input: ['warm-up'], signal });
    }
  }

  return { chat, embed, show, warmUp };
}

function sleep(ms: number, signal: AbortSignal | undefined, subject: ErrorSubject): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(subject, signal.reason));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(subject, signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
