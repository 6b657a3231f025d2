// Bearer-token auth for /api/* and /ws when AYNI_API_TOKEN is set; constant-time comparison.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { UnauthorizedError } from '../../errors';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** True when `given` equals `expected`, in time that does not depend on where they differ. */
export function tokensMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function deny(c: Context, message: string): UnauthorizedError {
  c.header('WWW-Authenticate', 'Bearer realm="ayni"');
  return new UnauthorizedError(message);
}

export function bearerToken(expected: string): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) {
      throw deny(
        c,
        'this server needs an API token: send the header "Authorization: Bearer <AYNI_API_TOKEN>"',
      );
    }
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match?.[1]) {
      throw deny(c, 'the Authorization header must read "Bearer <AYNI_API_TOKEN>"');
    }
    if (!tokensMatch(match[1], expected)) {
      throw deny(c, 'the API token is wrong: use the value of AYNI_API_TOKEN');
    }
    await next();
  };
}
