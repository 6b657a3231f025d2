// An LlmClient wrapper for one case run: `live` passes calls through, `record` passes them
// through and stores each exchange (result, streamed chunks and their timings), `replay` serves
// stored exchanges without a model, re-emitting the chunks with their recorded timings so the
// time to first token replays too. It also sums the time spent waiting for the model.
import type {
  LlmChatChunk,
  LlmChatRequest,
  LlmChatResult,
  LlmClient,
  LlmEmbedRequest,
  LlmEmbedResult,
  LlmModelInfo,
} from '../../assistant/llm/llm-client';
import { LlmError } from '../../assistant/llm/llm-errors';
import type { RecordedChunk, RecordedSample, RecordingBook } from './recording-book';
import { chatRequestHash, embedRequestHash } from './request-hash';

export type EvalMode = 'live' | 'record' | 'replay';

export interface CaseLlmOptions {
  mode: EvalMode;
  /** the real client (live and record); unused in replay */
  inner?: LlmClient;
  book?: RecordingBook;
  /** where the exchange is stored: the suite's name and the provider's model */
  suite: string;
  providerModel: string;
  caseId: string;
  /** 'agent-system@2' */
  prompt: string;
  repeat: number;
  /** replay: wait the recorded times (default) or serve at once */
  replayTiming?: 'recorded' | 'instant';
}

export interface CaseLlm extends LlmClient {
  /** ms spent waiting for the model (or the replayed recording) so far */
  modelMs(): number;
  /** the first replay miss, when one happened */
  miss(): string | undefined;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return signal?.aborted ? Promise.reject(aborted()) : Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const aborted = () => new LlmError('aborted', 'the request was cancelled');

export function createCaseLlm(options: CaseLlmOptions): CaseLlm {
  const { mode } = options;
  let waited = 0;
  let firstMiss: string | undefined;
  if (mode !== 'replay' && !options.inner)
    throw new TypeError(`inner: ${mode} mode needs the real model client`);
  if (mode !== 'live' && !options.book)
    throw new TypeError(`book: ${mode} mode needs the recordings`);

  const missError = (hash: string, model: string): LlmError => {
    const message = `no recording for case ${options.caseId}, model ${options.providerModel}, prompt ${options.prompt}, request hash ${hash}: record it with --record against a running Ollama`;
    firstMiss ??= message;
    return new LlmError('model_missing', message, { model });
  };

  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      waited += performance.now() - started;
    }
  };

  const find = async (hash: string, model: string): Promise<RecordedSample> => {
    const sample = await options.book!.find(
      options.suite,
      options.providerModel,
      hash,
      options.repeat,
    );
    if (!sample) throw missError(hash, model);
    return sample;
  };

  const save = (hash: string, sample: RecordedSample): Promise<void> =>
    options.book!.record(
      options.suite,
      options.providerModel,
      hash,
      options.caseId,
      options.repeat,
      sample,
    );

  async function replayChat(request: LlmChatRequest, hash: string): Promise<LlmChatResult> {
    const sample = await find(hash, request.model);
    if (sample.kind !== 'chat') throw missError(hash, request.model);
    const instant = options.replayTiming === 'instant';
    const started = performance.now();
    for (const { atMs, chunk } of sample.chunks) {
      if (!instant) await sleep(atMs - (performance.now() - started), request.signal);
      else if (request.signal?.aborted) throw aborted();
      request.onChunk?.(structuredClone(chunk));
    }
    if (!instant) await sleep(sample.totalMs - (performance.now() - started), request.signal);
    return structuredClone(sample.result);
  }

  async function recordChat(request: LlmChatRequest, hash: string): Promise<LlmChatResult> {
    const chunks: RecordedChunk[] = [];
    const started = performance.now();
    const onChunk = (chunk: LlmChatChunk) => {
      chunks.push({ atMs: Math.round(performance.now() - started), chunk: structuredClone(chunk) });
      request.onChunk?.(chunk);
    };
    const result = await options.inner!.chat({ ...request, onChunk });
    await save(hash, {
      kind: 'chat',
      chunks,
      totalMs: Math.round(performance.now() - started),
      result: structuredClone(result),
    });
    return result;
  }

  return {
    modelMs: () => waited,
    miss: () => firstMiss,

    chat(request) {
      return timed(() => {
        if (mode === 'live') return options.inner!.chat(request);
        const hash = chatRequestHash(request);
        return mode === 'record' ? recordChat(request, hash) : replayChat(request, hash);
      });
    },

    embed(request: LlmEmbedRequest): Promise<LlmEmbedResult> {
      return timed(async () => {
        if (mode === 'live') return options.inner!.embed(request);
        const hash = embedRequestHash(request);
        if (mode === 'replay') {
          const sample = await find(hash, request.model);
          if (sample.kind !== 'embed') throw missError(hash, request.model);
          if (options.replayTiming !== 'instant') await sleep(sample.totalMs, request.signal);
          return structuredClone(sample.result);
        }
        const started = performance.now();
        const result = await options.inner!.embed(request);
        await save(hash, {
          kind: 'embed',
          totalMs: Math.round(performance.now() - started),
          result: structuredClone(result),
        });
        return result;
      });
    },

    show(model: string, signal?: AbortSignal): Promise<LlmModelInfo> {
      if (mode !== 'replay') return options.inner!.show(model, signal);
      return Promise.reject(
        new LlmError(
          'unreachable',
          `replay mode has no model to ask about ${model}; run with --record or live`,
          { model },
        ),
      );
    },
  };
}
