// The planner's question end to end: `ayni serve --demo-if-empty` loads the demo company, and
// POST /api/tools/forecast_demand answers with daily models added up, backtest accuracy and the
// effects found; a product launched weeks ago is forecast by analogy.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '../../bin/ayni.js');
const dataDir = mkdtempSync(join(tmpdir(), 'ayni-e2e-forecast-'));
let url = '';
let stop: () => Promise<void> = async () => {};

beforeAll(async () => {
  const child = spawn(process.execPath, [cli, 'serve', '--demo-if-empty'], {
    env: {
      ...process.env,
      AYNI_DATA_DIR: dataDir,
      AYNI_PORT: '0',
      AYNI_LOG_LEVEL: 'warn',
      OLLAMA_HOST: 'http://127.0.0.1:9',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  stop = () =>
    new Promise((resolve) => {
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });
}, 120_000);

afterAll(async () => {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function forecastDemand(input: Record<string, unknown>) {
  const response = await fetch(`${url}/api/tools/forecast_demand`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('forecast_demand over HTTP on the demo company (end to end)', () => {
  it('forecasts a product named in Spanish for a region by week from its SKU x DC daily models', async () => {
    const { status, body } = await forecastDemand({
      product: 'quinua blanca 500g',
      location: 'Lima',
      grain: 'week',
      horizon: 6,
    });
    expect(status).toBe(200);
    const model = body.model as { strategy: string; parameters: Record<string, unknown> };
    expect(model.strategy).toBe('daily-model');
    expect(model.parameters.reconciliation).toBe('bottom-up');
    const forecast = body.forecast as {
      mean: number;
      intervals: { lower: number; upper: number }[];
    }[];
    expect(forecast).toHaveLength(6);
    for (const period of forecast) {
      expect(period.mean).toBeGreaterThan(0);
      expect(period.intervals[0]!.lower).toBeLessThanOrEqual(period.mean);
      expect(period.intervals[0]!.upper).toBeGreaterThanOrEqual(period.mean);
    }
    const accuracy = body.accuracy as { origins: number; wape: number };
    expect(accuracy.origins).toBe(3);
    // a planner would not trust a weekly forecast of a staple that misses by more than 30%
    expect(accuracy.wape).toBeLessThan(0.3);
    expect((body.explanation as string[]).join(' ')).toMatch(/daily model/);
  });

  it('gives one DC by day the effects it found (weekday pattern, calendar)', async () => {
    const { status, body } = await forecastDemand({
      product: 'GRA-005',
      location: 'LIM-ATE',
      grain: 'day',
      horizon: 14,
    });
    expect(status).toBe(200);
    const effects = body.effects as { weekdays: unknown[]; events: unknown[] } | null;
    expect(effects?.weekdays).toHaveLength(7);
    expect(effects?.events.length).toBeGreaterThan(0);
  });

  it('forecasts a product launched weeks ago by analogy with launched products', async () => {
    const { status, body } = await forecastDemand({
      product: 'SNA-001',
      grain: 'week',
      horizon: 8,
    });
    expect(status).toBe(200);
    expect((body.model as { strategy: string }).strategy).toBe('analogy');
  });

  it('answers an ambiguous product with the candidates, so the assistant can ask', async () => {
    const { status, body } = await forecastDemand({ product: 'quinoa 500g', grain: 'week' });
    expect(status).toBe(400);
    const error = body.error as { details?: { candidates?: unknown[] } };
    expect(error.details?.candidates?.length).toBeGreaterThan(1);
  });
});
