import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { startServer } from './main';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function config() {
  const dir = mkdtempSync(join(tmpdir(), 'ayni-main-'));
  dirs.push(dir);
  return loadConfig({ AYNI_DATA_DIR: dir, AYNI_PORT: '0', OLLAMA_HOST: 'http://127.0.0.1:9' });
}

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

describe('startServer', () => {
  it('shuts down gracefully: an in-flight request completes, new connections are refused, the store closes', async () => {
    const server = await startServer({ config: config(), logger: pino({ level: 'silent' }) });
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

  it('loads the demo company into an empty store when asked, and not into one with data', async () => {
    const settings = config();
    const first = await startServer({
      config: settings,
      logger: pino({ level: 'silent' }),
      demoIfEmpty: true,
      today: '2026-11-23',
    });
    const products = first.store.products.count();
    expect(products).toBeGreaterThan(100);
    expect(first.store.sales.dateRange()).toEqual({ first: '2023-11-23', last: '2026-11-22' });
    await first.close();
    const second = await startServer({
      config: settings,
      logger: pino({ level: 'silent' }),
      demoIfEmpty: true,
      today: '2026-12-01',
    });
    expect(second.store.sales.dateRange()?.last).toBe('2026-11-22');
    await second.close();
  });
});
