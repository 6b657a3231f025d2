// A complete, realistic S&OP report built by hand (test data for the renderers, the reports
// repository and the routes): every section available, with figures that agree with each other.
import { sopFacts, type SopFacts } from '../../tools/sop/sop-facts';
import type { SopReport } from './report-types';

export function sampleFacts(): SopFacts {
  return sopFacts.parse({
    month: '2026-10',
    scope: {},
    scopeLabel: 'whole company',
    currency: 'PEN',
    dataThrough: '2026-11-25',
    kpis: [
      { id: 'wape', unit: 'fraction', value: 0.214, previous: 0.238, better: 'lower' },
      { id: 'bias', unit: 'fraction', value: 0.031, previous: -0.012, better: 'lower' },
      { id: 'fill_rate', unit: 'fraction', value: 0.962, previous: 0.971, better: 'higher' },
      { id: 'stockout_days', unit: 'days', value: 37, previous: 29, better: 'lower' },
      { id: 'days_of_cover', unit: 'days', value: 18.4, previous: 18.4, better: 'lower' },
      { id: 'excess_value', unit: 'soles', value: 48210, previous: 51980, better: 'lower' },
      { id: 'expiry_risk_value', unit: 'soles', value: 6342.5, previous: null, better: 'lower' },
      { id: 'anomalies', unit: 'count', value: 3, previous: 5, better: 'lower' },
      { id: 'revenue', unit: 'soles', value: 1284500, previous: 1190230, better: 'higher' },
      { id: 'units', unit: 'units', value: 214880, previous: 201455, better: 'higher' },
    ],
    demandReview: {
      status: 'available',
      data: {
        forecastSource: 'snapshot',
        forecastOrigin: '2026-09-30',
        overall: {
          actualUnits: 214880,
          forecastUnits: 221540,
          wape: 0.214,
          mape: 0.287,
          bias: 0.031,
        },
        byCategory: [
          {
            category: 'Lácteos',
            actualUnits: 98120,
            forecastUnits: 102300,
            wape: 0.182,
            mape: 0.241,
            bias: 0.0426,
          },
          {
            category: 'Granos andinos',
            actualUnits: 41200,
            forecastUnits: 38900,
            wape: 0.265,
            mape: 0.33,
            bias: -0.0558,
          },
          {
            category: 'Bebidas',
            actualUnits: 75560,
            forecastUnits: 80340,
            wape: 0.228,
            mape: null,
            bias: 0.0633,
          },
        ],
        byRegion: [
          {
            region: 'Costa',
            actualUnits: 150300,
            forecastUnits: 155100,
            wape: 0.198,
            mape: 0.26,
            bias: 0.0319,
          },
          {
            region: 'Sierra',
            actualUnits: 64580,
            forecastUnits: 66440,
            wape: 0.251,
            mape: 0.35,
            bias: 0.0288,
          },
        ],
        worstItems: [
          {
            sku: 'YOG-1L-FRE',
            name: 'Yogurt fresa 1 L',
            location: 'AQP',
            actualUnits: 5400,
            forecastUnits: 4200,
            absErrorUnits: 1200,
            errorValue: 8400,
          },
          {
            sku: 'QUI-500',
            name: 'Quinua blanca 500 g',
            location: 'LIM',
            actualUnits: 2100,
            forecastUnits: 2900,
            absErrorUnits: 800,
            errorValue: null,
          },
        ],
        outlook: [
          {
            month: '2026-11',
            forecastUnits: 208400,
            lowerUnits: 190100,
            upperUnits: 226700,
            lastYearUnits: 199800,
            changePct: 0.043,
          },
          {
            month: '2026-12',
            forecastUnits: 251300,
            lowerUnits: 228000,
            upperUnits: 274600,
            lastYearUnits: 238900,
            changePct: 0.0519,
          },
          {
            month: '2027-01',
            forecastUnits: 196000,
            lowerUnits: null,
            upperUnits: null,
            lastYearUnits: null,
            changePct: null,
          },
        ],
        drivers: [
          {
            kind: 'holiday',
            month: '2026-12',
            description: 'Navidad',
            upliftPct: 0.22,
          },
          {
            kind: 'launch',
            month: '2026-10',
            description: 'Lanzamiento de bebida de maca',
            sku: 'MAC-330',
            upliftPct: null,
          },
        ],
      },
    },
    supplyReview: {
      status: 'available',
      data: {
        stockDate: '2026-10-31',
        daysOfCover: [
          {
            category: 'Lácteos',
            location: 'AQP',
            onHandUnits: 4200,
            averageDailyUnits: 950,
            days: 4.4,
          },
          {
            category: 'Lácteos',
            location: 'LIM',
            onHandUnits: 21500,
            averageDailyUnits: 1400,
            days: 15.4,
          },
          {
            category: 'Granos andinos',
            location: 'LIM',
            onHandUnits: 38000,
            averageDailyUnits: 700,
            days: 54.3,
          },
          {
            category: 'Bebidas',
            location: 'CUZ',
            onHandUnits: 120,
            averageDailyUnits: 0,
            days: null,
          },
        ],
        belowSafetyStock: [
          { sku: 'YOG-1L-FRE', location: 'AQP', onHandUnits: 310, safetyStockUnits: 540 },
        ],
        projectedStockouts: [
          {
            sku: 'YOG-1L-FRE',
            location: 'AQP',
            daysUntilStockout: 2,
            leadTimeDays: 4,
            orderUnits: 1200,
            lostSalesValue: 8400,
          },
        ],
        excess: {
          totalValue: 48210,
          items: [
            {
              sku: 'QUI-500',
              location: 'LIM',
              onHandUnits: 9800,
              recommendedMaxUnits: 4300,
              excessUnits: 5500,
              excessValue: 23100,
            },
          ],
        },
        expiryRisk: {
          units: 1410,
          value: 6342.5,
          co2eKg: 1903.5,
          items: [{ sku: 'YOG-1L-FRE', location: 'LIM', units: 1410, value: 6342.5, daysLeft: 3 }],
        },
        expectedWaste: { units: 620, value: 2790, co2eKg: 837 },
        serviceLevel: { fillRate: 0.962, stockoutDays: 37, listingDays: 3720 },
      },
    },
    anomalies: {
      status: 'available',
      data: {
        anomalies: [
          {
            sku: 'LEC-EVAP',
            location: 'TRU',
            date: '2026-10-14',
            kind: 'drop',
            units: 40,
            expectedUnits: 310,
            valueAtRisk: 1215,
            explanation: 'sales fell to 13% of the expected level for 3 days',
          },
        ],
        explained: [
          { sku: 'CHO-TAZA', location: 'LIM', date: '2026-10-31', reason: 'Halloween promotion' },
        ],
        incidents: [
          { label: 'Lima DC stockout', from: '2026-10-12', to: '2026-10-15', anomalies: 2 },
        ],
        rules: [],
      },
    },
    quality: { status: 'not_available', reason: 'no inspections recorded in 2026-10' },
    lifecycle: {
      status: 'available',
      data: {
        launches: [
          {
            sku: 'MAC-330',
            name: 'Bebida de maca 330 ml',
            launchDate: '2026-10-01',
            actualUnits: 3900,
            analogueForecastUnits: 3000,
            ratio: 1.3,
          },
        ],
        declining: [{ sku: 'GAL-SOD', name: 'Galleta soda', changePct: -0.31, onHandUnits: 2200 }],
        discontinued: [],
      },
    },
    decisions: [
      {
        rank: 1,
        action: 'raise_order',
        sku: 'YOG-1L-FRE',
        location: 'AQP',
        units: 1200,
        valueAtRisk: 8400,
        evidence: { section: 'supplyReview', path: 'projectedStockouts[0]' },
      },
      {
        rank: 2,
        action: 'markdown_or_donate',
        sku: 'YOG-1L-FRE',
        location: 'LIM',
        units: 1410,
        valueAtRisk: 6342.5,
        evidence: { section: 'supplyReview', path: 'expiryRisk.items[0]' },
      },
    ],
    labels: {
      products: { 'YOG-1L-FRE': 'Yogurt fresa 1 L', 'QUI-500': 'Quinua blanca 500 g' },
      locations: { AQP: 'Arequipa', LIM: 'Lima', CUZ: 'Cusco', TRU: 'Trujillo' },
    },
  });
}

export function sampleReport(overrides: Partial<SopReport> = {}): SopReport {
  const facts = overrides.facts ?? sampleFacts();
  return {
    id: '5f0c4a2e-8b1d-4c3e-9a7f-2d6e1b0c9a11',
    month: facts.month,
    scope: facts.scope,
    scopeLabel: facts.scopeLabel,
    language: 'en',
    facts,
    narrative: {
      headline: 'Yogurt in Arequipa runs out in 2 days: S/ 8,400 of sales at risk',
      keyIssues: [
        'Forecast error fell to 21.4% from 23.8%.',
        'Stock above the recommended policy is worth S/ 48,210.',
      ],
      decisions: ['Raise the yogurt order in Arequipa by 1,200 units.'],
    },
    narrativeSource: 'model',
    model: 'qwen3:8b',
    promptVersion: 'sop-narrative/v1',
    ungrounded: [],
    createdAt: '2026-11-26T08:00:00.000Z',
    trigger: 'manual',
    ...overrides,
  };
}
