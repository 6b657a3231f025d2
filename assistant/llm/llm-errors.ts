// Every way a model call fails, as one typed error with a message a user can act on. The agent
// sends `code` and `message` to the UI in the `error` event; the server maps it to HTTP.
import { AppError } from '../errors';

export type LlmFailure =
  /** nothing listens at OLLAMA_HOST (connection refused, host not found) */
  | 'unreachable'
  /** no answer (or no next chunk) within the timeout */
  | 'timeout'
  /** HTTP 404 "model not found": the fix is `ollama pull <model>` */
  | 'model_missing'
  /** HTTP 400 "does not support tools" (or vision, embedding): choose another model */
  | 'capability'
  /** another HTTP 4xx/5xx from Ollama, with Ollama's own error text */
  | 'http'
  /** a `{"error": ...}` line in the middle of a stream */
  | 'stream_error'
  /** the stream ended without a `"done": true` line */
  | 'incomplete'
  /** a body that is not Ollama's JSON */
  | 'protocol'
  /** the caller's AbortSignal fired */
  | 'aborted';

export class LlmError extends AppError {
  readonly code = 'unavailable' as const;
  readonly httpStatus: number;
  readonly failure: LlmFailure;
  /** the model the request was for, when there is one */
  readonly model: string | undefined;
  /** the HTTP status Ollama answered with, when it answered */
  readonly status: number | undefined;
  /** true when retrying the same request may succeed (nothing was streamed yet) */
  readonly retryable: boolean;

  constructor(
    failure: LlmFailure,
    message: string,
    extra: { model?: string; status?: number; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, { failure, model: extra.model, status: extra.status }, { cause: extra.cause });
    this.failure = failure;
    this.model = extra.model;
    this.status = extra.status;
    this.retryable = extra.retryable ?? false;
    this.httpStatus = failure === 'timeout' ? 504 : 503;
  }
}

export function isLlmError(error: unknown): error is LlmError {
  return error instanceof LlmError;
}
