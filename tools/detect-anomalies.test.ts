import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../models/calendar/dates';
import { createRandom } from '../models/stats/random';
import {
  detectAnomaliesInput,
  detectAnomaliesOutput,
  detectAnomaliesTool,
} from './detect-anomalies';
import { createMemoryToolContext, type MemorySalesRow } from './memory-tool-context';
import type { CatalogLocation, CatalogProduct } from './tool-context';

const products: CatalogProduct[] = [
  {
    sku: 'BEB-001',
    name: 'Chicha morada 1 L',
    category: 'beverages',
    launchDate: null,
    lifecycleStage: 'mature',
    price: 6.5,
  },
  {
    sku: 'GRA-001',
    name: 'Quinoa blanca 500 g',
    category: 'grains',
    launchDate: null,
    lifecycleStage: 'mature',
    price: 12,
  },
];
const locations: CatalogLocation[] = [
  { code: 'LIM-CALLAO', name: 'CD Lima Callao', region: 'Lima', city: 'Callao' },
  { code: 'AQP', name: 'CD Arequipa', region: 'Arequipa', city: 'Arequipa' },
];

const first = parseIsoDate('2023-01-01');
const days = 3 * 365;
const weekly = [1.25, 0.9, 0.9, 0.95, 1.05, 1.2, 0.75];
/** Fiestas Patrias week (22-29 July) doubles beverage sales every year. */
const fiestas = (day: number) => {
  const date = formatIsoDate(day).slice(5);
  return date >= '07-22' && date <= '07-29';
};

function salesRows(): MemorySalesRow[] {
  const random = createRandom(11);
  const rows: MemorySalesRow[] = [];
  for (const product of products) {
    for (const location of locations) {
      const level = product.sku === 'BEB-001' ? 40 : 25;
      for (let index = 0; index < days; index += 1) {
        const day = first + index;
        const date = formatIsoDate(day);
        const promo = product.sku === 'GRA-001' && date >= '2025-03-10' && date <= '2025-03-16';
        let mean = level * weekly[(day + 3) % 7]!;
        if (promo) mean *= 2.5;
        if (product.sku === 'BEB-001' && fiestas(day)) mean *= 2;
        let units = random.negativeBinomial(mean, 20);
        // injected: a 10x typo and a week of a retailer's orders paused
        if (product.sku === 'GRA-001' && location.code === 'AQP' && date === '2025-09-17')
          units *= 10;
        if (
          product.sku === 'BEB-001' &&
          location.code === 'LIM-CALLAO' &&
          date >= '2025-10-06' &&
          date <= '2025-10-12'
        ) {
          units = Math.round(units * 0.15);
        }
        rows.push({
          date,
          sku: product.sku,
          location: location.code,
          units,
          promo,
          price: product.price ?? null,
        });
      }
    }
  }
  return rows;
}

const context = createMemoryToolContext({ products, locations, sales: salesRows() });

describe('detect_anomalies', () => {
  const output = detectAnomaliesOutput.parse(
    detectAnomaliesTool.execute(detectAnomaliesInput.parse({ from: '2025-01-01' }), context),
  );

  it('finds the injected typo and the week of paused orders (else the scan misses real anomalies)', () => {
    const typo = output.anomalies.find((item) => item.sku === 'GRA-001' && item.location === 'AQP');
    expect(typo).toMatchObject({ kind: 'spike', start: '2025-09-17' });
    expect(typo?.explanation).toMatch(/^unexplained spike/);
    const paused = output.anomalies.find(
      (item) => item.sku === 'BEB-001' && item.location === 'LIM-CALLAO',
    );
    expect(paused?.kind).toBe('drop');
    // the run may gain or lose a day or two at its ends, where a paused day looks like a slow one
    expect(paused!.start >= '2025-10-05' && paused!.end <= '2025-10-14').toBe(true);
    const days = (Date.parse(paused!.end) - Date.parse(paused!.start)) / 86_400_000 + 1;
    expect(days).toBeGreaterThanOrEqual(4);
  });

  it('reports nothing else: the promotion and the Fiestas Patrias week are expected (else planners get false alarms)', () => {
    expect(output.anomalies).toHaveLength(2);
    for (const item of output.explained) expect(item.explanation).not.toMatch(/^unexplained/);
  });

  it('values each anomaly at the list price and sorts by value at risk (else the biggest problem is not first)', () => {
    for (const item of output.anomalies)
      expect(item.valueAtRisk).toBeCloseTo(
        Math.abs(item.unitsOff) * (item.sku === 'BEB-001' ? 6.5 : 12),
        6,
      );
    const values = output.anomalies.map((item) => item.valueAtRisk ?? 0);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
  });

  it('keeps to the scope and the dates asked for (else a question about one DC lists another)', () => {
    const scoped = detectAnomaliesOutput.parse(
      detectAnomaliesTool.execute(
        detectAnomaliesInput.parse({ location: 'AQP', from: '2025-01-01', to: '2025-12-31' }),
        context,
      ),
    );
    expect(scoped.anomalies.map((item) => [item.sku, item.location])).toEqual([['GRA-001', 'AQP']]);
    const before = detectAnomaliesOutput.parse(
      detectAnomaliesTool.execute(
        detectAnomaliesInput.parse({ from: '2025-01-01', to: '2025-06-30' }),
        context,
      ),
    );
    expect(before.anomalies).toEqual([]);
  });

  it('gives the model a compact list with the explanation (else the answer cannot say why)', () => {
    const compact = detectAnomaliesTool.toModelOutput(output) as {
      anomalies: Array<{ explanation: string; dates: string }>;
    };
    expect(compact.anomalies[0]?.explanation).toMatch(/unexplained/);
    expect(compact.anomalies.map((item) => item.dates)).toContain('2025-09-17');
  });

  it('rejects a reversed date range with the field named (else the model cannot fix its call)', () => {
    const parsed = detectAnomaliesInput.safeParse({ from: '2025-05-01', to: '2025-04-01' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['from']);
  });
});
