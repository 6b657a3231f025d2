import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from '../test/support/fake-ollama';
import { openTestStore } from '../test/support/test-store';
import { loadConfig } from './config';
import { createMetrics } from './metrics/metrics';
import { createAssistantServices } from './services';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(ollama: FakeOllama) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ayni-services-'));
  const store = openTestStore();
  const background = new AbortController();
  cleanups.push(() => {
    background.abort();
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return createAssistantServices({
    config: loadConfig({ OLLAMA_HOST: ollama.url, AYNI_DATA_DIR: dataDir }),
    store,
    dataDir,
    logger: pino({ level: 'silent' }),
    metrics: createMetrics(new Registry()),
    warmUp: false,
    signal: background.signal,
  });
}

describe('createAssistantServices: the knowledge index', () => {
  it('says the documents are being embedded while the embedding model works (not "no embedding model")', async () => {
    const ollama = await startFakeOllama({
      kind: 'models',
      models: [{ name: 'bge-m3', capabilities: ['embedding'] }],
    });
    cleanups.push(() => ollama.close());
    ollama.reply('/api/embed', { kind: 'hang' });
    const services = await setup(ollama);
    const status = services.knowledge.status();
    expect(status.mode).toBe('lexical');
    expect(status.message).toContain('being embedded with bge-m3');
    expect(await services.knowledge.search('nivel de servicio lácteos')).not.toHaveLength(0);
  });

  it('turns hybrid once the embedding model has embedded the documents', async () => {
    const ollama = await startFakeOllama({
      kind: 'models',
      models: [{ name: 'bge-m3', capabilities: ['embedding'] }],
    });
    cleanups.push(() => ollama.close());
    const services = await setup(ollama);
    await services.ready;
    expect(services.knowledge.status()).toMatchObject({ mode: 'hybrid' });
    const passages = await services.knowledge.search('nivel de servicio objetivo lácteos Lima');
    expect(passages[0]?.matchedBy).toContain('vector');
  });
});
