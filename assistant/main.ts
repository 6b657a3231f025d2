// The one composition root (ARCHITECTURE.md 1): config -> deps -> createApp -> listen; and a
// graceful close (stop accepting, finish in-flight requests, close the database).
import { accessSync, constants, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { pino, type Logger } from 'pino';
import { Registry } from 'prom-client';
import type { AppConfig } from './config';
import { ConfigError } from './errors';
import { createScheduler, type Scheduler } from './jobs/scheduler';
import { probeOllama } from './llm/ollama-status';
import { createMetrics } from './metrics/metrics';
import { createApp, defaultLimits } from './server/create-app';
import { createWebSocketServer } from './server/routes/ws';
import { createStoreImporter } from './server/store-importer';
import { createAssistantServices, type AssistantServices } from './services';
import type { Limits } from './server/types';
import { formatIsoDate } from '../models/calendar/dates';
import { loadDemoCompany } from './store/demo/load';
import { openStore, type Store } from './store/store';
import { defaultWebRoot } from './web-build';

export interface StartServerOptions {
  config: AppConfig;
  /** load the demo company when the store is empty */
  demoIfEmpty?: boolean;
  /** ISO date the demo data ends on (default: today) */
  today?: string;
  /** default: pino to stdout at config.logLevel */
  logger?: Logger;
  limits?: Partial<Limits>;
  /** the knowledge documents (default: the repository's knowledge/docs) */
  docsDir?: string;
  /** load the chat model and log Ollama's status at start (default true) */
  warmUp?: boolean;
  /** how long close() waits for in-flight requests before cutting connections; default 10 s */
  shutdownTimeoutMs?: number;
  /** the built web app to serve at / (default: the repository's web/dist); false serves none */
  webRoot?: string | false;
  /** ms after listening before the scheduler runs missed jobs (default 5 s) */
  schedulerCatchUpDelayMs?: number;
}

export interface RunningServer {
  url: string;
  store: Store;
  logger: Logger;
  services: AssistantServices;
  /** the job scheduler, unless AYNI_SCHEDULER=off */
  scheduler: Scheduler | undefined;
  close(): Promise<void>;
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'EEXIST') return 'a file with that name is in the way';
  return error instanceof Error ? error.message : String(error);
}

/** Creates the data folder and checks it is writable; one clear error naming the folder if not. */
export function prepareDataDir(dataDir: string): string {
  const folder = resolve(dataDir);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new ConfigError(
      `the data folder ${folder} cannot be used (${reasonOf(error)}): set AYNI_DATA_DIR to a writable folder`,
      undefined,
      { cause: error },
    );
  }
  return folder;
}

function listenError(error: unknown, config: AppConfig, port: number): Error {
  const code = (error as { code?: unknown }).code;
  const where = `port ${port} on ${config.host}`;
  if (code === 'EADDRINUSE')
    return new ConfigError(`${where} is already in use: stop the other process or set AYNI_PORT`);
  if (code === 'EACCES')
    return new ConfigError(`${where} needs privileges: set AYNI_PORT to 1024 or above`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new ConfigError(
      `AYNI_HOST=${config.host} is not an address of this machine: use 127.0.0.1, 0.0.0.0 or a local interface's address`,
    );
  return error instanceof Error ? error : new Error(String(error));
}

function listen(server: Server, config: AppConfig): Promise<AddressInfo> {
  return new Promise((resolvePromise, reject) => {
    const onError = (error: unknown) => reject(listenError(error, config, config.port));
    server.once('error', onError);
    server.listen(config.port, config.host, () => {
      server.off('error', onError);
      resolvePromise(server.address() as AddressInfo);
    });
  });
}

function urlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Stops accepting, lets in-flight requests finish (bounded), cutting idle keep-alive sockets. */
function closeServer(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolvePromise) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolvePromise();
    });
    server.closeIdleConnections();
  });
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: 'ayni' } });
  const dataDir = prepareDataDir(config.dataDir);
  const databasePath = join(dataDir, 'ayni.db');
  let store: Store;
  try {
    store = openStore({ path: databasePath });
  } catch (error) {
    throw new ConfigError(
      `the database ${databasePath} cannot be opened (${reasonOf(error)}): move it away or set AYNI_DATA_DIR to another folder`,
      undefined,
      { cause: error },
    );
  }

  try {
    if (options.demoIfEmpty && store.isEmpty()) {
      const today = options.today ?? formatIsoDate(Math.floor(Date.now() / 86_400_000));
      logger.info({ today }, 'the store is empty: loading the demo company');
      const summary = loadDemoCompany(store, { seed: 1, today });
      logger.info(summary, `demo company loaded in ${summary.seconds.toFixed(1)} s`);
    }
    const metrics = createMetrics(new Registry());
    const background = new AbortController();
    const services = await createAssistantServices({
      config,
      store,
      dataDir,
      logger,
      metrics,
      ...(options.docsDir ? { docsDir: options.docsDir } : {}),
      ...(options.warmUp === undefined ? {} : { warmUp: options.warmUp }),
      signal: background.signal,
    });
    const app = createApp({
      store,
      config,
      logger,
      metrics,
      ollama: {
        status: () => probeOllama({ host: config.ollamaHost, models: config.models }),
      },
      importer: createStoreImporter(store),
      limits: options.limits,
      chat: services.agent,
      conversations: store.conversations,
      knowledge: services.knowledge,
      reports: { llm: services.llm, chatModel: config.models.chat },
      inspections: {
        toolContext: services.toolContext,
        references: services.inspectionAids.references,
        ...(services.inspectionAids.classifier
          ? { classifier: services.inspectionAids.classifier }
          : {}),
      },
      ...(options.webRoot === false ? {} : { webRoot: options.webRoot ?? defaultWebRoot }),
    });
    const webSockets = createWebSocketServer({ ...defaultLimits, ...options.limits }.chatBodyBytes);
    const server = createAdaptorServer({
      fetch: app.fetch,
      websocket: { server: webSockets },
    }) as Server;
    const address = await listen(server, config);
    const url = urlOf(config.host, address.port);
    const scheduler = config.scheduler.enabled
      ? createScheduler(
          {
            store,
            toolContext: services.toolContext,
            clock: () => new Date(),
            report: { llm: services.llm, chatModel: config.models.chat, logger },
            language: 'es',
            logger,
            metrics,
            hasSales: () => store.sales.count() > 0,
          },
          config.scheduler,
          options.schedulerCatchUpDelayMs === undefined
            ? {}
            : { catchUpDelayMs: options.schedulerCatchUpDelayMs },
        )
      : undefined;

    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        logger.info('shutting down: no new connections, finishing requests in flight');
        background.abort(new Error('the server is shutting down'));
        // Open sockets would hold server.close() until the deadline; closing them stops their runs.
        for (const socket of webSockets.clients) socket.close(1001, 'the server is shutting down');
        await Promise.all([
          closeServer(server, options.shutdownTimeoutMs ?? 10_000),
          scheduler?.stop(),
        ]);
        store.close();
        logger.info('stopped');
      })();
      return closing;
    };
    logger.info({ url, dataDir }, `Ayni is listening on ${url}`);
    scheduler?.start();
    // At start-up, say whether Ollama has each role's model with its capability (and the fix).
    if (options.warmUp !== false)
      void probeOllama({
        host: config.ollamaHost,
        models: config.models,
        signal: background.signal,
      })
        .then((status) =>
          status.ok
            ? logger.info({ ollama: status }, status.message)
            : logger.warn({ ollama: status }, status.message),
        )
        .catch(() => undefined);
    return { url, store, logger, services, scheduler, close };
  } catch (error) {
    store.close();
    throw error;
  }
}
