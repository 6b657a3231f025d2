import { describe, expect, it } from 'vitest';
import { buildKpiCard, overallDaysOfCover } from './kpis';
import {
  fixedSections,
  testContext,
  testLocations,
  testProducts,
  testSales,
} from './build-sop-facts.test-doubles';
import { createMemoryToolContext } from '../memory-tool-context';
import type { SupplyReview } from './sop-facts';
import type { InspectionRecords, QcDaySummary } from '../inspection/inspection-records';
import type { PlanningRecords } from './sop-facts';

const byId = (card: ReturnType<typeof buildKpiCard>) =>
  Object.fromEntries(card.map((kpi) => [kpi.id, kpi]));

function inspections(days: QcDaySummary[]): InspectionRecords {
  return {
    storeImage: () => 'hash',
    save: () => undefined,
    list: () => [],
    qcSummary: (from, to) => days.filter((day) => day.date >= from && day.date <= to),
  };
}

describe('buildKpiCard', () => {
  it('puts September beside October from the sales (30 days x 17 units, 1 stockout day), else the card has no comparison', () => {
    const card = byId(buildKpiCard(testContext(), '2026-10', {}, fixedSections()));
    expect(card.units).toMatchObject({
      value: 31 * 17 - 6,
      previous: 30 * 17 - 3,
      better: 'higher',
    });
    expect(card.revenue?.previous).toBeCloseTo(30 * (70 + 28 + 23.7), 6);
    expect(card.stockout_days).toMatchObject({ value: 2, previous: 1, unit: 'days' });
  });

  it('reads the month from its sections and null where a section is missing, else invented KPIs appear', () => {
    const card = byId(buildKpiCard(testContext(), '2026-10', {}, fixedSections()));
    expect(card.wape?.value).toBe(0.1234);
    expect(card.fill_rate?.value).toBe(0.9712);
    expect(card.excess_value?.value).toBe(1860.5);
    expect(card.expiry_risk_value?.value).toBe(180);
    expect(card.waste_co2e_kg?.value).toBe(22);
    expect(card.anomalies?.value).toBe(1);
    expect(card.qc_pass_rate).toMatchObject({ value: null, previous: null });
    expect(card.days_of_cover?.value).toBeCloseTo(160 / 14, 10);
    expect(Object.keys(card)).toHaveLength(12);
  });

  it('scopes the previous month to the scope, else a region card compares with the whole company', () => {
    const card = byId(
      buildKpiCard(testContext(), '2026-10', { regions: ['Sur'] }, fixedSections()),
    );
    expect(card.units?.previous).toBe(29 * 4 + 1);
  });

  it('computes the previous pass rate as passed / (inspected - retake), else retakes count as failures', () => {
    const context = {
      ...testContext(),
      inspections: inspections([
        {
          date: '2026-09-03',
          sku: 'YOG-1L',
          line: 'L1',
          inspected: 10,
          passed: 6,
          failed: 2,
          needsReview: 0,
          retake: 2,
        },
        {
          date: '2026-10-03',
          sku: 'YOG-1L',
          line: 'L1',
          inspected: 4,
          passed: 4,
          failed: 0,
          needsReview: 0,
          retake: 0,
        },
      ]),
    };
    expect(byId(buildKpiCard(context, '2026-10', {}, fixedSections())).qc_pass_rate?.previous).toBe(
      0.75,
    );
  });

  it('computes the previous WAPE and bias from forecasts stored before that month, else accuracy has no trend', () => {
    const planning: PlanningRecords = {
      forecastSnapshots: (month, madeOnOrBefore) =>
        month === '2026-09' && madeOnOrBefore === '2026-08-31'
          ? [
              {
                madeOn: '2026-08-31',
                sku: 'YOG-1L',
                location: 'LIM-DC1',
                units: 330,
                lower: null,
                upper: null,
                method: 'ets',
              },
              {
                madeOn: '2026-08-31',
                sku: 'QUI-500',
                location: 'LIM-DC1',
                units: 60,
                lower: null,
                upper: null,
                method: 'ets',
              },
            ]
          : [],
    };
    const card = byId(buildKpiCard({ ...testContext(), planning }, '2026-10', {}, fixedSections()));
    // actual: yogurt Lima 300, quinoa Lima 90; |300-330| + |90-60| = 60 over 390
    expect(card.wape?.previous).toBeCloseTo(60 / 390, 12);
    expect(card.bias?.previous).toBeCloseTo((390 - 390) / 390, 12);
  });
});

describe('previous stock KPIs', () => {
  it('gives September a fill rate of sold / (sold + usual demand lost on the stockout day), else service has no trend', () => {
    const card = byId(buildKpiCard(testContext(), '2026-10', {}, fixedSections()));
    // Arequipa yogurt sells 4 a day; on 2026-09-10 it was out of stock and sold 1: 3 lost
    expect(card.fill_rate?.previous).toBeCloseTo(507 / 510, 12);
    expect(card.days_of_cover?.previous).toBeNull();
  });

  it('gives September days of cover from each listing last count over its 28-day sales, else cover is compared with nothing', () => {
    const stock = [
      { date: '2026-09-29', sku: 'YOG-1L', location: 'LIM-DC1', onHand: 999, onOrder: 0 },
      { date: '2026-09-30', sku: 'YOG-1L', location: 'LIM-DC1', onHand: 140, onOrder: 0 },
      { date: '2026-09-30', sku: 'QUI-500', location: 'LIM-DC1', onHand: 30, onOrder: null },
      { date: '2026-10-31', sku: 'QUI-500', location: 'LIM-DC1', onHand: 5000, onOrder: null },
    ];
    const context = createMemoryToolContext(
      { products: testProducts, locations: testLocations, sales: testSales(), stock },
      { now: () => new Date('2026-11-05T12:00:00Z') },
    );
    const card = byId(buildKpiCard(context, '2026-10', {}, fixedSections()));
    // (140 + 30) units over (10 + 3) a day; Arequipa has no count and is left out
    expect(card.days_of_cover?.previous).toBeCloseTo(170 / 13, 12);
  });
});

describe('overallDaysOfCover', () => {
  it('divides total stock by total daily sales, not the mean of ratios, else small listings dominate', () => {
    const supply = {
      daysOfCover: [
        { category: 'a', location: 'x', onHandUnits: 100, averageDailyUnits: 10, days: 10 },
        { category: 'b', location: 'x', onHandUnits: 1, averageDailyUnits: 0.01, days: 100 },
      ],
    } as unknown as SupplyReview;
    expect(overallDaysOfCover(supply)).toBeCloseTo(101 / 10.01, 12);
  });
});
