// One mapping from errors to HTTP (ARCHITECTURE.md 2): body { error: { code, message, details?, requestId } }.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { AppError, type ErrorCode } from '../errors';
import type { AppEnv } from './types';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId: string };
}

export interface ValidationIssue {
  /** dotted path of the offending field ('' for the whole input) */
  path: string;
  code: string;
  message: string;
}

export function validationIssues(error: ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
}

/** A one-line summary of zod issues, e.g. `from: must be an ISO date (YYYY-MM-DD), got "2024-13-01"`. */
export function summariseIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
}

function respond(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  details?: unknown,
): Response {
  const requestId = c.get('requestId') ?? 'unknown';
  const body: ErrorBody = {
    error:
      details === undefined ? { code, message, requestId } : { code, message, details, requestId },
  };
  return c.json(body, status);
}

const httpExceptionCodes: Partial<Record<number, ErrorCode>> = {
  400: 'invalid_input',
  401: 'unauthorized',
  404: 'not_found',
  413: 'payload_too_large',
  503: 'unavailable',
};

export function createErrorHandler(rootLogger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const logger = c.get('logger') ?? rootLogger;
    if (error instanceof AppError) {
      if (error.httpStatus >= 500) logger.error({ err: error }, error.message);
      return respond(
        c,
        error.httpStatus as ContentfulStatusCode,
        error.code,
        error.message,
        error.details,
      );
    }
    if (error instanceof ZodError) {
      const issues = validationIssues(error);
      return respond(c, 400, 'invalid_input', summariseIssues(issues), issues);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code = httpExceptionCodes[error.status] ?? 'invalid_input';
      return respond(c, error.status as ContentfulStatusCode, code, error.message || code);
    }
    logger.error({ err: error }, 'unhandled error');
    return respond(
      c,
      500,
      'internal',
      'internal error: the server logged the details under this request id',
    );
  };
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  respond(
    c,
    404,
    'not_found',
    `no route for ${c.req.method} ${c.req.path}: see GET /healthz, /readyz, /metrics and /api/*`,
  );
