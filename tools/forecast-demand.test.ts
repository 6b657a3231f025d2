import { describe, expect, it } from 'vitest';
import { dayNumberOf, formatIsoDate, partsOf } from '../models/calendar/dates';
import { createRandom } from '../models/stats/random';
import { forecastDemandOutput } from './forecast-demand-output';
import { forecastDemandInput, forecastDemandTool } from './forecast-demand';
import { createMemoryToolContext, type MemorySalesRow } from './memory-tool-context';
import type { CatalogLocation, CatalogProduct, ToolContext } from './tool-context';
import { ResolutionError, ToolInputError } from './tool-errors';

const products: CatalogProduct[] = [
  {
    sku: 'GRA-005',
    name: 'Quinoa blanca 500 g',
    category: 'grains',
    launchDate: null,
    lifecycleStage: 'mature',
  },
  {
    sku: 'GRA-006',
    name: 'Quinoa blanca 1 kg',
    category: 'grains',
    launchDate: null,
    lifecycleStage: 'mature',
  },
  {
    sku: 'DAI-001',
    name: 'Yogurt bebible fresa 1 L',
    category: 'dairy',
    launchDate: null,
    lifecycleStage: 'mature',
  },
  {
    sku: 'DAI-009',
    name: 'Kéfir natural 500 ml',
    category: 'dairy',
    launchDate: '2026-05-04',
    lifecycleStage: 'launch',
  },
];
const locations: CatalogLocation[] = [
  { code: 'LIM-CALLAO', name: 'CD Lima Callao', region: 'Lima', city: 'Callao' },
  { code: 'CUZ', name: 'CD Cusco', region: 'Cusco', city: 'Cusco' },
];

const firstDay = dayNumberOf(2023, 1, 2); // a Monday
const lastDay = dayNumberOf(2026, 6, 17); // a Wednesday: the week of 15 June is unfinished
const saturday = 6;

/**
 * Seeded Poisson sales: 2% a month growth, Saturdays x1.8, July x1.3 (Fiestas Patrias), the
 * 1 kg pack half the 500 g one, Cusco a third of Lima; the kéfir sells only from 2026-05-04.
 */
function seededSales(): MemorySalesRow[] {
  const random = createRandom(20260617);
  const rows: MemorySalesRow[] = [];
  for (let day = firstDay; day <= lastDay; day += 1) {
    const { weekday, month } = partsOf(day);
    const level = 40 * 1.02 ** ((day - firstDay) / 30.4);
    const season = (weekday === saturday ? 1.8 : 1) * (month === 7 ? 1.3 : 1);
    for (const product of products) {
      if (product.launchDate !== null && formatIsoDate(day) < product.launchDate) continue;
      const size = product.sku === 'GRA-006' ? 0.5 : product.category === 'dairy' ? 0.8 : 1;
      for (const location of locations) {
        const share = location.code === 'CUZ' ? 1 / 3 : 1;
        const units = random.poisson(level * season * size * share);
        rows.push({
          date: formatIsoDate(day),
          sku: product.sku,
          location: location.code,
          units,
          revenue: units * 9,
          stockout: product.sku === 'DAI-001' && day % 10 === 0,
        });
      }
    }
  }
  return rows;
}

const sales = seededSales();

function context(overrides: Partial<Pick<ToolContext, 'signal'>> = {}): ToolContext {
  return createMemoryToolContext(
    { products, locations, sales },
    { now: () => new Date('2026-06-18T10:00:00Z'), ...overrides },
  );
}

async function forecast(input: unknown, toolContext = context()) {
  const output = await forecastDemandTool.execute(forecastDemandInput.parse(input), toolContext);
  return forecastDemandOutput.parse(output);
}

function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the forecast to fail');
    },
    (error: unknown) => error,
  );
}

describe('forecast_demand periods and shape', () => {
  it('forecasts the weeks after the last complete week, keeping the unfinished one apart', async () => {
    const output = await forecast({
      product: 'quinua blanca 500g',
      location: 'Callao',
      grain: 'week',
      horizon: 4,
      method: 'naive',
    });
    expect(output.scope.products).toEqual([{ sku: 'GRA-005', name: 'Quinoa blanca 500 g' }]);
    expect(output.scope.location).toMatchObject({ kind: 'location', code: 'LIM-CALLAO' });
    expect(output.history.end).toBe('2026-06-14');
    expect(output.history.currentPeriod).toMatchObject({
      start: '2026-06-15',
      dataThrough: '2026-06-17',
    });
    expect(output.forecast.map((point) => point.start)).toEqual([
      '2026-06-15',
      '2026-06-22',
      '2026-06-29',
      '2026-07-06',
    ]);
    const lastWeek = sales
      .filter((row) => row.sku === 'GRA-005' && row.location === 'LIM-CALLAO')
      .filter((row) => row.date >= '2026-06-08' && row.date <= '2026-06-14')
      .reduce((total, row) => total + row.units, 0);
    expect(output.history.tail.at(-1)).toEqual({ start: '2026-06-08', units: lastWeek });
    // naive repeats the last complete week
    expect(output.forecast[0]?.mean).toBe(lastWeek);
  });

  it('gives every period intervals at each level that contain the point forecast', async () => {
    const output = await forecast({
      product: 'GRA-005',
      grain: 'month',
      horizon: 6,
      method: 'ets',
      levels: [80, 95],
    });
    for (const point of output.forecast) {
      expect(point.intervals.map((interval) => interval.level)).toEqual([80, 95]);
      const [inner, outer] = point.intervals;
      expect(inner!.lower).toBeLessThanOrEqual(point.mean);
      expect(inner!.upper).toBeGreaterThanOrEqual(point.mean);
      expect(outer!.lower).toBeLessThanOrEqual(inner!.lower);
      expect(outer!.upper).toBeGreaterThanOrEqual(inner!.upper);
      expect(inner!.lower).toBeGreaterThanOrEqual(0);
    }
  });

  it('sums a category over a region, so category totals equal the sum of its rows', async () => {
    const output = await forecast({
      category: 'Dairy',
      location: 'cusco',
      grain: 'month',
      horizon: 2,
      method: 'naive',
    });
    expect(output.scope).toMatchObject({ category: 'dairy', productCount: 2 });
    expect(output.scope.location).toMatchObject({ kind: 'region', codes: ['CUZ'] });
    const may = sales
      .filter((row) => row.location === 'CUZ' && row.sku.startsWith('DAI'))
      .filter((row) => row.date.startsWith('2026-05'))
      .reduce((total, row) => total + row.units, 0);
    expect(output.history.tail.at(-1)).toEqual({ start: '2026-05-01', units: may });
    expect(output.history.end).toBe('2026-05-31');
  });
});

describe('forecast_demand findings', () => {
  it('finds the Saturday peak and the growth in daily data, or the explanation would mislead', async () => {
    const output = await forecast({
      product: 'GRA-005',
      location: 'LIM-CALLAO',
      grain: 'day',
      horizon: 14,
      method: 'snaive',
    });
    expect(output.seasonalPeriod).toBe(7);
    expect(output.findings.seasonality).toMatchObject({ label: 'strong', peak: 'Saturdays' });
    expect(output.findings.trend.yearOverYearPercent).not.toBeNull();
    expect(output.explanation.join(' ')).toContain('highest on Saturdays');
  });

  it('measures yearly seasonality on months and names July as the peak', async () => {
    const output = await forecast({
      product: 'GRA-005',
      grain: 'month',
      horizon: 3,
      method: 'snaive',
    });
    expect(output.seasonalPeriod).toBe(12);
    expect(output.findings.seasonality.peak).toBe('July');
    // ~2% a month is ~27% a year in the history ...
    expect(output.findings.trend.yearOverYearPercent).toBeGreaterThan(15);
    // ... but seasonal naive repeats last year, so its forecast is flat against last year
    expect(output.findings.trend).toMatchObject({
      direction: 'flat',
      changePercent: 0,
      comparedWith: 'same periods a season earlier',
    });
  });

  it('reads an upward trend from a method that models it', async () => {
    const output = await forecast({
      product: 'GRA-005',
      grain: 'month',
      horizon: 3,
      method: 'ets',
    });
    expect(output.findings.trend.direction).toBe('up');
    expect(output.explanation[0]).toMatch(
      /^Demand is expected to go up \(\+\d+% vs same periods a season earlier\)/,
    );
  });

  it('lists the holidays in the horizon, regional ones only where they apply', async () => {
    const everywhere = await forecast({
      product: 'GRA-005',
      grain: 'week',
      horizon: 8,
      method: 'naive',
    });
    const names = everywhere.findings.events.map((event) => event.name);
    expect(names).toEqual(
      expect.arrayContaining(['Inti Raymi', 'Fiestas Patrias', 'San Pedro y San Pablo']),
    );
    expect(
      everywhere.findings.events.find((event) => event.name === 'Fiestas Patrias')?.periodStart,
    ).toBe('2026-07-27');
    expect(everywhere.explanation.join(' ')).toContain('Fiestas Patrias');
    const lima = await forecast({
      product: 'GRA-005',
      location: 'Lima',
      grain: 'week',
      horizon: 8,
      method: 'naive',
    });
    expect(lima.findings.events.map((event) => event.name)).not.toContain('Inti Raymi');
  });

  it('warns about stockouts when the history has them, or sales would pass for demand', async () => {
    const output = await forecast({
      product: 'DAI-001',
      grain: 'week',
      horizon: 4,
      method: 'naive',
    });
    expect(output.explanation.join(' ')).toContain('out of stock');
  });
});

describe('forecast_demand backtest', () => {
  it('backtests the chosen method over three origins with WAPE, MASE, bias and coverage', async () => {
    const output = await forecast({
      product: 'GRA-005',
      grain: 'month',
      horizon: 3,
      method: 'snaive',
    });
    expect(output.accuracy).toMatchObject({ origins: 3, horizon: 3 });
    expect(output.accuracy!.wape).toBeGreaterThan(0);
    // seasonal naive on a series growing ~27% a year under-forecasts by roughly that much
    expect(output.accuracy!.biasPercent).toBeLessThan(-10);
    expect(output.accuracy!.mase).toBeGreaterThan(0);
    expect(Object.keys(output.accuracy!.coverage).sort()).toEqual(['80', '95']);
  });

  it('skips the backtest when asked, saying so', async () => {
    const output = await forecast({
      product: 'GRA-005',
      grain: 'month',
      horizon: 3,
      method: 'snaive',
      backtest: false,
    });
    expect(output.accuracy).toBeNull();
    expect(output.model.notes).toContain('Backtest skipped on request: no accuracy figures.');
  });

  it('backtests with shorter windows when history is short, and skips it when too short', async () => {
    const output = await forecast({ product: 'kefir', grain: 'week', horizon: 6, method: 'naive' });
    // 6 complete weeks (4 May - 14 Jun): three 1-week windows leave 3 to train on
    expect(output.history).toMatchObject({ start: '2026-05-04', periods: 6 });
    expect(output.accuracy).toMatchObject({ horizon: 1, origins: 3 });
    expect(output.explanation.join(' ')).toContain('Fewer than 8 weeks');
    const oneMonth = await forecast({
      product: 'kefir',
      grain: 'month',
      horizon: 1,
      method: 'naive',
    });
    expect(oneMonth.history.periods).toBe(1);
    expect(oneMonth.accuracy).toBeNull();
    expect(oneMonth.model.notes).toContain(
      'Not backtested: 1 months are too few to hold out three origins.',
    );
  });
});

describe('forecast_demand bad input', () => {
  it('rejects an unknown SKU naming the field', async () => {
    const error = await failure(forecast({ product: 'XYZ-123' }));
    expect(error).toBeInstanceOf(ResolutionError);
    expect(error).toMatchObject({ field: 'product', problem: 'unknown' });
  });

  it('rejects an ambiguous name listing both candidates', async () => {
    const error = await failure(forecast({ product: 'quinoa blanca' }));
    expect(error).toMatchObject({ problem: 'ambiguous' });
    expect((error as ResolutionError).candidates.map((candidate) => candidate.code)).toEqual([
      'GRA-005',
      'GRA-006',
    ]);
  });

  it('rejects an impossible horizon in the schema and one beyond the history at run time', async () => {
    const parsed = forecastDemandInput.safeParse({
      product: 'GRA-005',
      grain: 'week',
      horizon: 105,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['horizon'] });
    expect(parsed.error?.issues[0]?.message).toContain('104 weeks');
    const error = await failure(
      forecast({ product: 'kefir', grain: 'week', horizon: 20, method: 'naive' }),
    );
    expect(error).toBeInstanceOf(ToolInputError);
    expect((error as ToolInputError).message).toContain('ask for at most 6');
  });

  it('rejects a grain with no complete period yet, naming the grain', async () => {
    const launch = createMemoryToolContext(
      {
        products,
        locations,
        sales: [
          { date: '2026-06-16', sku: 'GRA-005', location: 'CUZ', units: 3 },
          ...sales.filter((row) => row.sku !== 'GRA-005'),
        ],
      },
      { now: () => new Date('2026-06-18T10:00:00Z') },
    );
    const error = await failure(
      forecast({ product: 'GRA-005', grain: 'week', method: 'naive' }, launch),
    );
    expect(error).toMatchObject({ field: 'grain' });
    expect((error as Error).message).toContain(
      'no complete week of sales yet (data through 2026-06-17)',
    );
  });

  it('needs exactly one of product and category', () => {
    expect(forecastDemandInput.safeParse({ product: 'GRA-005', category: 'grains' }).success).toBe(
      false,
    );
    expect(forecastDemandInput.safeParse({ horizon: 3 }).success).toBe(false);
    expect(forecastDemandInput.safeParse({ product: 'GRA-005', method: 'prophet' }).success).toBe(
      false,
    );
  });

  it('stops when the caller aborts, rather than computing for nobody', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(
      forecast({ product: 'GRA-005', method: 'naive' }, context({ signal: controller.signal })),
    );
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('forecast_demand toModelOutput', () => {
  it('gives the model totals per period, the total and accuracy, not the full result', async () => {
    const output = await forecast({
      product: 'GRA-005',
      grain: 'day',
      horizon: 60,
      method: 'snaive',
    });
    const summary = forecastDemandTool.toModelOutput(output) as Record<string, unknown>;
    expect(summary.forecast).toHaveLength(36);
    expect(summary.periodsNotShown).toBe(24);
    expect(summary.totalUnits).toBe(
      Math.round(output.forecast.reduce((total, point) => total + point.mean, 0)),
    );
    expect(summary.accuracy).toMatchObject({ origins: 3 });
    expect(JSON.stringify(summary).length).toBeLessThan(JSON.stringify(output).length / 3);
  });
});
