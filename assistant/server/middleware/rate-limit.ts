// Per-client rate limits: a token bucket per client key (the verified bearer token, else the remote
// address), one bucket family for chat runs and one for other /api requests. Over the limit ->
// 429 with Retry-After. Counted on /api/* and on WebSocket messages, never /healthz or /metrics.
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { RateLimitedError } from '../../errors';

export interface TokenBucketOptions {
  /** requests allowed per minute; also the burst size */
  perMinute: number;
  /** monotonic-enough milliseconds */
  now: () => number;
  /** when more keys than this are held, full buckets are forgotten; default 10,000 */
  maxKeys?: number;
}

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Token buckets keyed by client: capacity `perMinute`, refilled continuously at perMinute / 60 s. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private readonly maxKeys: number;

  constructor(private readonly options: TokenBucketOptions) {
    if (!Number.isFinite(options.perMinute) || options.perMinute < 1) {
      throw new RangeError(
        `perMinute must be a number of at least 1, got ${String(options.perMinute)}`,
      );
    }
    this.capacity = options.perMinute;
    this.refillPerMs = options.perMinute / 60_000;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  take(key: string): TakeResult {
    const now = this.options.now();
    const bucket = this.refreshed(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    const waitMs = (1 - bucket.tokens) / this.refillPerMs;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** keys currently held (for tests of the memory bound) */
  get size(): number {
    return this.buckets.size;
  }

  private refreshed(key: string, now: number): Bucket {
    const existing = this.buckets.get(key);
    if (existing) {
      const elapsed = Math.max(0, now - existing.updatedAt);
      existing.tokens = Math.min(this.capacity, existing.tokens + elapsed * this.refillPerMs);
      existing.updatedAt = now;
      return existing;
    }
    if (this.buckets.size >= this.maxKeys) this.forgetFull(now);
    const bucket = { tokens: this.capacity, updatedAt: now };
    this.buckets.set(key, bucket);
    return bucket;
  }

  /** A full bucket holds no information: dropping it changes no answer. */
  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const tokens = bucket.tokens + Math.max(0, now - bucket.updatedAt) * this.refillPerMs;
      if (tokens >= this.capacity) this.buckets.delete(key);
    }
  }
}

export interface RateLimiter {
  chat: TokenBuckets;
  api: TokenBuckets;
}

export function createRateLimiter(
  limits: { chatRunsPerMinute: number; apiRequestsPerMinute: number },
  now: () => number,
): RateLimiter {
  return {
    chat: new TokenBuckets({ perMinute: limits.chatRunsPerMinute, now }),
    api: new TokenBuckets({ perMinute: limits.apiRequestsPerMinute, now }),
  };
}

function remoteAddress(c: Context): string | undefined {
  const environment = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return environment?.incoming?.socket?.remoteAddress;
}

/** The token's digest, never the token itself, is kept in memory as a key. */
function tokenKey(token: string): string {
  return `token:${createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 32)}`;
}

/**
 * Who is asking. The bearer token only when the server checks tokens (otherwise a client could
 * send a new made-up token each time to get a fresh bucket); else the remote address.
 */
export function clientKey(c: Context, tokensChecked: boolean): string {
  if (tokensChecked) {
    const match = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization')?.trim() ?? '');
    const token = match?.[1] ?? (c.req.path === '/ws' ? c.req.query('token') : undefined);
    if (token) return tokenKey(token);
  }
  return `address:${remoteAddress(c) ?? 'unknown'}`;
}

export function rateLimitedError(
  what: 'chat runs' | 'requests',
  perMinute: number,
  retryAfterSeconds: number,
): RateLimitedError {
  return new RateLimitedError(
    `too many ${what}: the limit is ${perMinute} a minute per client; try again in ${retryAfterSeconds} s`,
    { retryAfterSeconds, limitPerMinute: perMinute },
  );
}

/** POST /api/chat counts against the chat bucket, every other /api request against the api bucket. */
export function rateLimit(
  limiter: RateLimiter,
  limits: { chatRunsPerMinute: number; apiRequestsPerMinute: number },
  tokensChecked: boolean,
): MiddlewareHandler {
  return async (c, next) => {
    const isChat = c.req.method === 'POST' && c.req.path === '/api/chat';
    const outcome = (isChat ? limiter.chat : limiter.api).take(clientKey(c, tokensChecked));
    if (!outcome.ok) {
      c.header('Retry-After', String(outcome.retryAfterSeconds));
      throw rateLimitedError(
        isChat ? 'chat runs' : 'requests',
        isChat ? limits.chatRunsPerMinute : limits.apiRequestsPerMinute,
        outcome.retryAfterSeconds,
      );
    }
    await next();
  };
}
