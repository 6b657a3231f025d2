// startServer over real HTTP on a random port: readiness against an Ollama-protocol test server,
// data and import endpoints, graceful shutdown, and the start-up errors a user can cause.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closedPortUrl, startFakeOllama, type FakeOllama } from '../test/support/fake-ollama';
import { captureLogs } from '../test/support/log-capture';
import { populateTestStore } from '../test/support/test-store';
import { loadConfig, type AppConfig } from './config';
import { ConfigError } from './errors';
import { startServer, type RunningServer } from './main';

const models = { chat: 'qwen3:8b', vision: 'qwen2.5vl:7b', embed: 'bge-m3' };

let dataDir: string;
let running: RunningServer[] = [];
let ollama: FakeOllama | undefined;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ayni-main-'));
});

afterEach(async () => {
  await Promise.all(running.map((server) => server.close()));
  running = [];
  await ollama?.close();
  ollama = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

function config(environment: Record<string, string> = {}): AppConfig {
  return loadConfig({
    AYNI_DATA_DIR: dataDir,
    AYNI_PORT: '0',
    AYNI_CHAT_MODEL: models.chat,
    AYNI_VISION_MODEL: models.vision,
    AYNI_EMBED_MODEL: models.embed,
    ...environment,
  });
}

async function start(
  environment: Record<string, string> = {},
  extra: { shutdownTimeoutMs?: number; warmUp?: boolean } = {},
): Promise<RunningServer> {
  const server = await startServer({
    config: config(environment),
    logger: captureLogs('silent').logger,
    warmUp: false,
    ...extra,
  });
  running.push(server);
  return server;
}

describe('startServer over HTTP', () => {
  it("loads the chat model at start with Ollama's empty chat and keep_alive (else the first question waits for the load)", async () => {
    ollama = await startFakeOllama({ kind: 'models', names: ['qwen3:8b'] });
    const server = await start({ OLLAMA_HOST: ollama.url }, { warmUp: true });
    await server.services.ready;
    expect(ollama.bodies('/api/chat')).toContainEqual(
      expect.objectContaining({ model: 'qwen3:8b', messages: [], keep_alive: '30m' }),
    );
  });

  it('serves /healthz and a ready /readyz when the Ollama test server has every model', async () => {
    ollama = await startFakeOllama({
      kind: 'models',
      names: ['qwen3:8b', 'qwen2.5vl:7b', 'bge-m3:latest'],
    });
    const server = await start({ OLLAMA_HOST: ollama.url });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { ollama: { ok: true } } });
    expect(ollama.requests).toContain('GET /api/tags');
  });

  it('reports degraded (still 200) with the install hint when nothing listens at OLLAMA_HOST', async () => {
    const host = await closedPortUrl();
    const server = await start({ OLLAMA_HOST: host });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as {
      status: string;
      checks: { ollama: { message: string } };
    };
    expect(body.status).toBe('degraded');
    expect(body.checks.ollama.message).toBe(
      `Ollama is not reachable at ${host}: install it from https://ollama.com and run "ollama serve"`,
    );
  });

  it('answers /api/sales from the file-backed store and imports CSV through its own connection', async () => {
    const server = await start({ OLLAMA_HOST: await closedPortUrl() });
    populateTestStore(server.store);
    const sales = await fetch(
      `${server.url}/api/sales?sku=YOG-1L&grain=week&from=2024-01-01&to=2024-01-07`,
    );
    expect(sales.status).toBe(200);
    expect(((await sales.json()) as { rows: { units: number }[] }).rows).toEqual([
      expect.objectContaining({ period: '2024-01-01', units: 35 }),
    ]);
    const imported = await fetch(`${server.url}/api/import/sales`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'date,sku,location,units\n2024-05-01,YOG-1L,AQP-DC,12\n',
    });
    expect(imported.status).toBe(200);
    // The server's own connection sees the committed import.
    const after = await fetch(
      `${server.url}/api/sales?sku=YOG-1L&location=AQP-DC&from=2024-05-01&to=2024-05-01`,
    );
    expect(((await after.json()) as { rows: { units: number }[] }).rows[0]?.units).toBe(12);
  });

  it('requires the bearer token over HTTP when AYNI_API_TOKEN is set', async () => {
    const server = await start({ OLLAMA_HOST: await closedPortUrl(), AYNI_API_TOKEN: 'tok-123' });
    expect((await fetch(`${server.url}/api/products`)).status).toBe(401);
    const ok = await fetch(`${server.url}/api/products`, {
      headers: { authorization: 'Bearer tok-123' },
    });
    expect(ok.status).toBe(200);
  });
});

/** A POST whose body arrives slowly: the request is in flight until `finish()` is called. */
function slowImport(url: string) {
  const target = new URL('/api/import/products', url);
  const pending = request(target, { method: 'POST', headers: { 'content-type': 'text/csv' } });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    pending.on('response', (incoming) => {
      let body = '';
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body }));
    });
    pending.on('error', reject);
  });
  pending.write('sku,name,category\n');
  return { response, finish: () => pending.end('QUI-500,Quinoa blanca 500 g,grains\n') };
}

describe('graceful shutdown', () => {
  it('refuses new connections while an upload is still in flight, then completes it and closes the store', async () => {
    const server = await start({ OLLAMA_HOST: await closedPortUrl() });
    const upload = slowImport(server.url);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = server.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    upload.finish();
    const answer = await upload.response;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ report: { rowsImported: 1 } });
    await closed;
    expect(server.store.database.open).toBe(false);
  });

  it('finishes a request in flight, then refuses new connections and closes the database', async () => {
    ollama = await startFakeOllama({ kind: 'models', names: ['qwen3:8b'], delayMs: 400 });
    const server = await start({ OLLAMA_HOST: ollama.url });
    const inFlight = fetch(`${server.url}/readyz`);
    // Let the request reach the server (it now waits on the slow Ollama) before closing.
    // (the knowledge index may also ask /api/embed in the background: count only the probe)
    const probes = () => ollama?.requests.filter((request) => request === 'GET /api/tags') ?? [];
    for (let waited = 0; probes().length === 0 && waited < 2000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(probes()).toHaveLength(1);
    const closing = server.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe('degraded');
    await closing;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    expect(server.store.database.open).toBe(false);
  });

  it('cuts requests still running after the shutdown timeout instead of hanging', async () => {
    ollama = await startFakeOllama({ kind: 'hang' });
    const server = await start({ OLLAMA_HOST: ollama.url }, { shutdownTimeoutMs: 100 });
    const inFlight = fetch(`${server.url}/readyz`).catch((error: unknown) => error);
    for (let waited = 0; ollama.requests.length === 0 && waited < 2000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1500);
    expect(await inFlight).toBeInstanceOf(Error);
    expect(server.store.database.open).toBe(false);
  });
});

describe('demo company', () => {
  it('loads the demo company into an empty store when asked, and not into one with data', async () => {
    const settings = config({ OLLAMA_HOST: await closedPortUrl() });
    const logger = captureLogs('silent').logger;
    const first = await startServer({
      config: settings,
      logger,
      demoIfEmpty: true,
      today: '2026-11-23',
    });
    expect(first.store.products.count()).toBeGreaterThan(100);
    expect(first.store.sales.dateRange()).toEqual({ first: '2023-11-23', last: '2026-11-22' });
    await first.close();
    const second = await startServer({
      config: settings,
      logger,
      demoIfEmpty: true,
      today: '2026-12-01',
    });
    running.push(second);
    expect(second.store.sales.dateRange()?.last).toBe('2026-11-22');
  });
});

describe('start-up errors', () => {
  it('says the port is in use, and how to fix it, when another server holds it', async () => {
    const first = await start({ OLLAMA_HOST: await closedPortUrl() });
    const port = new URL(first.url).port;
    const second = startServer({
      config: config({ AYNI_PORT: port }),
      logger: captureLogs('silent').logger,
    });
    await expect(second).rejects.toThrow(
      new ConfigError(
        `port ${port} on 127.0.0.1 is already in use: stop the other process or set AYNI_PORT`,
      ),
    );
  });

  it('names the data folder when it cannot be created (a path under a regular file)', async () => {
    const file = join(dataDir, 'plain-file');
    writeFileSync(file, 'not a folder');
    const target = join(file, 'data');
    await expect(
      startServer({
        config: config({ AYNI_DATA_DIR: target }),
        logger: captureLogs('silent').logger,
      }),
    ).rejects.toThrow(
      `the data folder ${target} cannot be used (a part of the path is a file, not a folder): set AYNI_DATA_DIR to a writable folder`,
    );
  });

  it('rejects a malformed AYNI_PORT before anything starts', () => {
    expect(() => loadConfig({ AYNI_PORT: 'abc' })).toThrow(
      'AYNI_PORT="abc": must be a whole number from 0 to 65535',
    );
  });
});
