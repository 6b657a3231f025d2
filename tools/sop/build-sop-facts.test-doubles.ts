// Test data for the S&OP assembly, template and narrative tests: a small company in memory with
// two months of sales, and section builders that return fixed sections (the real builders have
// their own tests; these isolate the assembly from them).
import type { CatalogLocation, CatalogProduct } from '../tool-context';
import { createMemoryToolContext, type MemorySalesRow } from '../memory-tool-context';
import type { SopSectionBuilders, SopSections } from './build-sop-facts';
import type { SopDecision } from './sop-facts';

export const testProducts: CatalogProduct[] = [
  {
    sku: 'YOG-1L',
    name: 'Yogur fresa 1 L',
    category: 'dairy',
    launchDate: null,
    lifecycleStage: 'mature',
    price: 7,
    unitCost: 4,
  },
  {
    sku: 'QUI-500',
    name: 'Quinoa blanca 500 g',
    category: 'grains',
    launchDate: null,
    lifecycleStage: 'mature',
    price: 7.9,
    unitCost: 4.2,
  },
];

export const testLocations: CatalogLocation[] = [
  { code: 'LIM-DC1', name: 'Lima DC Callao', region: 'Lima', city: 'Lima' },
  { code: 'AQP-DC', name: 'Arequipa DC', region: 'Sur', city: 'Arequipa' },
];

/** Every day of September and October 2026: yogurt 10/day in Lima, 4/day in Arequipa; quinoa 3/day in Lima. */
export function testSales(): MemorySalesRow[] {
  const rows: MemorySalesRow[] = [];
  for (let day = 0; day < 61; day += 1) {
    const date = new Date(Date.UTC(2026, 8, 1 + day)).toISOString().slice(0, 10);
    const stockout = date === '2026-09-10' || date === '2026-10-20' || date === '2026-10-21';
    rows.push(
      { date, sku: 'YOG-1L', location: 'LIM-DC1', units: 10, revenue: 70 },
      { date, sku: 'YOG-1L', location: 'AQP-DC', units: stockout ? 1 : 4, revenue: 28, stockout },
      { date, sku: 'QUI-500', location: 'LIM-DC1', units: 3, revenue: 23.7 },
    );
  }
  return rows;
}

export function testContext(options: { now?: string } = {}) {
  return createMemoryToolContext(
    { products: testProducts, locations: testLocations, sales: testSales() },
    { now: () => new Date(options.now ?? '2026-11-05T12:00:00Z') },
  );
}

export const raiseYogurtOrder: SopDecision = {
  rank: 1,
  action: 'raise_order',
  sku: 'YOG-1L',
  location: 'AQP-DC',
  units: 1200,
  valueAtRisk: 8400,
  evidence: { section: 'supplyReview', path: 'projectedStockouts[0]' },
};

/** Sections with figures chosen to be recognisable in the narrative; quality not available. */
export function fixedSections(): SopSections {
  return {
    demandReview: {
      status: 'available',
      data: {
        forecastSource: 'backtest',
        forecastOrigin: '2026-09-30',
        overall: { actualUnits: 527, forecastUnits: 580, wape: 0.1234, mape: 0.15, bias: 0.1006 },
        byCategory: [],
        byRegion: [],
        worstItems: [
          {
            sku: 'YOG-1L',
            name: 'Yogur fresa 1 L',
            location: 'AQP-DC',
            actualUnits: 117,
            forecastUnits: 160,
            absErrorUnits: 43,
            errorValue: 301,
          },
        ],
        outlook: [
          {
            month: '2026-11',
            forecastUnits: 510,
            lowerUnits: 450,
            upperUnits: 570,
            lastYearUnits: null,
            changePct: null,
          },
          {
            month: '2026-12',
            forecastUnits: 640,
            lowerUnits: 560,
            upperUnits: 720,
            lastYearUnits: 600,
            changePct: 6.7,
          },
        ],
        drivers: [],
      },
    },
    supplyReview: {
      status: 'available',
      data: {
        stockDate: '2026-10-31',
        daysOfCover: [
          {
            category: 'dairy',
            location: 'LIM-DC1',
            onHandUnits: 150,
            averageDailyUnits: 10,
            days: 15,
          },
          {
            category: 'dairy',
            location: 'AQP-DC',
            onHandUnits: 10,
            averageDailyUnits: 4,
            days: 2.5,
          },
        ],
        belowSafetyStock: [
          { sku: 'YOG-1L', location: 'AQP-DC', onHandUnits: 10, safetyStockUnits: 24 },
        ],
        projectedStockouts: [
          {
            sku: 'YOG-1L',
            location: 'AQP-DC',
            daysUntilStockout: 2.5,
            leadTimeDays: 5,
            orderUnits: 1200,
            lostSalesValue: 8400,
          },
        ],
        excess: {
          totalValue: 1860.5,
          items: [
            {
              sku: 'YOG-1L',
              location: 'LIM-DC1',
              onHandUnits: 150,
              recommendedMaxUnits: 120,
              excessUnits: 30,
              excessValue: 1860.5,
            },
          ],
        },
        expiryRisk: {
          units: 45,
          value: 180,
          co2eKg: 49.5,
          items: [{ sku: 'YOG-1L', location: 'LIM-DC1', units: 45, value: 180, daysLeft: 6 }],
        },
        expectedWaste: { units: 20, value: 80, co2eKg: 22 },
        serviceLevel: { fillRate: 0.9712, stockoutDays: 2, listingDays: 93 },
      },
    },
    anomalies: {
      status: 'available',
      data: {
        anomalies: [
          {
            sku: 'QUI-500',
            location: 'LIM-DC1',
            date: '2026-10-14',
            kind: 'spike',
            units: 40,
            expectedUnits: 3,
            valueAtRisk: 292.3,
            explanation: 'sales 13 times the usual',
          },
        ],
        explained: [],
        incidents: [],
        rules: [],
      },
    },
    quality: { status: 'not_available', reason: 'no inspections recorded in 2026-10' },
    lifecycle: {
      status: 'available',
      data: {
        launches: [
          {
            sku: 'QUI-500',
            name: 'Quinoa blanca 500 g',
            launchDate: '2026-08-01',
            actualUnits: 93,
            analogueForecastUnits: 110,
            ratio: 0.8455,
          },
        ],
        declining: [
          { sku: 'QUI-500', name: 'Quinoa blanca 500 g', changePct: -0.234, onHandUnits: 30 },
        ],
        discontinued: [
          { sku: 'YOG-1L', name: 'Yogur fresa 1 L', onHandUnits: 160, onHandValue: 640 },
        ],
      },
    },
  };
}

/** Builders that return `sections` whatever they are asked, and rank the one decision. */
export function fixedBuilders(
  sections: SopSections = fixedSections(),
  decisions: SopDecision[] = [raiseYogurtOrder],
): SopSectionBuilders {
  return {
    demandReview: () => sections.demandReview,
    supplyReview: () => sections.supplyReview,
    anomalies: () => sections.anomalies,
    quality: () => sections.quality,
    lifecycle: () => sections.lifecycle,
    rankDecisions: () => decisions,
  };
}
