// A sop_summary result as the tool returns it (tools/sop-summary.ts over the S&OP test doubles:
// fixed sections for October 2026, QC not available), for the view's tests.
export const sopSummarySample = {
  facts: {
    month: '2026-10',
    scope: {},
    scopeLabel: 'whole company',
    currency: 'PEN',
    dataThrough: '2026-10-31',
    kpis: [
      {
        id: 'revenue',
        unit: 'soles',
        better: 'higher',
        value: 3772.699999999998,
        previous: 3650.999999999998,
      },
      {
        id: 'units',
        unit: 'units',
        better: 'higher',
        value: 521,
        previous: 507,
      },
      {
        id: 'wape',
        unit: 'fraction',
        better: 'lower',
        value: 0.1234,
        previous: null,
      },
      {
        id: 'bias',
        unit: 'fraction',
        better: 'lower',
        value: 0.1006,
        previous: null,
      },
      {
        id: 'fill_rate',
        unit: 'fraction',
        better: 'higher',
        value: 0.9712,
        previous: 0.9941176470588236,
      },
      {
        id: 'stockout_days',
        unit: 'days',
        better: 'lower',
        value: 2,
        previous: 1,
      },
      {
        id: 'days_of_cover',
        unit: 'days',
        better: 'lower',
        value: 11.428571428571429,
        previous: null,
      },
      {
        id: 'excess_value',
        unit: 'soles',
        better: 'lower',
        value: 1860.5,
        previous: null,
      },
      {
        id: 'expiry_risk_value',
        unit: 'soles',
        better: 'lower',
        value: 180,
        previous: null,
      },
      {
        id: 'waste_co2e_kg',
        unit: 'kg',
        better: 'lower',
        value: 22,
        previous: null,
      },
      {
        id: 'anomalies',
        unit: 'count',
        better: 'lower',
        value: 1,
        previous: null,
      },
      {
        id: 'qc_pass_rate',
        unit: 'fraction',
        better: 'higher',
        value: null,
        previous: null,
      },
    ],
    demandReview: {
      status: 'available',
      data: {
        forecastSource: 'backtest',
        forecastOrigin: '2026-09-30',
        overall: {
          actualUnits: 527,
          forecastUnits: 580,
          wape: 0.1234,
          mape: 0.15,
          bias: 0.1006,
        },
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
          {
            sku: 'YOG-1L',
            location: 'AQP-DC',
            onHandUnits: 10,
            safetyStockUnits: 24,
          },
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
          items: [
            {
              sku: 'YOG-1L',
              location: 'LIM-DC1',
              units: 45,
              value: 180,
              daysLeft: 6,
            },
          ],
        },
        expectedWaste: {
          units: 20,
          value: 80,
          co2eKg: 22,
        },
        serviceLevel: {
          fillRate: 0.9712,
          stockoutDays: 2,
          listingDays: 93,
        },
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
    quality: {
      status: 'not_available',
      reason: 'no inspections recorded in 2026-10',
    },
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
          {
            sku: 'QUI-500',
            name: 'Quinoa blanca 500 g',
            changePct: -0.234,
            onHandUnits: 30,
          },
        ],
        discontinued: [
          {
            sku: 'YOG-1L',
            name: 'Yogur fresa 1 L',
            onHandUnits: 160,
            onHandValue: 640,
          },
        ],
      },
    },
    decisions: [
      {
        rank: 1,
        action: 'raise_order',
        sku: 'YOG-1L',
        location: 'AQP-DC',
        units: 1200,
        valueAtRisk: 8400,
        evidence: {
          section: 'supplyReview',
          path: 'projectedStockouts[0]',
        },
      },
    ],
    labels: {
      products: {
        'YOG-1L': 'Yogur fresa 1 L',
        'QUI-500': 'Quinoa blanca 500 g',
      },
      locations: {
        'LIM-DC1': 'Lima DC Callao',
        'AQP-DC': 'Arequipa DC',
      },
    },
  },
  narrative: {
    headline:
      'S&OP October 2026 (whole company): Raise the order of Yogur fresa 1 L at Arequipa DC by 1,200 units: S/ 8,400 of sales at risk.',
    keyIssues: [
      'Demand: WAPE 12.3%; bias +10.1% (forecast above sales); 527 units sold against 580 forecast; largest error: Yogur fresa 1 L at Arequipa DC, 43 units; forecast units: November 2026 510, December 2026 640.',
      'Supply and inventory: fill rate 97.1%; 2 item-days out of stock; largest projected stock-out: Yogur fresa 1 L at Arequipa DC in 2.5 days, S/ 8,400 of lost sales; excess stock S/ 1,861; expiry risk S/ 180 (45 units); expected waste 22 kg CO2e.',
      'Anomalies: largest unexplained: Quinoa blanca 500 g at Lima DC Callao on 2026-10-14, 40 units against 3 expected, S/ 292 at risk.',
      'Quality: not available — no inspections recorded in October 2026',
      'Product lifecycle: launches: Quinoa blanca 500 g (85% of its analogue forecast); declining: Quinoa blanca 500 g (-23.4%); discontinued: Yogur fresa 1 L (160 units in stock).',
    ],
    decisions: [
      'Raise the order of Yogur fresa 1 L at Arequipa DC by 1,200 units: S/ 8,400 of sales at risk.',
    ],
  },
  narrativeSource: 'template',
};
