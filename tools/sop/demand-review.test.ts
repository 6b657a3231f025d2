import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import { naiveForecaster } from '../../models/forecast/naive';
import { createMemoryToolContext, type MemorySalesRow } from '../memory-tool-context';
import type {
  CatalogLocation,
  CatalogProduct,
  PlannedPromotion,
  ToolContext,
} from '../tool-context';
import { forecastMonthlyJobs } from './demand-review-forecasts';
import { buildDemandReview, prepareDemandReview } from './demand-review';
import { addMonths, monthEnd } from './months';
import type { DemandReview, PlanningRecords, SopSection } from './sop-facts';

const products: CatalogProduct[] = [
  {
    sku: 'YOG-1L',
    name: 'Yogurt 1 L',
    category: 'dairy',
    launchDate: null,
    price: 6.5,
    lifecycleStage: 'mature',
  },
  {
    sku: 'QUI-500',
    name: 'Quinoa 500 g',
    category: 'grains',
    launchDate: null,
    price: 8,
    lifecycleStage: 'mature',
  },
  {
    sku: 'NEW-1',
    name: 'Nuevo snack',
    category: 'snacks',
    launchDate: '2026-08-10',
    price: 3,
    lifecycleStage: 'launch',
  },
];
const locations: CatalogLocation[] = [
  { code: 'LIM', name: 'Lima DC', region: 'Lima', city: 'Lima' },
  { code: 'AQP', name: 'Arequipa DC', region: 'Sur', city: 'Arequipa' },
];

/** One sales row on the last day of each month from `first` (so the data's last month is closed). */
function monthly(sku: string, location: string, first: string, values: number[]): MemorySalesRow[] {
  return values.map((units, index) => ({
    date: monthEnd(addMonths(first, index)),
    sku,
    location,
    units,
  }));
}

const naive = (jobs: Parameters<typeof forecastMonthlyJobs>[0]) =>
  forecastMonthlyJobs(jobs, naiveForecaster);

function available(section: SopSection<DemandReview>): DemandReview {
  if (section.status !== 'available') throw new Error(`not available: ${section.reason}`);
  return section.data;
}

// 24 months 2024-07..2026-06 steady, then July 2026 differs: yogurt 120 (forecast 100), quinoa 40 (forecast 50)
const steadySales = [
  ...monthly('YOG-1L', 'LIM', '2024-07', [...new Array<number>(24).fill(100), 120]),
  ...monthly('QUI-500', 'AQP', '2024-07', [...new Array<number>(24).fill(50), 40]),
];

describe('buildDemandReview', () => {
  it('gives the known WAPE, MAPE and bias for a known forecast error, else the aggregation is wrong', () => {
    const context = createMemoryToolContext({ products, locations, sales: steadySales });
    const review = available(buildDemandReview(context, '2026-07', {}, { forecastJobs: naive }));
    expect(review.forecastSource).toBe('backtest');
    expect(review.forecastOrigin).toBe('2026-06-30');
    expect(review.overall.actualUnits).toBe(160);
    expect(review.overall.forecastUnits).toBeCloseTo(150, 9);
    expect(review.overall.wape).toBeCloseTo(30 / 160, 9);
    expect(review.overall.mape).toBeCloseTo((20 / 120 + 10 / 40) / 2, 9);
    expect(review.overall.bias).toBeCloseTo(-10 / 160, 9);
    const dairy = review.byCategory.find((row) => row.category === 'dairy');
    expect(dairy?.wape).toBeCloseTo(20 / 120, 9);
    expect(dairy?.bias).toBeCloseTo(-20 / 120, 9);
    const sur = review.byRegion.find((row) => row.region === 'Sur');
    expect(sur?.actualUnits).toBe(40);
    expect(sur?.bias).toBeCloseTo(10 / 40, 9);
  });

  it('ranks the worst items by absolute error with their value at list price, else the wrong items are flagged', () => {
    const context = createMemoryToolContext({ products, locations, sales: steadySales });
    const review = available(buildDemandReview(context, '2026-07', {}, { forecastJobs: naive }));
    expect(review.worstItems.map((item) => item.sku)).toEqual(['YOG-1L', 'QUI-500']);
    expect(review.worstItems[0]?.absErrorUnits).toBeCloseTo(20, 9);
    expect(review.worstItems[0]?.errorValue).toBeCloseTo(20 * 6.5, 9);
    expect(review.worstItems[1]?.errorValue).toBeCloseTo(10 * 8, 9);
  });

  it('with the default Theta forecasts a flat history as flat, else the default method is broken', () => {
    const context = createMemoryToolContext({ products, locations, sales: steadySales });
    const review = available(buildDemandReview(context, '2026-07', {}));
    expect(review.overall.forecastUnits).toBeCloseTo(150, 6);
    expect(review.overall.wape).toBeCloseTo(30 / 160, 6);
  });

  it('compares the outlook with the same months last year, else growth figures are wrong', () => {
    const context = createMemoryToolContext({ products, locations, sales: steadySales });
    const review = available(buildDemandReview(context, '2026-07', {}, { forecastJobs: naive }));
    expect(review.outlook.map((row) => row.month)).toEqual(['2026-08', '2026-09', '2026-10']);
    // naive from July 2026 (120 + 40) against August 2025 (100 + 50)
    expect(review.outlook[0]?.forecastUnits).toBeCloseTo(160, 9);
    expect(review.outlook[0]?.lastYearUnits).toBe(150);
    expect(review.outlook[0]?.changePct).toBeCloseTo(10 / 150, 9);
    expect(review.outlook[0]?.lowerUnits).not.toBeNull();
    expect(review.outlook[0]!.lowerUnits!).toBeLessThanOrEqual(160);
    expect(review.outlook[0]!.upperUnits!).toBeGreaterThanOrEqual(160);
  });

  it('scopes by region, else a regional review would count other regions', () => {
    const context = createMemoryToolContext({ products, locations, sales: steadySales });
    const review = available(
      buildDemandReview(context, '2026-07', { regions: ['Lima'] }, { forecastJobs: naive }),
    );
    expect(review.overall.actualUnits).toBe(120);
    expect(review.byRegion.map((row) => row.region)).toEqual(['Lima']);
  });

  it('says not available for a month without sales, else it would invent a review', () => {
    const context = createMemoryToolContext({ products, locations, sales: steadySales });
    const after = buildDemandReview(context, '2026-09', {});
    expect(after).toMatchObject({ status: 'not_available' });
    expect(after.status === 'not_available' && after.reason).toMatch(/no sales in 2026-09/);
    const outOfScope = buildDemandReview(context, '2026-07', { categories: ['snacks'] });
    expect(outOfScope.status === 'not_available' && outOfScope.reason).toMatch(
      /no sales in 2026-07 in categories snacks/,
    );
    const empty = createMemoryToolContext({ products, locations, sales: [] });
    expect(buildDemandReview(empty, '2026-07', {})).toEqual({
      status: 'not_available',
      reason: 'no sales in the store',
    });
  });

  it('says how much history a backtest needs when there is too little, else it would forecast from nothing', () => {
    const context = createMemoryToolContext({
      products,
      locations,
      sales: monthly('YOG-1L', 'LIM', '2026-05', [10, 12, 11]),
    });
    const section = buildDemandReview(context, '2026-07', {});
    expect(section.status).toBe('not_available');
    expect(section.status === 'not_available' && section.reason).toMatch(
      /needs 3 months of sales before it.*has 2/,
    );
  });

  it('uses a stored snapshot instead of the backtest, else the stored forecast is ignored', () => {
    const planning: PlanningRecords = {
      forecastSnapshots: (month, madeOnOrBefore) => {
        expect(month).toBe('2026-07');
        expect(madeOnOrBefore).toBe('2026-06-30');
        return [
          {
            madeOn: '2026-06-28',
            sku: 'YOG-1L',
            location: 'LIM',
            units: 90,
            lower: null,
            upper: null,
            method: 'ets',
          },
          {
            madeOn: '2026-06-28',
            sku: 'QUI-500',
            location: 'AQP',
            units: 60,
            lower: null,
            upper: null,
            method: 'ets',
          },
        ];
      },
    };
    const context: ToolContext = {
      ...createMemoryToolContext({ products, locations, sales: steadySales }),
      planning,
    };
    const plan = prepareDemandReview(context, '2026-07', {});
    // only the outlook's forecasts remain to run
    expect(plan.status === 'ready' && plan.jobs.every((job) => job.id.startsWith('outlook:'))).toBe(
      true,
    );
    const review = available(buildDemandReview(context, '2026-07', {}, { forecastJobs: naive }));
    expect(review.forecastSource).toBe('snapshot');
    expect(review.forecastOrigin).toBe('2026-06-28');
    expect(review.overall.forecastUnits).toBe(150);
    expect(review.overall.wape).toBeCloseTo((30 + 20) / 160, 9);
  });

  it('compares a month in progress with the share of its forecast for the days with data, else partial months look under-sold', () => {
    const sales = [
      ...monthly('YOG-1L', 'LIM', '2025-07', new Array<number>(12).fill(100)),
      { date: '2026-07-10', sku: 'YOG-1L', location: 'LIM', units: 40 },
    ];
    const context = createMemoryToolContext({ products, locations, sales });
    const review = available(buildDemandReview(context, '2026-07', {}, { forecastJobs: naive }));
    expect(review.overall.forecastUnits).toBeCloseTo((100 * 10) / 31, 9);
    // outlook from the last closed month (June): months August to October
    expect(review.outlook[0]?.month).toBe('2026-08');
    expect(review.outlook[0]?.forecastUnits).toBeCloseTo(100, 9);
  });

  it('names the holidays, promotions with measured uplift and launches of the month and outlook, else drivers are missing', () => {
    const daily: MemorySalesRow[] = [];
    const first = parseIsoDate('2024-07-01');
    const last = parseIsoDate('2026-07-31');
    for (let day = first; day <= last; day += 1) {
      const date = formatIsoDate(day);
      const promo = date >= '2026-07-10' && date <= '2026-07-16';
      daily.push({ date, sku: 'YOG-1L', location: 'LIM', units: promo ? 15 : 10, promo });
    }
    const promotions: PlannedPromotion[] = [
      {
        sku: 'YOG-1L',
        location: 'LIM',
        startDate: '2026-07-10',
        endDate: '2026-07-16',
        discountPct: 20,
      },
      {
        sku: 'YOG-1L',
        location: null,
        startDate: '2026-09-01',
        endDate: '2026-09-07',
        discountPct: 10,
      },
    ];
    const context = createMemoryToolContext({ products, locations, sales: daily, promotions });
    const review = available(buildDemandReview(context, '2026-07', {}, { forecastJobs: naive }));
    const descriptions = review.drivers.map((driver) => driver.description);
    expect(descriptions.some((text) => text.startsWith('Fiestas Patrias (2026-07-28'))).toBe(true);
    expect(descriptions.some((text) => text.startsWith('Señor de los Milagros'))).toBe(true);
    const promotionDrivers = review.drivers.filter((driver) => driver.kind === 'promotion');
    expect(promotionDrivers).toHaveLength(2);
    expect(promotionDrivers[0]?.upliftPct).toBeCloseTo(0.5, 9);
    // a planned promotion has no measured uplift yet
    expect(promotionDrivers[1]?.upliftPct).toBeNull();
    expect(review.drivers.find((driver) => driver.kind === 'launch')).toMatchObject({
      sku: 'NEW-1',
      month: '2026-08',
    });
  });
  it('completes from outcomes computed elsewhere in any order, else worker-thread runs would mismatch listings', () => {
    const context = createMemoryToolContext({ products, locations, sales: steadySales });
    const plan = prepareDemandReview(context, '2026-07', {});
    if (plan.status !== 'ready') throw new Error(plan.reason);
    expect(plan.jobs.every((job) => job.values.every((value) => Number.isFinite(value)))).toBe(
      true,
    );
    // plain data: survives a structured clone, as a worker message would
    const outcomes = forecastMonthlyJobs(structuredClone(plan.jobs), naiveForecaster).reverse();
    expect(plan.complete(outcomes)).toEqual(
      buildDemandReview(context, '2026-07', {}, { forecastJobs: naive }),
    );
    expect(() => plan.complete(outcomes.slice(1))).toThrow(/no forecast for job/);
  });
});
