// POST /api/chat (ARCHITECTURE.md 3.3): a chat body in, the run's events out as server-sent events
// (`event: <name>`, `data: <JSON without type>`). A run that cannot start (unknown conversation,
// busy, images too large) answers a normal JSON error instead of a stream. The client going away
// stops the run, so the model request is cancelled.
import type { Context, Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { ChatRun, ChatRunner } from '../../agent/chat-runner';
import { InvalidInputError, UnavailableError } from '../../errors';
import type { StreamEvent } from '../../protocol/events';
import { chatRequestSchema, type ChatRequest } from '../../protocol/requests';
import { startGuardedRun, type ConversationLocks } from '../chat-guard';
import type { AppDeps, AppEnv, Limits } from '../types';
import { parseInput } from '../validation';

/** Events in arrival order, read once by one consumer; ends when closed and drained. */
export class EventQueue<Item> {
  private readonly items: Item[] = [];
  private wake: (() => void) | undefined;
  private closed = false;

  push = (item: Item): void => {
    if (this.closed) return;
    this.items.push(item);
    this.notify();
  };

  close(): void {
    this.closed = true;
    this.notify();
  }

  async *drain(): AsyncGenerator<Item> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        yield item;
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

export function unavailableChat(): UnavailableError {
  return new UnavailableError(
    'the chat agent is not running on this server: start it with `ayni serve` (the data and tool routes work without it)',
  );
}

/** An event as one SSE frame: the event's type as `event:`, the rest as JSON `data:`. */
export function sseFrame(event: StreamEvent): { event: string; data: string } {
  const { type, ...data } = event;
  return { event: type, data: JSON.stringify(data) };
}

async function chatBody(c: Context<AppEnv>): Promise<ChatRequest> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(
      `request body: not valid JSON (${reason}); send {"message": "...", "conversationId"?: "...", "images"?: ["<base64>"]}`,
    );
  }
  return parseInput(chatRequestSchema, body, 'chat request');
}

function isLast(event: StreamEvent): boolean {
  return event.type === 'run-end' || event.type === 'error';
}

async function streamRun(
  stream: SSEStreamingApi,
  runner: ChatRunner,
  run: ChatRun,
  queue: EventQueue<StreamEvent>,
  keepAliveMs: number,
): Promise<void> {
  stream.onAbort(() => {
    runner.stop(run.runId);
  });
  const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n'), keepAliveMs);
  try {
    for await (const event of queue.drain()) {
      // After a disconnect the writes go nowhere; the queue is still drained until the run ends.
      if (!stream.aborted) await stream.writeSSE(sseFrame(event));
      keepAlive.refresh();
      if (isLast(event)) break;
    }
  } finally {
    clearInterval(keepAlive);
  }
}

export function registerChatRoute(
  app: Hono<AppEnv>,
  deps: AppDeps,
  limits: Limits,
  locks: ConversationLocks,
): void {
  app.post('/api/chat', async (c) => {
    const runner = deps.chat;
    if (!runner) throw unavailableChat();
    const input = await chatBody(c);
    const queue = new EventQueue<StreamEvent>();
    const run = await startGuardedRun(runner, locks, input, queue.push, limits.imageBytes);
    run.done.then(
      () => queue.close(),
      () => queue.close(),
    );
    // The client may already have gone while the run was starting.
    const signal = c.req.raw.signal;
    if (signal.aborted) runner.stop(run.runId);
    else signal.addEventListener('abort', () => runner.stop(run.runId), { once: true });

    let ended: () => void = () => undefined;
    c.set('streamEnded', new Promise<void>((resolve) => (ended = resolve)));
    return streamSSE(c, async (stream) => {
      try {
        await streamRun(stream, runner, run, queue, limits.sseKeepAliveMs);
      } catch (error) {
        c.get('logger').error({ err: error, runId: run.runId }, 'chat stream failed');
        runner.stop(run.runId);
        const failure: StreamEvent = {
          type: 'error',
          code: 'internal',
          message: 'internal error: the server logged the details under this request id',
        };
        if (!stream.aborted) await stream.writeSSE(sseFrame(failure));
      } finally {
        ended();
      }
    });
  });
}
