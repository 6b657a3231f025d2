import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../errors';
import { generateDemoCompany, type GenerateOptions } from './generate';
import { collectSeries } from './test-support';

const small: GenerateOptions = {
  seed: 3,
  startDate: '2024-01-01',
  endDate: '2025-06-30',
  skuCount: 14,
  locationCodes: ['LIM-CALLAO', 'AQP', 'CUS'],
};

function snapshot(options: GenerateOptions) {
  const company = generateDemoCompany(options);
  return {
    company,
    series: collectSeries(company).map((series) => ({
      key: `${series.listing.product.sku}@${series.listing.location.code}`,
      firstDay: series.firstDay,
      units: Array.from(series.units),
      revenue: Array.from(series.revenue),
      onHand: Array.from(series.onHand),
      stockout: Array.from(series.stockout),
      anomalies: series.anomalies,
      planned: series.listing.anomalies.length,
    })),
  };
}

describe('generateDemoCompany', () => {
  it('gives identical rows for the same seed and window (the demo must be reproducible)', () => {
    const first = snapshot(small);
    const second = snapshot(small);
    expect(second.series).toEqual(first.series);
    expect(second.company.promotions).toEqual(first.company.promotions);
    expect(second.company.supply).toEqual(first.company.supply);
    expect(second.company.calendar).toEqual(first.company.calendar);
    expect(first.series.length).toBeGreaterThan(10);
  });

  it('gives different numbers for a different seed', () => {
    const first = snapshot(small);
    const other = snapshot({ ...small, seed: 4 });
    const units = (rows: typeof first.series) => rows.flatMap((row) => row.units);
    expect(units(other.series)).not.toEqual(units(first.series));
  });

  it('keeps a series unchanged when SKUs or locations are added (one RNG stream per listing)', () => {
    const few = snapshot(small);
    const more = snapshot({ ...small, skuCount: 30, locationCodes: undefined });
    const byKey = new Map(more.series.map((row) => [row.key, row]));
    let compared = 0;
    for (const row of few.series) {
      const other = byKey.get(row.key);
      expect(other, `${row.key} vanished from the bigger company`).toBeDefined();
      if (!other || row.planned > 0 || other.planned > 0) continue;
      expect(other.units).toEqual(row.units);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('writes one row per listed day, integer units, revenue = units x price charged, promo days discounted', () => {
    const company = generateDemoCompany(small);
    const problems: string[] = [];
    let promoDays = 0;
    for (const series of collectSeries(company)) {
      const { listing } = series;
      const key = `${listing.product.sku}@${listing.location.code}`;
      expect(series.length).toBe(listing.lastDay - listing.firstDay + 1);
      expect(listing.firstDay).toBeGreaterThanOrEqual(company.startDay);
      expect(listing.lastDay).toBeLessThanOrEqual(company.endDay);
      const listPrices = listing.product.model.priceSteps.map((step) => step.price);
      const discounted = listPrices.flatMap((list) =>
        [10, 15, 20, 25, 30].map((pct) => Math.round(list * (1 - pct / 100) * 100) / 100),
      );
      for (let index = 0; index < series.length; index += 1) {
        const units = series.units[index] ?? -1;
        const price = series.price[index] ?? 0;
        const where = `${key} day ${index}`;
        if (!Number.isInteger(units) || units < 0) problems.push(`${where}: units ${units}`);
        if (Math.abs((series.revenue[index] ?? 0) - units * price) > 0.006) {
          problems.push(`${where}: revenue ${series.revenue[index]} != ${units} x ${price}`);
        }
        const allowed = series.promo[index] ? discounted : listPrices;
        if (!allowed.includes(price)) problems.push(`${where}: price ${price} not in ${allowed}`);
        if ((series.onHand[index] ?? -1) < 0) problems.push(`${where}: negative stock`);
        promoDays += series.promo[index] ?? 0;
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(promoDays).toBeGreaterThan(0);
  });

  it('censors sales by stock: without a recording anomaly units never exceed demand, and short days are flagged', () => {
    const company = generateDemoCompany({ ...small, skuCount: 40, locationCodes: undefined });
    let shortDays = 0;
    let overSold = 0;
    let unflagged = 0;
    for (const series of collectSeries(company)) {
      const recorded = new Set<number>();
      for (const anomaly of series.listing.anomalies) {
        if (anomaly.kind === 'drop' || anomaly.kind === 'level_shift') continue;
        for (let day = anomaly.startDay - 60; day <= anomaly.endDay + 60; day += 1)
          recorded.add(day);
      }
      for (let index = 0; index < series.length; index += 1) {
        if (recorded.has(series.firstDay + index)) continue;
        const units = series.units[index] ?? 0;
        const demand = series.demand[index] ?? 0;
        if (units > demand) overSold += 1;
        if (units < demand) {
          shortDays += 1;
          if (series.stockout[index] !== 1) unflagged += 1;
        }
      }
    }
    expect(overSold).toBe(0);
    expect(unflagged).toBe(0);
    expect(shortDays).toBeGreaterThan(0);
  });

  it('sells each SKU at a realistic subset of locations: Lima nearly always, Iquitos far less', () => {
    const company = generateDemoCompany({
      ...small,
      skuCount: undefined,
      locationCodes: undefined,
    });
    const carried = (code: string) =>
      company.listings.filter((listing) => listing.location.code === code).length;
    const products = company.products.length;
    expect(carried('LIM-CALLAO') / products).toBeGreaterThan(0.9);
    expect(carried('IQT') / products).toBeLessThan(0.6);
    expect(company.listings.length / products).toBeGreaterThan(4);
    expect(company.listings.length / products).toBeLessThan(7.5);
    const skus = new Set(company.listings.map((listing) => listing.product.sku));
    expect(skus.size).toBe(products);
  });

  it('refuses unknown location codes, naming them and the valid ones', () => {
    expect(() => generateDemoCompany({ ...small, locationCodes: ['LIM-CALLAO', 'XYZ'] })).toThrow(
      InvalidInputError,
    );
    expect(() => generateDemoCompany({ ...small, locationCodes: ['XYZ'] })).toThrow(
      /"XYZ".*LIM-CALLAO/,
    );
  });
});
