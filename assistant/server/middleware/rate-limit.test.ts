import { describe, expect, it } from 'vitest';
import { testDeps } from '../../../test/support/app-deps';
import { ScriptedChatRunner } from '../../../test/support/scripted-chat-runner';
import { createApp } from '../create-app';
import type { ErrorBody } from '../error-handler';
import { TokenBuckets } from './rate-limit';

describe('TokenBuckets', () => {
  it('allows a burst of perMinute, then refuses with the seconds until one token is back', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 3, now: () => now });
    expect([1, 2, 3].map(() => buckets.take('a').ok)).toEqual([true, true, true]);
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 20 });
    now = 15_000;
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 5 });
    now = 20_000;
    expect(buckets.take('a')).toEqual({ ok: true });
  });

  it('refills continuously but never above the burst size (an idle client cannot save up)', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 2, now: () => now });
    now = 10 * 60_000;
    expect([1, 2, 3].map(() => buckets.take('a').ok)).toEqual([true, true, false]);
  });

  it('keeps one bucket per key: one client over its limit does not block another', () => {
    const buckets = new TokenBuckets({ perMinute: 1, now: () => 0 });
    expect(buckets.take('a').ok).toBe(true);
    expect(buckets.take('a').ok).toBe(false);
    expect(buckets.take('b').ok).toBe(true);
  });

  it('forgets full buckets past maxKeys, so many one-off clients cannot grow memory without bound', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 60, now: () => now, maxKeys: 100 });
    for (let index = 0; index < 100; index += 1) buckets.take(`client-${index}`);
    now = 60_000;
    buckets.take('late');
    expect(buckets.size).toBe(1);
  });

  it('rejects a perMinute below 1 naming the argument', () => {
    expect(() => new TokenBuckets({ perMinute: 0, now: () => 0 })).toThrow(/perMinute/);
  });
});

function addressEnv(remoteAddress: string) {
  return { incoming: { socket: { remoteAddress } } };
}

const chatBody: RequestInit = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ message: 'hola' }),
};

describe('rate limits on the API', () => {
  it('answers 429 with Retry-After and the error body once a client is over its request limit', async () => {
    const app = createApp(testDeps({ limits: { apiRequestsPerMinute: 2 } }));
    expect((await app.request('/api/products')).status).toBe(200);
    expect((await app.request('/api/locations')).status).toBe(200);
    const refused = await app.request('/api/products');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toContain('2 a minute');
    expect(body.error.details).toEqual({ retryAfterSeconds: 30, limitPerMinute: 2 });
  });

  it('never counts /healthz, /readyz or /metrics (monitoring must not lock a client out)', async () => {
    const app = createApp(testDeps({ limits: { apiRequestsPerMinute: 1 } }));
    for (let index = 0; index < 5; index += 1) {
      expect((await app.request('/healthz')).status).toBe(200);
      expect((await app.request('/metrics')).status).toBe(200);
      expect((await app.request('/readyz')).status).toBe(200);
    }
    expect((await app.request('/api/products')).status).toBe(200);
  });

  it('counts chat runs apart from other requests', async () => {
    const runner = new ScriptedChatRunner();
    const limits = { chatRunsPerMinute: 1, apiRequestsPerMinute: 100 };
    const app = createApp(testDeps({ chat: runner, limits }));
    const first = await app.request('/api/chat', chatBody);
    expect(first.status).toBe(200);
    await first.text();
    const second = await app.request('/api/chat', chatBody);
    expect(second.status).toBe(429);
    expect(((await second.json()) as ErrorBody).error.message).toContain('chat runs');
    expect((await app.request('/api/products')).status).toBe(200);
    expect(runner.starts).toHaveLength(1);
  });

  it('keys clients by remote address when no token is configured, ignoring made-up bearer tokens', async () => {
    const app = createApp(testDeps({ limits: { apiRequestsPerMinute: 1 } }));
    const from = (address: string, token: string) =>
      app.request(
        '/api/products',
        { headers: { authorization: `Bearer ${token}` } },
        addressEnv(address),
      );
    expect((await from('10.0.0.1', 'a')).status).toBe(200);
    expect((await from('10.0.0.1', 'b')).status).toBe(429);
    expect((await from('10.0.0.2', 'a')).status).toBe(200);
  });

  it('keys clients by their verified token when one is configured, and rejects a wrong token before counting', async () => {
    const deps = testDeps({
      limits: { apiRequestsPerMinute: 1 },
      environment: { AYNI_API_TOKEN: 'secreto' },
    });
    const app = createApp(deps);
    const wrong = { headers: { authorization: 'Bearer otro' } };
    for (let index = 0; index < 3; index += 1) {
      expect((await app.request('/api/products', wrong, addressEnv('10.0.0.1'))).status).toBe(401);
    }
    const right = { headers: { authorization: 'Bearer secreto' } };
    expect((await app.request('/api/products', right, addressEnv('10.0.0.1'))).status).toBe(200);
    expect((await app.request('/api/products', right, addressEnv('10.0.0.2'))).status).toBe(429);
  });
});

describe('CORS', () => {
  it('sends no Access-Control-Allow-Origin, so other web sites cannot read the API from a browser', async () => {
    const runner = new ScriptedChatRunner();
    const app = createApp(testDeps({ chat: runner }));
    const origin = { origin: 'https://evil.example' };
    const preflight = await app.request('/api/chat', {
      method: 'OPTIONS',
      headers: { ...origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await app.request('/api/products', { headers: origin });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    const chat = await app.request('/api/chat', { ...chatBody, headers: { ...origin } });
    expect(chat.headers.get('access-control-allow-origin')).toBeNull();
    await chat.text();
  });
});
