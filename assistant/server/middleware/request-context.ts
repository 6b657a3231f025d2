// Per request: an id (incoming x-request-id if safe, else a new UUID) echoed in the response, a
// child logger carrying it, one access-log line, and the HTTP duration histogram.
import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { matchedRoutes } from 'hono/route';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { Metrics } from '../../metrics/metrics';
import type { AppEnv } from '../types';

/** Longest incoming request id kept; longer (or with characters outside [A-Za-z0-9_=-]) is replaced. */
export const maxRequestIdLength = 128;

export const requestIdMiddleware: MiddlewareHandler = requestId({
  limitLength: maxRequestIdLength,
  headerName: 'X-Request-Id',
});

/**
 * The registered route pattern that answered (`/api/sales`, `/api/import/:kind`), never the raw
 * path, so metric labels stay bounded; `unmatched` when only middleware matched (a 404). Routes
 * match in registration order and the first handler answers, so the first non-middleware route
 * is the one (the web app's catch-all `*` comes last and only answers what nothing else did).
 */
export function matchedRoutePattern(c: Context): string {
  for (const route of matchedRoutes(c)) {
    if (route.method !== 'ALL') return route.path;
  }
  return 'unmatched';
}

export function requestContext(rootLogger: Logger, metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const logger = rootLogger.child({ reqId: c.get('requestId') });
    c.set('logger', logger);
    const record = () => {
      const milliseconds = performance.now() - started;
      const route = matchedRoutePattern(c);
      const status = c.res.status;
      metrics.httpRequestDuration.observe(
        { method: c.req.method, route, status: String(status) },
        milliseconds / 1000,
      );
      logger.info(
        { method: c.req.method, route, path: c.req.path, status, ms: Math.round(milliseconds) },
        'request',
      );
    };
    try {
      await next();
    } finally {
      // A streamed response (SSE) is recorded when its stream ends, not when its headers go out.
      const streamEnded = c.get('streamEnded');
      if (streamEnded) void streamEnded.then(record, record);
      else record();
    }
  };
}
