// A small typed REST client for the Ayni server: fetch with the bearer token (auth-token.ts),
// JSON in and out, and failures as ApiError carrying the server's {error:{code,message}}.
import { askForToken, authHeaders } from '../auth-token';

/** A failed request: the server's error code and message, or a network failure. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** sent as JSON unless it is a string, Blob or FormData (sent as is) */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** the fetch to use (tests); default globalThis.fetch */
  fetch?: typeof fetch;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The ApiError for a non-2xx answer: the server's message when its body has one. */
export function errorFromBody(status: number, body: unknown, fallback: string): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.message === 'string') {
    const code = typeof error.code === 'string' ? error.code : `http_${status}`;
    return new ApiError(error.message, status, code, error.details);
  }
  return new ApiError(fallback, status, `http_${status}`);
}

function encodeBody(body: unknown, headers: Record<string, string>): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof Blob || body instanceof FormData) return body;
  headers['content-type'] = 'application/json';
  return JSON.stringify(body);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Sends a request and returns the parsed JSON body (undefined for an empty one).
 * A 401 asks for the API token once and retries; any other failure throws ApiError.
 */
export async function request(path: string, options: RequestOptions = {}): Promise<unknown> {
  const fetchFunction = options.fetch ?? globalThis.fetch.bind(globalThis);
  for (let attempt = 0; ; attempt += 1) {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...authHeaders(),
      ...options.headers,
    };
    const body = encodeBody(options.body, headers);
    let response: Response;
    try {
      response = await fetchFunction(path, {
        method: options.method ?? 'GET',
        headers,
        body,
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError(`the server could not be reached (${reason})`, 0, 'network');
    }
    const parsed = await readBody(response);
    if (response.ok) return parsed;
    const error = errorFromBody(
      response.status,
      parsed,
      `${options.method ?? 'GET'} ${path} failed with HTTP ${response.status}`,
    );
    if (response.status === 401 && attempt === 0 && askForToken(error.message)) continue;
    throw error;
  }
}

/** request() and a check of the answer's shape: a mismatch is an ApiError, not a crash later. */
export async function requestAs<T>(
  path: string,
  guard: (value: unknown) => value is T,
  options: RequestOptions = {},
): Promise<T> {
  const body = await request(path, options);
  if (!guard(body)) {
    throw new ApiError(`${path} answered in an unexpected shape`, 200, 'unexpected_shape');
  }
  return body;
}

/** The message to show for any failure. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
