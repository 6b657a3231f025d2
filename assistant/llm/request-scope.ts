// One non-streamed Ollama request's lifetime (embed, show, warm-up): the fetch handed to
// `new Ollama({ fetch })` for that request. It joins the caller's AbortSignal, ollama-js's own
// AbortController and our timeout into one signal; reads Ollama's `{"error": ...}` body itself
// for HTTP 4xx/5xx (so ollama-js's console.log on non-JSON bodies never runs); and keeps the first
// failure, so whatever the library then throws maps back to the typed LlmError. The streamed chat
// has its own transport (ndjson-request.ts).
import { isLlmError, type LlmError } from './llm-errors';
import {
  abortedError,
  connectionError,
  httpError,
  protocolError,
  timeoutError,
  type ErrorSubject,
} from './ollama-errors';

export interface RequestScopeOptions {
  host: string;
  model: string | undefined;
  signal: AbortSignal | undefined;
  /** ms to wait for the whole answer */
  waitMs: number;
  fetch: typeof fetch;
}

export interface RequestScope {
  fetch: typeof fetch;
  /** host, model and whether bytes arrived, for building errors */
  readonly subject: ErrorSubject;
  /** The typed error for whatever was thrown while the request ran. */
  toLlmError(error: unknown): LlmError;
  /** Stops the timers, detaches from the caller's signal, closes an unfinished response. */
  dispose(): void;
}

export function openRequestScope(options: RequestScopeOptions): RequestScope {
  const subject: ErrorSubject = { host: options.host, model: options.model, received: false };
  const controller = new AbortController();
  let failure: LlmError | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;

  const fail = (error: LlmError) => {
    failure ??= error;
    controller.abort(failure);
  };
  const startTimer = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => fail(timeoutError(subject, ms)), ms);
  };
  const stopTimer = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  const onCallerAbort = () => fail(abortedError(subject, options.signal?.reason));

  const toLlmError = (error: unknown): LlmError => {
    if (failure) return failure;
    if (options.signal?.aborted) return abortedError(subject, options.signal.reason);
    if (isLlmError(error)) return error;
    return connectionError(subject, error);
  };

  const scopedFetch = async (input: string | URL | Request, init?: RequestInit) => {
    if (options.signal?.aborted) throw abortedError(subject, options.signal.reason);
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    init?.signal?.addEventListener('abort', () => controller.abort(init.signal?.reason), {
      once: true,
    });
    startTimer(options.waitMs);

    let response: Response;
    try {
      response = await options.fetch(input, { ...init, signal: controller.signal });
    } catch (error) {
      throw toLlmError(error);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw toLlmError(error);
    }
    stopTimer();
    finished = true;
    if (!response.ok) throw httpError(subject, response.status, text);
    if (!isJson(text)) throw protocolError(subject, text);
    return new Response(text, { status: response.status, headers: response.headers });
  };

  return {
    fetch: scopedFetch as typeof fetch,
    subject,
    toLlmError,
    dispose() {
      stopTimer();
      options.signal?.removeEventListener('abort', onCallerAbort);
      // An unfinished response (the caller stopped reading) must not keep the connection open.
      if (!finished) controller.abort();
    },
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
