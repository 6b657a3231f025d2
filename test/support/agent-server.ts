// The whole assistant in this process, as main.ts builds it, pointed at an Ollama-protocol test
// server: real HTTP, real WebSocket, the real Ollama client, agent, tools and SQLite store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { WebSocket } from 'ws';
import { loadConfig } from '../../assistant/config';
import { startServer, type RunningServer } from '../../assistant/main';
import type { StreamEvent } from '../../assistant/protocol/events';
import type { Limits } from '../../assistant/server/types';
import { populateTestStore } from './test-store';

export interface AgentServer {
  server: RunningServer;
  url: string;
  wsUrl: string;
  close(): Promise<void>;
}

export async function startAgentServer(
  ollamaUrl: string,
  options: {
    limits?: Partial<Limits>;
    environment?: Record<string, string>;
    salesDays?: number;
  } = {},
): Promise<AgentServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ayni-agent-'));
  const config = loadConfig({
    OLLAMA_HOST: ollamaUrl,
    AYNI_PORT: '0',
    AYNI_DATA_DIR: dataDir,
    AYNI_LOG_LEVEL: 'silent',
    ...options.environment,
  });
  const server = await startServer({
    config,
    logger: pino({ level: 'silent' }),
    warmUp: false,
    shutdownTimeoutMs: 500,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  populateTestStore(server.store, options.salesDays ?? 120);
  return {
    server,
    url: server.url,
    wsUrl: server.url.replace(/^http/, 'ws'),
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type SocketEvent = StreamEvent & { runId?: string };

/** A WebSocket client that collects events and resolves when a run ends. */
export class ChatSocket {
  readonly events: SocketEvent[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      this.events.push(JSON.parse(data.toString()) as SocketEvent);
      for (const waiter of this.waiters.splice(0)) waiter();
    });
  }

  static async open(wsUrl: string): Promise<ChatSocket> {
    const socket = new WebSocket(`${wsUrl}/ws`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new ChatSocket(socket);
  }

  send(message: Record<string, unknown>): void {
    this.socket.send(JSON.stringify(message));
  }

  /** Waits until an event matches (checking those already received first). */
  async until(
    predicate: (event: SocketEvent) => boolean,
    timeoutMs = 10_000,
  ): Promise<SocketEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(
          `no matching event within ${timeoutMs} ms; got ${this.events.map((event) => event.type).join(', ')}`,
        );
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Sends a chat and resolves with its events once it ends (run-end or error). */
  async chat(message: string, extra: Record<string, unknown> = {}): Promise<SocketEvent[]> {
    const before = this.events.length;
    this.send({ type: 'chat', message, ...extra });
    await this.until(
      (event) =>
        this.events.indexOf(event) >= before &&
        (event.type === 'run-end' || event.type === 'error'),
    );
    return this.events.slice(before);
  }

  close(): void {
    this.socket.close();
  }
}

/** Parses a text/event-stream body into events with their type. */
export function parseSse(text: string): StreamEvent[] {
  return text
    .split('\n\n')
    .map((block) => {
      const name = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      return name && data
        ? ({ type: name, ...(JSON.parse(data) as object) } as StreamEvent)
        : undefined;
    })
    .filter((event): event is StreamEvent => event !== undefined);
}
