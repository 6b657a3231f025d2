import { describe, expect, it } from 'vitest';
import { forecastDemandTool } from '../forecast-demand';
import { createMemoryToolContext } from '../memory-tool-context';
import type { PlannedPromotion } from '../tool-context';
import {
  seededContext,
  seededLocations as locations,
  seededNow as now,
  seededProducts as products,
  seededRows as rows,
} from './seeded-grains';

async function forecast(
  input: Record<string, unknown>,
  promotions: PlannedPromotion[] = [],
  data = rows,
) {
  const parsed = forecastDemandTool.input.parse(input);
  return forecastDemandTool.execute(parsed, seededContext(data, promotions));
}

describe('forecast_demand strategies', () => {
  it('uses the daily models for auto and adds a category up from its parts (else totals would not add up)', async () => {
    // Without the new product, which alone would go to the analogy strategy.
    const established = rows.filter((row) => row.sku !== 'GRA-NEW');
    const request = { location: 'LIM-1', grain: 'week', horizon: 4, backtest: false };
    const whole = await forecast({ category: 'grains', ...request }, [], established);
    expect(whole.model.strategy).toBe('daily-model');
    expect(whole.model.parameters.reconciliation).toBe('bottom-up');
    const skus = ['GRA-001', 'GRA-002', ...[0, 1, 2, 3, 4, 5].map((index) => `GRA-1${index}`)];
    const parts = await Promise.all(
      skus.map((sku) => forecast({ product: sku, ...request }, [], established)),
    );
    whole.forecast.forEach((period, index) => {
      const sum = parts.reduce((total, part) => total + (part.forecast[index]?.mean ?? 0), 0);
      expect(period.mean).toBeCloseTo(sum, 6);
    });
  });

  it('leaves a delisted SKU out and says so (else a dead item would add phantom demand)', async () => {
    const result = await forecast({
      product: 'GRA-OLD',
      grain: 'week',
      horizon: 2,
      backtest: false,
    });
    expect(result.model.notes.join(' ')).toMatch(/no sales in the last 28 days/);
    expect(result.forecast.every((period) => period.mean === 0)).toBe(true);
  });

  it('counts the units already sold in the week in progress (else the week would be forecast twice)', async () => {
    const result = await forecast({
      product: 'GRA-001',
      grain: 'week',
      horizon: 2,
      backtest: false,
    });
    const sold = rows
      .filter((row) => row.sku === 'GRA-001' && row.date >= '2026-06-15')
      .reduce((total, row) => total + row.units, 0);
    const first = result.forecast[0]!;
    expect(first.start).toBe('2026-06-15');
    expect(first.intervals.every((interval) => interval.lower >= sold)).toBe(true);
    expect(first.mean).toBeGreaterThan(sold);
  });

  it('raises the forecast in a week with a planned promotion (else planned promotions would be ignored)', async () => {
    const planned: PlannedPromotion[] = [
      {
        sku: 'GRA-001',
        location: 'LIM-1',
        startDate: '2026-06-29',
        endDate: '2026-07-05',
        discountPct: 20,
      },
    ];
    const base = await forecast({
      product: 'GRA-001',
      location: 'LIM-1',
      grain: 'week',
      horizon: 4,
      backtest: false,
    });
    const promoted = await forecast(
      { product: 'GRA-001', location: 'LIM-1', grain: 'week', horizon: 4, backtest: false },
      planned,
    );
    const week = (output: typeof base) =>
      output.forecast.find((period) => period.start === '2026-06-29')!.mean;
    expect(week(promoted) / week(base)).toBeGreaterThan(1.3);
    const other = (output: typeof base) =>
      output.forecast.find((period) => period.start === '2026-07-06')!.mean;
    expect(Math.abs(other(promoted) / other(base) - 1)).toBeLessThan(0.02);
  });

  it('forecasts a product with under 8 weeks of sales by analogy with launched products of its category', async () => {
    const result = await forecast({ product: 'GRA-NEW', grain: 'week', horizon: 6 });
    expect(result.model.strategy).toBe('analogy');
    expect(result.model.parameters.basis).toBe('observed-weeks');
    expect(String(result.model.parameters.topAnalogues)).toMatch(/GRA-1/);
    // The new item runs at about 16/ (analogues 10..20) of its peers' level once ramped up; weekly
    // demand at full level is 16 * (6 + 1.5) * 1.5 = 180 units over both DCs.
    const late = result.forecast[result.forecast.length - 1]!;
    expect(late.mean).toBeGreaterThan(120);
    expect(late.mean).toBeLessThan(260);
    for (const period of result.forecast) {
      for (const interval of period.intervals) {
        expect(interval.lower).toBeLessThanOrEqual(period.mean);
        expect(interval.upper).toBeGreaterThanOrEqual(period.mean);
      }
    }
  });

  it('backtests the daily models from three origins with coverage (else accuracy claims would be untested)', async () => {
    const result = await forecast({
      product: 'GRA-001',
      location: 'LIM-1',
      grain: 'week',
      horizon: 4,
    });
    expect(result.accuracy?.origins).toBe(3);
    expect(result.accuracy?.wape).toBeGreaterThan(0);
    expect(result.accuracy?.wape).toBeLessThan(0.3);
    expect(Object.keys(result.accuracy?.coverage ?? {})).toEqual(['80', '95']);
  });

  it('stops between series when the caller gives up mid-forecast (else a large category would run on for nobody)', async () => {
    const controller = new AbortController();
    const base = createMemoryToolContext(
      { products, locations, sales: rows },
      { now, signal: controller.signal },
    );
    const aborting = {
      ...base,
      sales: {
        ...base.sales,
        listings: (scope: Parameters<typeof base.sales.listings>[0]) => {
          const listings = base.sales.listings(scope);
          controller.abort();
          return listings;
        },
      },
    };
    const parsed = forecastDemandTool.input.parse({ category: 'grains', grain: 'week' });
    await expect(forecastDemandTool.execute(parsed, aborting)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('runs the named method on the summed series when one is asked for', async () => {
    const result = await forecast({
      product: 'GRA-001',
      grain: 'week',
      horizon: 4,
      method: 'ets',
      backtest: false,
    });
    expect(result.model.strategy).toBe('aggregate-series');
  });
});
