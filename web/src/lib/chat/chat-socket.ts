// The WebSocket to /ws with automatic reconnect: exponential backoff with jitter (0.5 s doubling to
// 10 s); after a reconnect the caller reloads the visible conversation (the server stops the runs of
// a closed socket, and stores what they produced). The WebSocket constructor and timers are
// injectable for tests.
import type { ChatRequest } from '../../../../assistant/protocol/index';
import type { SocketEvent } from './types';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface WebSocketLike {
  readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface ChatSocketOptions {
  url: () => string;
  onEvent: (event: SocketEvent) => void;
  onState?: (state: ConnectionState) => void;
  /** called after a connection opens again following a drop (not on the first open) */
  onReconnect?: () => void;
  /** called when a connection closes without having opened (the caller may check the token) */
  onFailedOpen?: (attempt: number) => void;
  createSocket?: (url: string) => WebSocketLike;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
  minDelayMs?: number;
  maxDelayMs?: number;
}

const openState = 1;

/** Delay before reconnect attempt `attempt` (0-based): min * 2^attempt, capped, with ±20 % jitter. */
export function backoffDelay(
  attempt: number,
  minMs: number,
  maxMs: number,
  random: number,
): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 20));
  return Math.round(base * (0.8 + 0.4 * random));
}

/** Builds the /ws address for the page's origin, with `?token=` when one is set. */
export function socketUrl(location: { protocol: string; host: string }, token?: string): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  return `${protocol}//${location.host}/ws${query}`;
}

export class ChatSocket {
  private socket: WebSocketLike | undefined;
  private attempt = 0;
  private timer: unknown;
  private everOpened = false;
  private stopped = false;
  private state: ConnectionState = 'closed';

  constructor(private readonly options: ChatSocketOptions) {}

  get connection(): ConnectionState {
    return this.state;
  }

  connect(): void {
    this.stopped = false;
    if (this.socket) return;
    this.open();
  }

  /** Sends a chat; false when the socket is not open (the caller shows it). */
  sendChat(request: ChatRequest): boolean {
    return this.send({ type: 'chat', ...request });
  }

  sendStop(runId: string): boolean {
    return this.send({ type: 'stop', runId });
  }

  /** Reconnects now (e.g. after a new token was entered), skipping the backoff wait. */
  reconnectNow(): void {
    if (this.stopped) return;
    this.clearTimer();
    this.attempt = 0;
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
    this.open();
  }

  close(): void {
    this.stopped = true;
    this.clearTimer();
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
    this.setState('closed');
  }

  private send(message: Record<string, unknown>): boolean {
    if (!this.socket || this.socket.readyState !== openState) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.options.onState?.(state);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) {
      (this.options.clearTimer ?? ((handle) => clearTimeout(handle as number)))(this.timer);
      this.timer = undefined;
    }
  }

  private open(): void {
    this.setState('connecting');
    const create =
      this.options.createSocket ??
      ((url: string) => new WebSocket(url) as unknown as WebSocketLike);
    let opened = false;
    const socket = create(this.options.url());
    this.socket = socket;
    socket.onopen = () => {
      opened = true;
      this.attempt = 0;
      const again = this.everOpened;
      this.everOpened = true;
      this.setState('open');
      if (again) this.options.onReconnect?.();
    };
    socket.onmessage = (message) => {
      if (typeof message.data !== 'string') return;
      let event: unknown;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      if (event !== null && typeof event === 'object' && 'type' in event) {
        this.options.onEvent(event as SocketEvent);
      }
    };
    socket.onerror = () => {};
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      if (!opened) this.options.onFailedOpen?.(this.attempt);
      if (this.stopped) return;
      this.setState('closed');
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    const delay = backoffDelay(
      this.attempt,
      this.options.minDelayMs ?? 500,
      this.options.maxDelayMs ?? 10_000,
      (this.options.random ?? Math.random)(),
    );
    this.attempt += 1;
    const setTimer = this.options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.timer = setTimer(() => {
      this.timer = undefined;
      if (!this.stopped && !this.socket) this.open();
    }, delay);
  }
}
