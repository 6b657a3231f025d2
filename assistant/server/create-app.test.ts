import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/support/app-deps';
import { testDays } from '../../test/support/test-store';
import { createApp } from './create-app';
import type { ErrorBody } from './error-handler';

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

describe('request id and error shape', () => {
  it('generates a request id when none is sent and echoes it in the header', async () => {
    const app = createApp(testDeps());
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a safe incoming x-request-id but replaces an unsafe or overlong one', async () => {
    const app = createApp(testDeps());
    const kept = await app.request('/healthz', { headers: { 'x-request-id': 'abc-123_X' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123_X');
    const injected = await app.request('/healthz', {
      headers: { 'x-request-id': 'abc\tdef"}{' },
    });
    expect(injected.headers.get('x-request-id')).not.toContain('abc');
    const long = await app.request('/healthz', { headers: { 'x-request-id': 'a'.repeat(129) } });
    expect(long.headers.get('x-request-id')).toHaveLength(36);
  });

  it('answers an unknown route with 404 in the error shape carrying the request id', async () => {
    const app = createApp(testDeps());
    const response = await app.request('/nope', { headers: { 'x-request-id': 'req-404' } });
    expect(response.status).toBe(404);
    const body = await json<ErrorBody>(response);
    expect(body.error).toMatchObject({ code: 'not_found', requestId: 'req-404' });
    expect(body.error.message).toContain('GET /nope');
  });

  it('hides an unexpected exception behind a generic 500 and logs it with its stack', async () => {
    const deps = testDeps();
    deps.store.products.list = () => {
      throw new Error('secret SQL detail');
    };
    const app = createApp(deps);
    const response = await app.request('/api/products', { headers: { 'x-request-id': 'boom' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'internal', requestId: 'boom' } });
    const logged = deps.logs.lines.find((line) => line.msg === 'unhandled error');
    expect(logged).toMatchObject({ reqId: 'boom', err: { message: 'secret SQL detail' } });
    expect(String((logged?.err as { stack?: string }).stack)).toContain('create-app.test.ts');
  });

  it('writes one access-log line per request with method, route pattern, status and ms', async () => {
    const deps = testDeps();
    const app = createApp(deps);
    await app.request('/api/sales?sku=QUI-500', { headers: { 'x-request-id': 'log-1' } });
    const access = deps.logs.lines.filter((line) => line.msg === 'request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      reqId: 'log-1',
      method: 'GET',
      route: '/api/sales',
      status: 200,
    });
    expect(typeof access[0]?.ms).toBe('number');
  });
});

describe('health, readiness and metrics', () => {
  it('is ready when the store answers and Ollama has every model', async () => {
    const app = createApp(testDeps());
    const response = await app.request('/readyz');
    expect(response.status).toBe(200);
    const body = await json<{ status: string; checks: { store: { ok: boolean } } }>(response);
    expect(body.status).toBe('ready');
    expect(body.checks.store.ok).toBe(true);
  });

  it('stays 200 but degraded, with the user-facing message, when Ollama is unreachable', async () => {
    const deps = testDeps();
    const message = `Ollama is not reachable at ${deps.config.ollamaHost}: install it from https://ollama.com and run "ollama serve"`;
    deps.ollama = {
      status: () =>
        Promise.resolve({
          ok: false,
          reachable: false,
          host: deps.config.ollamaHost,
          message,
          models: {
            chat: { name: 'a', present: null },
            vision: { name: 'b', present: null },
            embed: { name: 'c', present: null },
          },
        }),
    };
    const response = await createApp(deps).request('/readyz');
    expect(response.status).toBe(200);
    const body = await json<{ status: string; checks: { ollama: { message: string } } }>(response);
    expect(body.status).toBe('degraded');
    expect(body.checks.ollama.message).toBe(message);
  });

  it('answers 503 unavailable when the store no longer answers', async () => {
    const deps = testDeps();
    deps.store.close();
    const response = await createApp(deps).request('/readyz');
    expect(response.status).toBe(503);
    const body = await json<{ status: string; checks: { store: { ok: boolean } } }>(response);
    expect(body).toMatchObject({ status: 'unavailable', checks: { store: { ok: false } } });
  });

  it('labels the duration histogram with the route pattern, never the raw path', async () => {
    const app = createApp(testDeps());
    await app.request('/api/sales?sku=QUI-500');
    await app.request('/api/import/sales-2024-secret', { method: 'POST' });
    await app.request('/totally/unknown/123');
    const response = await app.request('/metrics');
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await response.text();
    expect(text).toContain('route="/api/sales",status="200"');
    expect(text).toContain('route="/api/import/:kind",status="400"');
    expect(text).toContain('route="unmatched",status="404"');
    expect(text).not.toContain('secret');
    expect(text).not.toContain('/totally');
    expect(text).toContain('process_resident_memory_bytes');
  });
});

describe('data endpoints', () => {
  it('lists products with explicit fields and filters by category', async () => {
    const app = createApp(testDeps());
    const all = await json<{ products: { sku: string }[] }>(await app.request('/api/products'));
    expect(all.products.map((product) => product.sku)).toEqual(['QUI-500', 'YOG-1L']);
    const dairy = await json<{ products: Record<string, unknown>[] }>(
      await app.request('/api/products?category=dairy'),
    );
    expect(dairy.products).toHaveLength(1);
    expect(dairy.products[0]).toMatchObject({ sku: 'YOG-1L', shelfLifeDays: 21, unitCost: 3 });
    expect(dairy.products[0]).not.toHaveProperty('id');
    const unknown = await app.request('/api/products?category=frozen');
    expect(unknown.status).toBe(404);
    expect((await json<ErrorBody>(unknown)).error.message).toContain('dairy, grains');
  });

  it('lists locations with their region', async () => {
    const body = await json<{ locations: { code: string; region: string }[] }>(
      await createApp(testDeps()).request('/api/locations'),
    );
    expect(body.locations).toEqual([
      expect.objectContaining({ code: 'AQP-DC', region: 'Sur' }),
      expect.objectContaining({ code: 'LIM-DC1', region: 'Lima' }),
    ]);
  });

  it('aggregates weekly sales per location from the store', async () => {
    const response = await createApp(testDeps()).request(
      '/api/sales?sku=QUI-500&grain=week&group_by=location&from=2024-01-01&to=2024-01-07',
    );
    expect(response.status).toBe(200);
    const body = await json<{ rows: Record<string, unknown>[]; truncated: boolean }>(response);
    // Arequipa sells 2 + (day % 2) units a day, Lima 10.
    const arequipaWeek = [0, 1, 2, 3, 4, 5, 6].reduce((sum, day) => sum + 2 + (day % 2), 0);
    expect(body.rows).toEqual([
      expect.objectContaining({ period: '2024-01-01', location: 'AQP-DC', units: arequipaWeek }),
      expect.objectContaining({
        period: '2024-01-01',
        location: 'LIM-DC1',
        units: 70,
        promoDays: 1,
      }),
    ]);
    expect(body.truncated).toBe(false);
  });

  it('accepts repeated and comma-separated list parameters alike', async () => {
    const app = createApp(testDeps());
    const repeated = await app.request('/api/sales?sku=QUI-500&sku=YOG-1L&grain=month');
    const comma = await app.request('/api/sales?sku=QUI-500,YOG-1L&grain=month');
    const repeatedBody = await json<{ rows: { units: number }[] }>(repeated);
    expect(repeatedBody).toEqual(await comma.json());
    const expected =
      testDays * 10 +
      testDays * 5 +
      [...Array(testDays).keys()].reduce((sum, day) => sum + 2 + (day % 2), 0);
    expect(repeatedBody.rows[0]?.units).toBe(expected);
  });

  it('rejects malformed queries with 400 invalid_input naming the field', async () => {
    const app = createApp(testDeps());
    const cases: [string, string, string][] = [
      ['/api/sales?from=2024-02-30', 'from', 'calendar date'],
      ['/api/sales?from=2024-03-01&to=2024-02-01', 'from', 'must not be after'],
      ['/api/sales?grain=year', 'grain', 'day, week, month'],
      ['/api/sales?group_by=sku,colour', 'group_by.1', 'sku, category, location, region'],
      ['/api/sales?skus=QUI-500', '', 'unknown parameter "skus"'],
      ['/api/sales?limit=0', 'limit', 'whole number'],
    ];
    for (const [url, path, message] of cases) {
      const response = await app.request(url);
      expect(response.status, url).toBe(400);
      const body = await json<ErrorBody>(response);
      expect(body.error.code, url).toBe('invalid_input');
      expect(body.error.message, url).toContain(message);
      expect(body.error.details, url).toEqual([expect.objectContaining({ path })]);
    }
  });

  it('answers 404 naming every unknown SKU or location', async () => {
    const app = createApp(testDeps());
    const sku = await app.request('/api/sales?sku=QUI-500,NOPE-1,NOPE-2');
    expect(sku.status).toBe(404);
    const body = await json<ErrorBody>(sku);
    expect(body.error.message).toBe(
      'unknown sku "NOPE-1", "NOPE-2": GET /api/products lists the known SKUs',
    );
    expect(body.error.details).toEqual({ sku: ['NOPE-1', 'NOPE-2'] });
    const location = await app.request('/api/sales?location=CUZ');
    expect((await json<ErrorBody>(location)).error.message).toContain('unknown location "CUZ"');
  });

  it('truncates to the limit and says so', async () => {
    const response = await createApp(testDeps()).request('/api/sales?grain=day&limit=3');
    const body = await json<{ rows: unknown[]; truncated: boolean; rowCount: number }>(response);
    expect(body).toMatchObject({ truncated: true, rowCount: 3 });
    expect(body.rows).toHaveLength(3);
  });
});

describe('auth and body limits', () => {
  it('requires the bearer token on /api/* only, when one is configured', async () => {
    const app = createApp(testDeps({ environment: { AYNI_API_TOKEN: 's3cret-token' } }));
    const missing = await app.request('/api/products');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="ayni"');
    expect((await json<ErrorBody>(missing)).error.code).toBe('unauthorized');
    const wrong = await app.request('/api/products', {
      headers: { authorization: 'Bearer s3cret-tokem' },
    });
    expect(wrong.status).toBe(401);
    const basic = await app.request('/api/products', { headers: { authorization: 'Basic abc' } });
    expect(basic.status).toBe(401);
    const right = await app.request('/api/products', {
      headers: { authorization: 'Bearer s3cret-token' },
    });
    expect(right.status).toBe(200);
    for (const open of ['/healthz', '/readyz', '/metrics']) {
      expect((await app.request(open)).status, open).toBe(200);
    }
  });

  it('needs no token when none is configured', async () => {
    expect((await createApp(testDeps()).request('/api/products')).status).toBe(200);
  });

  it('refuses a body over 1 MB with 413, by Content-Length and when streamed without it', async () => {
    const app = createApp(testDeps());
    const big = new Uint8Array(1024 * 1024 + 1);
    const declared = await app.request('/api/anything', {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(declared.status).toBe(413);
    expect((await json<ErrorBody>(declared)).error).toMatchObject({
      code: 'payload_too_large',
      details: { limitBytes: 1024 * 1024 },
    });
    const streamed = await app.request('/api/anything', {
      method: 'POST',
      body: new ReadableStream({
        start(controller) {
          for (let index = 0; index < 5; index += 1) controller.enqueue(new Uint8Array(300_000));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const small = await app.request('/api/anything', { method: 'POST', body: '{}' });
    expect(small.status).toBe(404);
  });
});
