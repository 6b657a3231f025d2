import { describe, expect, it } from 'vitest';
import {
  changeText,
  decisionRows,
  evidenceId,
  isSopSummaryResult,
  kpiRows,
  kpiValueText,
  missingReason,
  moneyText,
  outlookColumns,
  type Kpi,
  type SopFactsData,
} from './sop-summary-result';
import { sopSummarySample } from './sop-summary-result-sample.test-data';

const en = (value: number, digits: number) =>
  new Intl.NumberFormat('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
const es = (value: number, digits: number) =>
  new Intl.NumberFormat('es-PE', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);

const facts = (): SopFactsData => structuredClone(sopSummarySample.facts) as SopFactsData;
const kpi = (fields: Partial<Kpi>): Kpi => ({
  id: 'revenue',
  unit: 'soles',
  value: 100,
  previous: 90,
  better: 'higher',
  ...fields,
});

describe('sop summary result', () => {
  it('accepts the tool output and refuses other shapes (else a malformed result would crash the view instead of showing JSON)', () => {
    expect(isSopSummaryResult(sopSummarySample)).toBe(true);
    expect(isSopSummaryResult({ facts: {}, narrative: {} })).toBe(false);
    const broken = structuredClone(sopSummarySample) as { facts: { quality: unknown } };
    broken.facts.quality = { status: 'not_available' };
    expect(isSopSummaryResult(broken)).toBe(false);
  });

  it('judges a change by the KPI direction: up is better for revenue and worse for WAPE (else a manager reads a worse month as better)', () => {
    const [revenue, wape, fill] = kpiRows([
      kpi({ id: 'revenue', value: 3772.7, previous: 3651, better: 'higher' }),
      kpi({ id: 'wape', unit: 'fraction', value: 0.15, previous: 0.12, better: 'lower' }),
      kpi({ id: 'fill_rate', unit: 'fraction', value: 0.9712, previous: 0.9941, better: 'higher' }),
    ]);
    expect(revenue).toMatchObject({ trend: 'better', symbol: '▲' });
    expect(wape).toMatchObject({ trend: 'worse', symbol: '▲', change: 3 });
    expect(fill).toMatchObject({ trend: 'worse', symbol: '▼', change: -2.3 });
    const [down] = kpiRows([
      kpi({ id: 'stockout_days', unit: 'days', value: 1, previous: 2, better: 'lower' }),
    ]);
    expect(down).toMatchObject({ trend: 'better', symbol: '▼' });
  });

  it('says "unchanged" when the change rounds to nothing as shown and "no comparison" without a previous month (else noise or a missing month would get an arrow)', () => {
    const [flat, missing, noValue] = kpiRows([
      kpi({ unit: 'fraction', value: 0.97121, previous: 0.97119 }),
      kpi({ previous: null }),
      kpi({ value: null }),
    ]);
    expect(flat).toMatchObject({ trend: 'unchanged', symbol: '▬', change: 0 });
    expect(missing).toMatchObject({ trend: 'no_previous', symbol: '', change: null });
    expect(noValue).toMatchObject({ trend: 'no_previous', change: null });
  });

  it('writes money as "S/ 8,400" in both languages and fractions as percentages, changes in points (else figures read wrong)', () => {
    expect(moneyText(8400, en)).toBe('S/ 8,400');
    expect(moneyText(8400.4, es)).toBe('S/ 8,400');
    expect(kpiValueText('fraction', 0.1234, en)).toBe('12.3 %');
    expect(kpiValueText('days', 11.428, en)).toBe('11.4');
    expect(kpiValueText('soles', 1860.5, en)).toBe('S/ 1,861');
    const [fill] = kpiRows([kpi({ unit: 'fraction', value: 0.9712, previous: 0.9941 })]);
    expect(changeText(fill!, en, 'pts')).toBe('−2.3 pts');
    const [revenue] = kpiRows([kpi({ value: 3772.7, previous: 3651 })]);
    expect(changeText(revenue!, en, 'pts')).toBe('+S/ 122');
  });

  it('gives the reason of a missing section and nothing for an available one (else a missing section could show as zeros)', () => {
    expect(missingReason(facts(), 'quality')).toBe('no inspections recorded in 2026-10');
    expect(missingReason(facts(), 'supplyReview')).toBeUndefined();
  });

  it('links each decision to the id of its evidence row, and to nothing when that row is not drawn (else the link would scroll nowhere)', () => {
    const data = facts();
    const [first] = decisionRows(data, 'sop-a');
    expect(first?.evidenceTarget).toBe('sop-a-supplyReview-projectedStockouts-0');
    expect(evidenceId('p', 'supplyReview', 'expiryRisk.items[12]')).toBe(
      'p-supplyReview-expiryRisk-items-12',
    );
    data.decisions = [
      { ...data.decisions[0]!, rank: 2 },
      { ...data.decisions[0]!, rank: 1, evidence: { section: 'quality', path: 'bySku[0]' } },
    ];
    const rows = decisionRows(data, 'p');
    expect(rows.map((row) => row.rank)).toEqual([1, 2]);
    expect(rows[0]?.evidenceTarget).toBeUndefined();
  });

  it('puts the outlook months on the chart with NaN where last year is unknown (else a missing year would be drawn as 0)', () => {
    const data = facts();
    if (data.demandReview.status !== 'available') throw new Error('sample has demand');
    const columns = outlookColumns(data.demandReview.data.outlook);
    expect(Array.from(columns.x)).toEqual([
      Date.UTC(2026, 10, 1) / 1000,
      Date.UTC(2026, 11, 1) / 1000,
    ]);
    expect(Array.from(columns.forecast)).toEqual([510, 640]);
    expect(Number.isNaN(columns.lastYear[0])).toBe(true);
    expect(columns.lastYear[1]).toBe(600);
  });
});
