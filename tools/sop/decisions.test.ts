import { describe, expect, it } from 'vitest';
import { rankDecisions, MAXIMUM_DECISIONS } from './decisions';
import type { AnomalyReview, DemandReview, QualityReview, SupplyReview } from './sop-facts';

const supply: SupplyReview = {
  stockDate: '2026-10-31',
  daysOfCover: [],
  belowSafetyStock: [],
  projectedStockouts: [
    {
      sku: 'YOG-1',
      location: 'AQP',
      daysUntilStockout: 2,
      leadTimeDays: 3,
      orderUnits: 1200,
      lostSalesValue: 8400,
    },
    {
      sku: 'ARR-1',
      location: 'TRU',
      daysUntilStockout: 5,
      leadTimeDays: 14,
      orderUnits: 100,
      lostSalesValue: 600,
    },
  ],
  excess: {
    totalValue: 2500,
    items: [
      {
        sku: 'QUI-1',
        location: 'LIM-CALLAO',
        onHandUnits: 900,
        recommendedMaxUnits: 400,
        excessUnits: 500,
        excessValue: 2000,
      },
      // rice is short at TRU (100 units to order): all 100 excess units go there
      {
        sku: 'ARR-1',
        location: 'AQP',
        onHandUnits: 300,
        recommendedMaxUnits: 200,
        excessUnits: 100,
        excessValue: 500,
      },
    ],
  },
  expiryRisk: {
    units: 50,
    value: 150,
    co2eKg: 55,
    items: [{ sku: 'YOG-2', location: 'TRU', units: 50, value: 150, daysLeft: 3 }],
  },
  expectedWaste: { units: 50, value: 150, co2eKg: 55 },
  serviceLevel: { fillRate: 0.97, stockoutDays: 4, listingDays: 100 },
};

const anomalies: AnomalyReview = {
  anomalies: [
    {
      sku: 'BEB-1',
      location: 'AQP',
      date: '2026-10-17',
      kind: 'drop',
      units: 2,
      expectedUnits: 40,
      valueAtRisk: 3000,
      explanation: 'drop',
    },
  ],
  explained: [],
  incidents: [],
  rules: [],
};

const quality: QualityReview = {
  overall: { inspected: 30, passed: 24, failed: 6, needsReview: 0, retake: 0, passRate: 0.8 },
  bySku: [
    { sku: 'ARR-1', inspected: 10, passed: 10, failed: 0, needsReview: 0, retake: 0, passRate: 1 },
    {
      sku: 'YOG-1',
      inspected: 20,
      passed: 14,
      failed: 6,
      needsReview: 0,
      retake: 0,
      passRate: 0.7,
    },
  ],
  byLine: [],
};

const demand = {
  worstItems: [
    {
      sku: 'BEB-1',
      name: 'Chicha',
      location: 'LIM-CALLAO',
      actualUnits: 1000,
      forecastUnits: 1500,
      absErrorUnits: 500,
      errorValue: 2500,
    },
    {
      sku: 'ARR-1',
      name: 'Arroz',
      location: 'AQP',
      actualUnits: 1000,
      forecastUnits: 1100,
      absErrorUnits: 100,
      errorValue: 800,
    },
  ],
} as unknown as DemandReview;

const sections: Record<string, unknown> = {
  supplyReview: supply,
  anomalies,
  quality,
  demandReview: demand,
};

/** Follows `excess.items[1]` into the section's data. */
function resolve(section: string, path: string): Record<string, unknown> | undefined {
  let node: unknown = sections[section];
  for (const part of path.split('.')) {
    const match = /^(\w+)(?:\[(\d+)\])?$/.exec(part);
    if (!match || typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[match[1]!];
    if (match[2] !== undefined) node = Array.isArray(node) ? node[Number(match[2])] : undefined;
  }
  return node as Record<string, unknown> | undefined;
}

describe('rankDecisions', () => {
  const decisions = rankDecisions({ supply, anomalies, quality, demand });

  it('ranks by value at risk with ranks 1..n, the unvalued quality hold last (else the meeting starts with the small things)', () => {
    expect(
      decisions.map((decision) => [
        decision.rank,
        decision.action,
        decision.sku,
        decision.valueAtRisk,
      ]),
    ).toEqual([
      [1, 'raise_order', 'YOG-1', 8400],
      [2, 'investigate_anomaly', 'BEB-1', 3000],
      [3, 'review_forecast', 'BEB-1', 2500],
      [4, 'reduce_order', 'QUI-1', 2000],
      [5, 'transfer_stock', 'ARR-1', 600],
      [6, 'markdown_or_donate', 'YOG-2', 150],
      [7, 'quality_hold', 'YOG-1', 0],
    ]);
  });

  it('moves excess to the place where the same SKU is short instead of buying more there (else stock is bought twice)', () => {
    const transfer = decisions.find((decision) => decision.action === 'transfer_stock');
    expect(transfer).toMatchObject({
      sku: 'ARR-1',
      location: 'AQP',
      toLocation: 'TRU',
      units: 100,
    });
    expect(
      decisions.some((decision) => decision.action === 'raise_order' && decision.sku === 'ARR-1'),
    ).toBe(false);
  });

  it('reduces the orders of the excess a transfer does not use, valued pro rata (else part of the excess is forgotten)', () => {
    const larger: SupplyReview = {
      ...supply,
      excess: {
        totalValue: 750,
        items: [
          {
            sku: 'ARR-1',
            location: 'AQP',
            onHandUnits: 350,
            recommendedMaxUnits: 200,
            excessUnits: 150,
            excessValue: 750,
          },
        ],
      },
    };
    const ranked = rankDecisions({ supply: larger });
    expect(
      ranked
        .filter((decision) => decision.sku === 'ARR-1')
        .map((decision) => [decision.action, decision.units, decision.valueAtRisk]),
    ).toEqual([
      ['transfer_stock', 100, 600],
      ['reduce_order', 50, 250],
    ]);
  });

  it('has evidence paths that resolve to real rows of the same SKU (else the report links to nothing)', () => {
    for (const decision of decisions) {
      const row = resolve(decision.evidence.section, decision.evidence.path);
      expect(row, `${decision.evidence.section} ${decision.evidence.path}`).toBeDefined();
      expect(row!['sku']).toBe(decision.sku);
    }
  });

  it('leaves out a forecast miss under a quarter of actuals and a SKU passing QC (else noise becomes decisions)', () => {
    expect(
      decisions.some(
        (decision) => decision.action === 'review_forecast' && decision.sku === 'ARR-1',
      ),
    ).toBe(false);
    expect(decisions.filter((decision) => decision.action === 'quality_hold')).toHaveLength(1);
  });

  it(`lists at most ${MAXIMUM_DECISIONS} decisions (else the page is not one page)`, () => {
    const many: SupplyReview = {
      ...supply,
      excess: { totalValue: 0, items: [] },
      expiryRisk: { ...supply.expiryRisk, items: [] },
      projectedStockouts: Array.from({ length: 30 }, (_, index) => ({
        sku: `S-${index}`,
        location: 'AQP',
        daysUntilStockout: 1,
        leadTimeDays: 3,
        orderUnits: 10,
        lostSalesValue: 100 + index,
      })),
    };
    const ranked = rankDecisions({ supply: many, quality });
    expect(ranked).toHaveLength(MAXIMUM_DECISIONS);
    expect(ranked[0]!.valueAtRisk).toBe(129);
    expect(ranked[ranked.length - 1]!.action).toBe('quality_hold');
  });

  it('gives no decisions when no section is available (else actions without evidence)', () => {
    expect(rankDecisions({})).toEqual([]);
  });
});
