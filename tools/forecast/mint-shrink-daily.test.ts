import { describe, expect, it } from 'vitest';
import { dayNumberOf, formatIsoDate } from '../../models/calendar/dates';
import { createRandom } from '../../models/stats/random';
import { forecastDemandTool } from '../forecast-demand';
import { forecastBottomUpDaily } from './bottom-up-daily';
import { reconcileDailyMintShrink } from './mint-shrink-daily';
import { followingStarts } from './period-series';
import { seededContext, seededLastDay, seededRows } from './seeded-grains';

// Without the new product, which alone would send a category to the analogy strategy.
const established = seededRows.filter((row) => row.sku !== 'GRA-NEW');

async function forecast(input: Record<string, unknown>, data = established) {
  const parsed = forecastDemandTool.input.parse(input);
  return forecastDemandTool.execute(parsed, seededContext(data));
}

describe('MinT-shrink reconciliation of the daily models', () => {
  it('gives a total equal to the sum of its reconciled SKU x location parts, and every SKU and location node equal to its parts (else totals would not add up)', () => {
    const context = seededContext(established);
    const skus = [...new Set(established.map((row) => row.sku))];
    const dataEnd = dayNumberOf(2026, 6, 14); // a Sunday: whole weeks only
    const listings = context.sales.listings({ skus, to: formatIsoDate(dataEnd) });
    const firstWeek = dayNumberOf(2024, 1, 1);
    const historyStarts = [firstWeek, ...followingStarts(firstWeek, 'week', 127)];
    expect(historyStarts[historyStarts.length - 1]).toBe(dayNumberOf(2026, 6, 8));
    const bottomUp = forecastBottomUpDaily({
      listings,
      promotions: [],
      dataEnd,
      grain: 'week',
      periodStarts: [dataEnd + 1, ...followingStarts(dataEnd + 1, 'week', 3)],
      levels: [80],
      random: createRandom(7),
      draws: 200,
    });
    const { result, nodes } = reconcileDailyMintShrink({
      result: bottomUp,
      historyStarts,
      grain: 'week',
      period: 52,
    });
    expect(result.parameters.reconciliation).toBe('mint-shrink');
    const bottoms = nodes.filter((node) => node.level === 'bottom');
    expect(bottoms).toHaveLength(bottomUp.bottom.length);
    const total = nodes.find((node) => node.level === 'total')!;
    total.reconciled.forEach((value, step) => {
      const sum = bottoms.reduce((acc, node) => acc + node.reconciled[step]!, 0);
      expect(value).toBeCloseTo(sum, 6);
      expect(result.mean[step]).toBeCloseTo(value, 6);
    });
    for (const node of nodes.filter((item) => item.level === 'sku' || item.level === 'location')) {
      const [name, value] = node.key.split('=') as [string, string];
      const parts = bottoms.filter((bottom) =>
        name === 'sku' ? bottom.key.startsWith(`${value} @`) : bottom.key.endsWith(`@ ${value}`),
      );
      expect(parts.length).toBeGreaterThan(0);
      node.reconciled.forEach((sumValue, step) => {
        expect(sumValue).toBeCloseTo(
          parts.reduce((acc, part) => acc + part.reconciled[step]!, 0),
          6,
        );
      });
    }
    // Bands keep their width around the new centre.
    const before = bottomUp.intervals[0]!;
    const after = result.intervals[0]!;
    after.upper.forEach((upper, step) => {
      expect(upper - result.mean[step]!).toBeCloseTo(before.upper[step]! - bottomUp.mean[step]!, 6);
    });
    expect(result.notes.join(' ')).toMatch(/shifted to centre on the reconciled forecast/);
  });

  it('adds a listing too new for residuals to the total bottom-up, outside the hierarchy (else one new SKU would make the covariance undefined and MinT fall back for the whole scope)', () => {
    // GRA-NEW sold from 2026-06-05 only: 10 days, under 4 weeks of residuals.
    const data = seededRows.filter((row) => row.sku !== 'GRA-NEW' || row.date >= '2026-06-05');
    const context = seededContext(data);
    const skus = [...new Set(data.map((row) => row.sku))];
    const dataEnd = dayNumberOf(2026, 6, 14);
    const firstWeek = dayNumberOf(2024, 1, 1);
    const bottomUp = forecastBottomUpDaily({
      listings: context.sales.listings({ skus, to: formatIsoDate(dataEnd) }),
      promotions: [],
      dataEnd,
      grain: 'week',
      periodStarts: [dataEnd + 1, ...followingStarts(dataEnd + 1, 'week', 3)],
      levels: [],
      random: createRandom(7),
      draws: 100,
    });
    const { result, nodes, outside } = reconcileDailyMintShrink({
      result: bottomUp,
      historyStarts: [firstWeek, ...followingStarts(firstWeek, 'week', 127)],
      grain: 'week',
      period: 52,
    });
    expect([...outside].sort()).toEqual(['GRA-NEW @ CUZ-1', 'GRA-NEW @ LIM-1']);
    expect(result.parameters.reconciliation).toBe('mint-shrink');
    expect(nodes.some((node) => node.key.startsWith('GRA-NEW'))).toBe(false);
    const total = nodes.find((node) => node.level === 'total')!;
    const newListings = bottomUp.bottom.filter((listing) => listing.sku === 'GRA-NEW');
    result.mean.forEach((value, step) => {
      const added = newListings.reduce((sum, listing) => sum + listing.periodMean[step]!, 0);
      expect(added).toBeGreaterThan(0);
      expect(value).toBeCloseTo(total.reconciled[step]! + added, 6);
    });
  });

  it('changes the answer only when asked (else the default bottom-up forecast would have moved)', async () => {
    const request = { category: 'grains', grain: 'week', horizon: 4, backtest: false };
    const plain = await forecast(request);
    const bottomUp = await forecast({ ...request, reconciliation: 'bottom-up' });
    const mint = await forecast({ ...request, reconciliation: 'mint-shrink' });
    expect(plain.model.parameters.reconciliation).toBe('bottom-up');
    expect(bottomUp.forecast).toEqual(plain.forecast);
    expect(mint.model.strategy).toBe('daily-model');
    expect(mint.model.parameters.reconciliation).toBe('mint-shrink');
    expect(mint.model.notes.join(' ')).toMatch(/MinT with shrinkage/);
    const moved = mint.forecast.some(
      (period, index) => Math.abs(period.mean - plain.forecast[index]!.mean) > 1e-6,
    );
    expect(moved).toBe(true);
    // One listing: nothing to reconcile, the same numbers as bottom-up.
    const single = { product: 'GRA-001', location: 'LIM-1', grain: 'week', horizon: 2 };
    const one = await forecast({ ...single, backtest: false });
    const oneMint = await forecast({ ...single, backtest: false, reconciliation: 'mint-shrink' });
    expect(oneMint.forecast).toEqual(one.forecast);
  });

  it('backtests with the reconciliation asked for (else its WAPE would describe bottom-up)', async () => {
    const request = { category: 'grains', location: 'LIM-1', grain: 'week', horizon: 4 };
    const plain = await forecast(request);
    const mint = await forecast({ ...request, reconciliation: 'mint-shrink' });
    expect(plain.accuracy?.wape).toBeGreaterThan(0);
    expect(mint.accuracy?.wape).toBeGreaterThan(0);
    expect(mint.accuracy?.wape).not.toBe(plain.accuracy?.wape);
  });

  it('falls back and says why when the history is too short for the residual covariance (else MinT would run on a singular estimate)', async () => {
    const from = formatIsoDate(seededLastDay - 74);
    const short = established.filter((row) => row.date >= from);
    const result = await forecast(
      {
        category: 'grains',
        grain: 'month',
        horizon: 2,
        backtest: false,
        reconciliation: 'mint-shrink',
      },
      short,
    );
    expect(result.model.strategy).toBe('daily-model');
    expect(result.model.parameters.reconciliation).toBe('bottom-up');
    expect(result.model.parameters.reconciliationRequested).toBe('mint-shrink');
    expect(result.model.notes.join(' ')).toMatch(
      /MinT-shrink needs at least two SKU x location series with 4 months of non-zero residuals; 0 had them/,
    );
    const bottomUp = await forecast(
      { category: 'grains', grain: 'month', horizon: 2, backtest: false },
      short,
    );
    expect(result.forecast).toEqual(bottomUp.forecast);
  });

  it('rejects an unknown reconciliation (else a typo would silently give bottom-up)', () => {
    const parsed = forecastDemandTool.input.safeParse({
      category: 'grains',
      reconciliation: 'mint',
    });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(/reconciliation/);
  });
});
