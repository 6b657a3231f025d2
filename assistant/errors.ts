// One AppError base with a literal code; the server maps each to HTTP in one onError (ARCHITECTURE.md 2).

export type ErrorCode =
  | 'invalid_input'
  | 'invalid_config'
  | 'not_found'
  | 'conflict'
  | 'import_rejected'
  | 'payload_too_large'
  | 'unauthorized'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly httpStatus: number;
  readonly details: unknown;

  constructor(message: string, details?: unknown, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.details = details;
  }
}

export class InvalidInputError extends AppError {
  readonly code = 'invalid_input' as const;
  readonly httpStatus = 400;
}

export class ConfigError extends AppError {
  readonly code = 'invalid_config' as const;
  readonly httpStatus = 500;
}

export class NotFoundError extends AppError {
  readonly code = 'not_found' as const;
  readonly httpStatus = 404;
}

export class ConflictError extends AppError {
  readonly code = 'conflict' as const;
  readonly httpStatus = 409;
}

/** A data import that was rejected; `details` carries the validation report. */
export class ImportRejectedError extends AppError {
  readonly code = 'import_rejected' as const;
  readonly httpStatus = 422;
}

export class PayloadTooLargeError extends AppError {
  readonly code = 'payload_too_large' as const;
  readonly httpStatus = 413;
}

export class UnauthorizedError extends AppError {
  readonly code = 'unauthorized' as const;
  readonly httpStatus = 401;
}

export class UnavailableError extends AppError {
  readonly code = 'unavailable' as const;
  readonly httpStatus = 503;
}

/** A client over its request rate; `details.retryAfterSeconds` says when to try again. */
export class RateLimitedError extends AppError {
  readonly code = 'rate_limited' as const;
  readonly httpStatus = 429;
}
