// createApp(deps): the Hono application (ARCHITECTURE.md 3.3) with its middleware, routes and
// error mapping. No I/O here beyond what the deps do; main.ts builds the deps and listens.
import { Hono } from 'hono';
import { ConversationLocks } from './chat-guard';
import { createErrorHandler, notFoundHandler } from './error-handler';
import { bearerToken } from './middleware/auth';
import { jsonBodyLimit } from './middleware/body-limit';
import { createRateLimiter, rateLimit } from './middleware/rate-limit';
import { requestContext, requestIdMiddleware } from './middleware/request-context';
import { registerChatRoute } from './routes/chat';
import { registerConversationRoutes } from './routes/conversations';
import { registerDataRoutes } from './routes/data';
import { registerHealthRoutes } from './routes/health';
import { isImportPath, registerImportRoutes } from './routes/import';
import { isInspectionUploadPath, registerInspectionRoutes } from './routes/inspections';
import { registerReportRoutes } from './routes/reports';
import { registerToolRoutes } from './routes/tools';
import { registerWebRoutes } from './routes/web';
import { registerWebSocketRoute, webSocketAuth } from './routes/ws';
import type { AppDeps, AppEnv, Limits } from './types';

export type { AppDeps, AppEnv, Importer, ImportRequest, Limits } from './types';

export const defaultLimits: Limits = {
  jsonBodyBytes: 1024 * 1024,
  importBodyBytes: 200 * 1024 * 1024,
  rejectedCsvBytes: 256 * 1024,
  chatBodyBytes: 60 * 1024 * 1024,
  imageBytes: 20 * 1024 * 1024,
  chatRunsPerMinute: 30,
  apiRequestsPerMinute: 600,
  sseKeepAliveMs: 15_000,
  wsHeartbeatMs: 30_000,
};

const isChatPath = (path: string) => path === '/api/chat';

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const limits: Limits = { ...defaultLimits, ...deps.limits };
  const app = new Hono<AppEnv>();

  app.use(requestIdMiddleware);
  app.use(requestContext(deps.logger, deps.metrics));
  app.use(
    jsonBodyLimit(
      limits.jsonBodyBytes,
      (path) => isImportPath(path) || isChatPath(path) || isInspectionUploadPath(path),
    ),
  );
  app.use(
    '/api/chat',
    jsonBodyLimit(limits.chatBodyBytes, () => false),
  );
  const apiToken = deps.config.apiToken;
  if (apiToken) {
    app.use('/api/*', bearerToken(apiToken));
    app.use('/ws', webSocketAuth(apiToken));
  }
  // After auth, so that a verified token can be the client's key.
  // A monotonic timer, not deps.clock (the business date, fixed in tests; the wall clock can jump).
  const limiter = createRateLimiter(limits, () => performance.now());
  app.use('/api/*', rateLimit(limiter, limits, Boolean(apiToken)));
  const locks = new ConversationLocks();

  registerHealthRoutes(app, deps);
  registerDataRoutes(app, deps);
  registerImportRoutes(app, deps, limits);
  registerToolRoutes(app, deps);
  registerChatRoute(app, deps, limits, locks);
  registerWebSocketRoute(app, deps, limits, locks, limiter);
  registerConversationRoutes(app, deps, locks);
  registerReportRoutes(app, deps);
  registerInspectionRoutes(app, deps);
  // The web app last: it answers only GETs no API route took.
  if (deps.webRoot) registerWebRoutes(app, deps.webRoot);

  app.notFound(notFoundHandler);
  app.onError(createErrorHandler(deps.logger));
  return app;
}
