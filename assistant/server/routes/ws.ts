// GET /ws (ARCHITECTURE.md 3.3): the client sends {type:"chat", ...} and {type:"stop", runId}; the
// server sends the stream events as JSON {type, ...}, each event of a run also carrying `runId` so
// that several runs can share one socket. Bad messages answer an `error` event and the socket
// stays open; a closed socket stops its runs; a socket that misses a heartbeat ping is closed.
import { upgradeWebSocket } from '@hono/node-server';
import type { Hono, MiddlewareHandler } from 'hono';
import type { WSContext } from 'hono/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ChatRun, ChatRunner } from '../../agent/chat-runner';
import { AppError, InvalidInputError, UnauthorizedError } from '../../errors';
import type { StreamEvent } from '../../protocol/events';
import { clientMessageSchema, type ClientMessage } from '../../protocol/requests';
import { BusyConversationError, startGuardedRun, type ConversationLocks } from '../chat-guard';
import { summariseIssues, validationIssues } from '../error-handler';
import { bearerToken, tokensMatch } from '../middleware/auth';
import { clientKey, type RateLimiter } from '../middleware/rate-limit';
import type { AppDeps, AppEnv, Limits } from '../types';

/** What the socket sends: a stream event, with the run's id on the events of a run. */
export type SocketEvent = StreamEvent & { runId?: string };

/** The WebSocket server main.ts hands to @hono/node-server; larger messages close the socket (1009). */
export function createWebSocketServer(maxMessageBytes: number): WebSocketServer {
  return new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
}

/**
 * Browsers cannot set headers on a WebSocket, so /ws also accepts the token as `?token=`
 * (the access log records the path only, never the query).
 */
export function webSocketAuth(expected: string): MiddlewareHandler {
  const header = bearerToken(expected);
  return async (c, next) => {
    const token = c.req.query('token');
    if (token === undefined || c.req.header('authorization')) return header(c, next);
    if (!tokensMatch(token, expected)) {
      throw new UnauthorizedError('the API token is wrong: use the value of AYNI_API_TOKEN');
    }
    await next();
  };
}

interface SessionOptions {
  runner: ChatRunner | undefined;
  locks: ConversationLocks;
  limiter: RateLimiter;
  limits: Limits;
  clientKey: string;
  logger: Logger;
  send: (event: SocketEvent) => void;
}

const rememberedFinishedRuns = 100;

/** One socket's runs and message handling; independent of the transport for testing. */
export class SocketSession {
  private readonly runs = new Map<string, ChatRun>();
  private readonly finished: string[] = [];
  private closed = false;

  constructor(private readonly options: SessionOptions) {}

  handle(data: unknown): void {
    if (typeof data !== 'string') {
      this.fail('invalid_input', 'send messages as JSON text frames, not binary');
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.fail(
        'invalid_input',
        `the message is not valid JSON (${reason}); send {"type":"chat","message":"..."} or {"type":"stop","runId":"..."}`,
      );
      return;
    }
    const message = clientMessageSchema.safeParse(parsed);
    if (!message.success) {
      const issues = summariseIssues(validationIssues(message.error));
      this.fail(
        'invalid_input',
        `invalid message: ${issues}; send {"type":"chat","message":"..."} or {"type":"stop","runId":"..."}`,
      );
      return;
    }
    if (message.data.type === 'stop') this.stop(message.data.runId);
    else void this.chat(message.data);
  }

  /** The socket closed: stop every run it started. */
  close(): void {
    this.closed = true;
    for (const runId of this.runs.keys()) this.options.runner?.stop(runId);
  }

  get activeRuns(): number {
    return this.runs.size;
  }

  private allowed(bucket: 'chat' | 'api'): boolean {
    const outcome = this.options.limiter[bucket].take(this.options.clientKey);
    if (outcome.ok) return true;
    const perMinute =
      bucket === 'chat'
        ? this.options.limits.chatRunsPerMinute
        : this.options.limits.apiRequestsPerMinute;
    this.fail(
      'rate_limited',
      `too many ${bucket === 'chat' ? 'chat runs' : 'messages'}: the limit is ${perMinute} a minute per client; try again in ${outcome.retryAfterSeconds} s`,
    );
    return false;
  }

  private stop(runId: string): void {
    if (!this.allowed('api')) return;
    if (this.runs.has(runId)) {
      this.options.runner?.stop(runId);
      return;
    }
    // A stop that crossed the run's end on the wire is not an error.
    if (this.finished.includes(runId)) return;
    this.fail('not_found', `no run ${runId} is running on this connection`);
  }

  private async chat(message: Extract<ClientMessage, { type: 'chat' }>): Promise<void> {
    if (!this.allowed('chat')) return;
    const { runner, locks, limits } = this.options;
    if (!runner) {
      this.fail('unavailable', 'the chat agent is not running on this server');
      return;
    }
    let runId: string | undefined;
    const emit = (event: StreamEvent) => {
      if (event.type === 'run-start') runId = event.runId;
      this.options.send(runId === undefined ? event : { ...event, runId });
    };
    const input = {
      message: message.message,
      ...(message.conversationId === undefined ? {} : { conversationId: message.conversationId }),
      ...(message.images === undefined ? {} : { images: message.images }),
    };
    let run: ChatRun;
    try {
      run = await startGuardedRun(runner, locks, input, emit, limits.imageBytes);
    } catch (error) {
      this.startFailed(error);
      return;
    }
    runId = run.runId;
    this.runs.set(run.runId, run);
    const forget = () => {
      this.runs.delete(run.runId);
      this.finished.push(run.runId);
      if (this.finished.length > rememberedFinishedRuns) this.finished.shift();
    };
    run.done.then(forget, forget);
    if (this.closed) runner.stop(run.runId);
  }

  private startFailed(error: unknown): void {
    if (error instanceof BusyConversationError) this.fail('busy', error.message);
    else if (error instanceof AppError) this.fail(error.code, error.message);
    else {
      this.options.logger.error({ err: error }, 'a chat run failed to start');
      this.fail('internal', 'internal error: the run could not start; the server logged why');
    }
  }

  private fail(code: string, message: string): void {
    this.options.send({ type: 'error', code, message });
  }
}

type RawSocket = Pick<WebSocket, 'ping' | 'terminate' | 'on'>;

function rawSocket(ws: WSContext<unknown>): RawSocket | undefined {
  const raw = ws.raw as Partial<RawSocket> | undefined;
  return typeof raw?.ping === 'function' && typeof raw.terminate === 'function'
    ? (raw as RawSocket)
    : undefined;
}

/** Pings every `intervalMs`; a socket that did not answer the previous ping is cut. */
function heartbeat(socket: RawSocket, intervalMs: number): () => void {
  let answered = true;
  socket.on('pong', () => (answered = true));
  const timer = setInterval(() => {
    if (!answered) {
      socket.terminate();
      return;
    }
    answered = false;
    socket.ping();
  }, intervalMs);
  return () => clearInterval(timer);
}

export function registerWebSocketRoute(
  app: Hono<AppEnv>,
  deps: AppDeps,
  limits: Limits,
  locks: ConversationLocks,
  limiter: RateLimiter,
): void {
  const tokensChecked = Boolean(deps.config.apiToken);
  app.get(
    '/ws',
    upgradeWebSocket((c) => {
      const logger = c.get('logger');
      let session: SocketSession | undefined;
      let stopHeartbeat: () => void = () => undefined;
      return {
        onOpen(_event, ws) {
          deps.metrics.wsConnections.inc();
          session = new SocketSession({
            runner: deps.chat,
            locks,
            limiter,
            limits,
            clientKey: clientKey(c, tokensChecked),
            logger,
            send: (event) => {
              if (ws.readyState === 1) ws.send(JSON.stringify(event));
            },
          });
          const raw = rawSocket(ws);
          if (raw) stopHeartbeat = heartbeat(raw, limits.wsHeartbeatMs);
        },
        onMessage(event) {
          session?.handle(event.data);
        },
        onClose() {
          stopHeartbeat();
          if (session) {
            session.close();
            deps.metrics.wsConnections.dec();
            session = undefined;
          }
        },
        onError(event) {
          logger.warn({ err: (event as Event & { error?: unknown }).error }, 'websocket error');
        },
      };
    }),
  );
  // Reached only by a request without `Upgrade: websocket`.
  app.get('/ws', (c) => {
    c.header('Upgrade', 'websocket');
    throw new InvalidInputError(
      'GET /ws is a WebSocket endpoint: connect with a WebSocket client (new WebSocket("ws://host/ws")), or use POST /api/chat for server-sent events',
    );
  });
}
