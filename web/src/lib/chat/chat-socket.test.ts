import { describe, expect, it } from 'vitest';
import { backoffDelay, ChatSocket, socketUrl, type WebSocketLike } from './chat-socket';

class FakeSocket implements WebSocketLike {
  readyState = 0;
  onopen: WebSocketLike['onopen'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  sent: string[] = [];
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const log: string[] = [];
  const events: unknown[] = [];
  const client = new ChatSocket({
    url: () => 'ws://host/ws',
    onEvent: (event) => events.push(event),
    onState: (state) => log.push(state),
    onReconnect: () => log.push('reconnected'),
    onFailedOpen: (attempt) => log.push(`failed:${attempt}`),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    setTimer: (callback, ms) => timers.push({ callback, ms }),
    clearTimer: () => {},
    random: () => 0.5,
  });
  return { client, sockets, timers, log, events };
}

describe('ChatSocket', () => {
  it('reconnects after a drop with growing delays and reports the reconnect (else the page never resumes)', () => {
    const { client, sockets, timers, log } = harness();
    client.connect();
    sockets[0]?.open();
    sockets[0]?.drop();
    expect(timers.at(-1)?.ms).toBe(500);
    timers.at(-1)?.callback();
    sockets[1]?.drop();
    expect(timers.at(-1)?.ms).toBe(1000);
    timers.at(-1)?.callback();
    sockets[2]?.open();
    expect(log).toEqual([
      'connecting',
      'open',
      'closed',
      'connecting',
      'failed:1',
      'closed',
      'connecting',
      'open',
      'reconnected',
    ]);
  });

  it('sends chat and stop as JSON only while open (else messages vanish into a closed socket)', () => {
    const { client, sockets } = harness();
    client.connect();
    expect(client.sendChat({ message: 'hola' })).toBe(false);
    sockets[0]?.open();
    expect(client.sendChat({ message: 'hola', conversationId: 'c1' })).toBe(true);
    expect(client.sendStop('r1')).toBe(true);
    expect(sockets[0]?.sent.map((text) => JSON.parse(text))).toEqual([
      { type: 'chat', message: 'hola', conversationId: 'c1' },
      { type: 'stop', runId: 'r1' },
    ]);
  });

  it('passes parsed events on and skips non-JSON frames (else one bad frame breaks the stream)', () => {
    const { client, sockets, events } = harness();
    client.connect();
    sockets[0]?.open();
    sockets[0]?.onmessage?.({ data: 'not json' });
    sockets[0]?.onmessage?.({ data: '{"type":"text-delta","text":"a","runId":"r"}' });
    expect(events).toEqual([{ type: 'text-delta', text: 'a', runId: 'r' }]);
  });

  it('does not reconnect after close() (else a closed page keeps dialling)', () => {
    const { client, sockets, timers } = harness();
    client.connect();
    sockets[0]?.open();
    client.close();
    expect(timers).toHaveLength(0);
  });

  it('caps the backoff and builds wss:// with the token for https pages', () => {
    expect(backoffDelay(30, 500, 10_000, 0.5)).toBe(10_000);
    expect(socketUrl({ protocol: 'https:', host: 'a:1' }, 't k')).toBe('wss://a:1/ws?token=t%20k');
    expect(socketUrl({ protocol: 'http:', host: 'a' })).toBe('ws://a/ws');
  });
});
