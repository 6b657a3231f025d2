// The S&OP summary over the demo company in a SQLite store: the real section builders, the KPI
// card cross-checked by direct SQL, and the narrative (template and scripted model) grounded in
// the facts. The SQL here is written independently of the code it checks.
import { beforeAll, describe, expect, it } from 'vitest';
import { sopFacts, type SopFacts } from '../../tools/sop/sop-facts';
import { templateNarrative } from '../../tools/sop/template-narrative';
import { sopSummary, sopSummaryInput, sopSummaryTool } from '../../tools/sop-summary';
import type { ToolContext } from '../../tools/tool-context';
import { scriptedLlm } from '../../test/support/scripted-llm';
import { findUngroundedFigures } from '../agent/grounding';
import { LlmError } from '../llm/llm-errors';
import { loadDemoCompany } from '../store/demo/load';
import { openStore, type Store } from '../store/store';
import { createStoreToolContext } from '../store/tool-context';
import { narrateSopFacts } from './narrate';

let store: Store;
let context: ToolContext;
let facts: SopFacts;
let modelOutput: Record<string, unknown>;

const kpi = (id: string) => facts.kpis.find((item) => item.id === id);

beforeAll(() => {
  store = openStore({ path: ':memory:' });
  loadDemoCompany(store, { seed: 3, today: '2026-11-26', skuCount: 12 });
  context = createStoreToolContext(store, {
    signal: new AbortController().signal,
    now: () => new Date('2026-11-26T10:00:00Z'),
    logger: { debug() {}, info() {}, warn() {} },
  });
  const output = sopSummary(sopSummaryInput.parse({}), context);
  facts = output.facts;
  modelOutput = sopSummaryTool.toModelOutput(sopSummaryTool.output.parse(output)) as Record<
    string,
    unknown
  >;
}, 120_000);

describe('sop_summary on the demo company', () => {
  it('summarises October 2026 in facts that parse against the contract', () => {
    expect(facts.month).toBe('2026-10');
    expect(facts.dataThrough).toBe('2026-11-25');
    expect(() => sopFacts.parse(facts)).not.toThrow();
    expect(facts.demandReview.status).toBe('available');
    expect(facts.supplyReview.status).toBe('available');
  });

  it('shows quality as not available (the demo has no inspections), else QC figures are invented', () => {
    expect(facts.quality.status).toBe('not_available');
    expect(kpi('qc_pass_rate')).toMatchObject({ value: null, previous: null });
    const sections = modelOutput['sections'] as Record<string, unknown>;
    expect(sections['quality']).toMatch(/^not available: /);
    // the compact output the agent's model reads stays small
    expect(JSON.stringify(modelOutput).length).toBeLessThan(6000);
  });

  it('has units and revenue of October and September equal to direct SQL, else the card misreports sales', () => {
    const sums = store.database
      .prepare(
        `SELECT substr(date, 1, 7) AS month, SUM(units) AS units, SUM(COALESCE(revenue, 0)) AS revenue,
                SUM(stockout) AS stockouts
         FROM sales WHERE date BETWEEN '2026-09-01' AND '2026-10-31' GROUP BY month ORDER BY month`,
      )
      .all() as { month: string; units: number; revenue: number; stockouts: number }[];
    const [september, october] = sums;
    expect(kpi('units')).toMatchObject({ value: october?.units, previous: september?.units });
    expect(kpi('revenue')?.value).toBeCloseTo(october?.revenue ?? Number.NaN, 6);
    expect(kpi('revenue')?.previous).toBeCloseTo(september?.revenue ?? Number.NaN, 6);
    // the month's value comes from the supply review, the previous from the card: same definition
    expect(kpi('stockout_days')).toMatchObject({
      value: october?.stockouts,
      previous: september?.stockouts,
    });
  });

  it("has September's days of cover equal to direct SQL (last count over 28-day sales), else the comparison is off", () => {
    const row = store.database
      .prepare(
        `WITH counts AS (
           SELECT i.sku_id, i.location_id, MAX(i.date) AS day
           FROM inventory i JOIN sales s USING (sku_id, location_id, date)
           WHERE i.date BETWEEN '2026-09-01' AND '2026-09-30'
           GROUP BY i.sku_id, i.location_id)
         SELECT SUM(MAX(i.on_hand, 0)) AS onHand,
                SUM((SELECT COALESCE(SUM(s.units), 0) FROM sales s
                     WHERE s.sku_id = c.sku_id AND s.location_id = c.location_id
                       AND s.date > date(c.day, '-28 days') AND s.date <= c.day) / 28.0) AS daily
         FROM counts c JOIN inventory i
           ON i.sku_id = c.sku_id AND i.location_id = c.location_id AND i.date = c.day`,
      )
      .get() as { onHand: number; daily: number };
    expect(row.daily).toBeGreaterThan(0);
    expect(kpi('days_of_cover')?.previous).toBeCloseTo(row.onHand / row.daily, 9);
    expect(kpi('days_of_cover')?.value).not.toBeNull();
  });

  it('writes a template narrative whose every figure is in the facts, in both languages', () => {
    for (const language of ['es', 'en'] as const) {
      const narrative = templateNarrative(facts, language);
      const text = [narrative.headline, ...narrative.keyIssues, ...narrative.decisions].join('\n');
      expect(findUngroundedFigures(text, { sources: [facts], userText: '' })).toEqual([]);
      expect(narrative.keyIssues.some((line) => /^(Calidad|Quality): no/.test(line))).toBe(true);
    }
  });

  it('narrates with the template and a reason when the model is unreachable', async () => {
    const llm = scriptedLlm([{ error: new LlmError('unreachable', 'connection refused') }]);
    const result = await narrateSopFacts({ llm, model: 'qwen3:8b' }, facts, 'es');
    expect(result.source).toBe('template');
    expect(result.fallbackReason).toMatch(/connection refused/);
  });

  it('keeps a model narrative that quotes the facts and drops an invented figure', async () => {
    const top = facts.decisions[0];
    const demand = facts.demandReview.status === 'available' ? facts.demandReview.data : undefined;
    const wape = ((demand?.overall.wape ?? 0) * 100).toFixed(1);
    const llm = scriptedLlm([
      {
        chunks: [
          JSON.stringify({
            headline: `Octubre: ${top ? `S/ ${Math.round(top.valueAtRisk)} en riesgo` : 'mes estable'}.`,
            keyIssues: [`Demanda: WAPE de ${wape}%. Crecimiento de 41.7% esperado.`],
            decisions: [],
          }),
        ],
      },
    ]);
    const result = await narrateSopFacts({ llm, model: 'qwen3:8b' }, facts, 'es');
    expect(result.source).toBe('model');
    expect(result.narrative.keyIssues[0]).toBe(`Demanda: WAPE de ${wape}%.`);
    expect(result.ungrounded).toEqual([
      { text: '41.7%', sentence: 'Crecimiento de 41.7% esperado.' },
    ]);
    expect(
      result.narrative.keyIssues.some((line) => line.startsWith('Calidad: no disponible')),
    ).toBe(true);
  });
});
