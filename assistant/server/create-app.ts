// createApp(deps): the Hono application (ARCHITECTURE.md 3.3) with its middleware, routes and
// error mapping. No I/O here beyond what the deps do; main.ts builds the deps and listens.
import { Hono } from 'hono';
import { createErrorHandler, notFoundHandler } from './error-handler';
import { bearerToken } from './middleware/auth';
import { jsonBodyLimit } from './middleware/body-limit';
import { requestContext, requestIdMiddleware } from './middleware/request-context';
import { registerDataRoutes } from './routes/data';
import { registerHealthRoutes } from './routes/health';
import { isImportPath, registerImportRoutes } from './routes/import';
import { registerToolRoutes } from './routes/tools';
import type { AppDeps, AppEnv, Limits } from './types';

export type { AppDeps, AppEnv, Importer, ImportRequest, Limits } from './types';

export const defaultLimits: Limits = {
  jsonBodyBytes: 1024 * 1024,
  importBodyBytes: 200 * 1024 * 1024,
  rejectedCsvBytes: 256 * 1024,
};

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const limits: Limits = { ...defaultLimits, ...deps.limits };
  const app = new Hono<AppEnv>();

  app.use(requestIdMiddleware);
  app.use(requestContext(deps.logger, deps.metrics));
  app.use(jsonBodyLimit(limits.jsonBodyBytes, isImportPath));
  if (deps.config.apiToken) {
    const auth = bearerToken(deps.config.apiToken);
    app.use('/api/*', auth);
    app.use('/ws', auth);
  }

  registerHealthRoutes(app, deps);
  registerDataRoutes(app, deps);
  registerImportRoutes(app, deps, limits);
  registerToolRoutes(app, deps);

  app.notFound(notFoundHandler);
  app.onError(createErrorHandler(deps.logger));
  return app;
}
