import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSopFacts } from '../../tools/sop/build-sop-facts';
import type { ToolContext } from '../../tools/tool-context';
import { loadScaleCompany } from '../bench/sop-bench-store';
import { openStore, type Store } from '../store/store';
import { createStoreToolContext } from '../store/tool-context';
import { buildSopFactsInWorkers } from './pack-workers';

let store: Store;
let context: ToolContext;
const request = { month: '2026-10', scope: {} };

beforeAll(() => {
  store = openStore({ path: ':memory:' });
  // 24 series over 3 SKUs per location (perishable and not), stock counts and supply terms
  loadScaleCompany(store, { series: 24, days: 160, today: '2026-11-01', seed: 3 });
  const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined };
  context = createStoreToolContext(store, {
    signal: new AbortController().signal,
    now: () => new Date('2026-11-01T08:00:00Z'),
    logger: silent,
  });
});

afterAll(() => store.close());

describe('buildSopFactsInWorkers', () => {
  it('gives the same facts as buildSopFacts when the jobs run in worker threads, or the pack would change numbers with its size', async () => {
    const expected = buildSopFacts(context, request);
    expect(expected.demandReview.status).toBe('available');
    expect(expected.supplyReview.status).toBe('available');
    const inWorkers = await buildSopFactsInWorkers(context, request, {
      threads: 2,
      workerThreshold: 1,
    });
    expect(inWorkers).toEqual(expected);
  }, 60_000);

  it('gives the same facts in this thread below the threshold, or small scopes would differ from large ones', async () => {
    expect(await buildSopFactsInWorkers(context, request)).toEqual(buildSopFacts(context, request));
  });

  it('keeps a section not available with the same reason as buildSopFacts, or a missing month would get invented numbers', async () => {
    const early = { month: '2026-01', scope: {} };
    const facts = await buildSopFactsInWorkers(context, early, { workerThreshold: 1, threads: 1 });
    expect(facts.demandReview.status).toBe('not_available');
    expect(facts.supplyReview.status).toBe('not_available');
    expect(facts).toEqual(buildSopFacts(context, early));
  });
});
