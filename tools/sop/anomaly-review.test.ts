import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import { createRandom } from '../../models/stats/random';
import { createMemoryToolContext, type MemorySalesRow } from '../memory-tool-context';
import type { CatalogLocation, CatalogProduct } from '../tool-context';
import { buildAnomalyReview } from './anomaly-review';

const products: CatalogProduct[] = [
  {
    sku: 'GRA-001',
    name: 'Quinoa 500 g',
    category: 'grains',
    launchDate: null,
    lifecycleStage: null,
    price: 12,
  },
  {
    sku: 'BEB-001',
    name: 'Chicha 1 L',
    category: 'beverages',
    launchDate: null,
    lifecycleStage: null,
    price: 6.5,
  },
];
const locations: CatalogLocation[] = [
  { code: 'LIM-CALLAO', name: 'CD Lima Callao', region: 'Lima', city: 'Callao' },
  { code: 'AQP', name: 'CD Arequipa', region: 'Arequipa', city: 'Arequipa' },
];

function salesRows(): MemorySalesRow[] {
  const random = createRandom(7);
  const rows: MemorySalesRow[] = [];
  const first = parseIsoDate('2024-06-01');
  const last = parseIsoDate('2025-10-31');
  for (const product of products) {
    for (const location of locations) {
      for (let day = first; day <= last; day += 1) {
        const date = formatIsoDate(day);
        let units = random.negativeBinomial(25, 20);
        // a 10x typo in September
        if (product.sku === 'GRA-001' && location.code === 'AQP' && date === '2025-09-17')
          units *= 10;
        rows.push({ date, sku: product.sku, location: location.code, units });
      }
    }
  }
  return rows;
}

const context = createMemoryToolContext({ products, locations, sales: salesRows() });

describe('buildAnomalyReview', () => {
  it("reports the month's 10x spike with its value at risk and explanation (else the month's incident is missed)", () => {
    const section = buildAnomalyReview(context, '2025-09', {});
    expect(section.status).toBe('available');
    if (section.status !== 'available') return;
    const spike = section.data.anomalies.find(
      (item) => item.sku === 'GRA-001' && item.location === 'AQP' && item.date === '2025-09-17',
    );
    expect(spike).toBeDefined();
    expect(spike!.kind).toBe('spike');
    expect(spike!.units).toBeGreaterThan(4 * spike!.expectedUnits);
    expect(spike!.valueAtRisk).toBeGreaterThan(0);
    expect(spike!.explanation.length).toBeGreaterThan(0);
    expect(section.data.anomalies.every((item) => item.date.startsWith('2025-09'))).toBe(true);
  });

  it('leaves out anomalies outside the scope (else another place is reported)', () => {
    const section = buildAnomalyReview(context, '2025-09', { locations: ['LIM-CALLAO'] });
    expect(
      section.status === 'available' &&
        section.data.anomalies.some((item) => item.location === 'AQP'),
    ).toBe(false);
    const region = buildAnomalyReview(context, '2025-09', {
      categories: ['beverages'],
      regions: ['Arequipa'],
    });
    expect(
      region.status === 'available' && region.data.anomalies.some((item) => item.sku === 'GRA-001'),
    ).toBe(false);
  });

  it('is not available for a month without sales (else an empty month reads as a clean one)', () => {
    expect(buildAnomalyReview(context, '2026-03', {})).toEqual({
      status: 'not_available',
      reason: 'no sales in the store for 2026-03',
    });
  });
});
