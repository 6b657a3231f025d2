// The five sections' content as text and tables (see render-document.ts), one builder a section.
import type {
  AnomalyReview,
  DemandReview,
  LifecycleReview,
  QualityReview,
  SupplyReview,
} from '../../tools/sop/sop-facts';
import type { Block, TableBlock } from './render-document';
import type { ReportWords } from './render-labels';

/** Product and location names by code, from the facts' labels. */
export interface ReportNames {
  /** "Yogurt fresa 1 L (YOG-1L)", or the code alone when the facts have no name */
  product(sku: string): string;
  location(code: string): string;
}

/** A table block; `numeric[i]` right-aligns column i. */
export function table(
  caption: string,
  headers: string[],
  rows: string[][],
  numeric: boolean[],
): TableBlock {
  return { kind: 'table', caption, headers, rows, numeric };
}

const nullable = (value: number | null, format: (value: number) => string, missing: string) =>
  value === null ? missing : format(value);

export function demandBlocks(data: DemandReview, w: ReportWords, names: ReportNames): Block[] {
  const pct = (value: number | null) => nullable(value, w.percent, w.missing);
  const signed = (value: number | null) => nullable(value, w.signedPercent, w.missing);
  const source =
    data.forecastSource === 'snapshot'
      ? `${w.label('forecastFromSnapshot')} (${data.forecastOrigin})`
      : `${w.label('forecastFromBacktest')} ${data.forecastOrigin}`;
  const accuracyHeaders = (first: string) => [
    first,
    w.label('actualUnits'),
    w.label('forecastUnits'),
    w.label('wape'),
    w.label('mape'),
    w.label('bias'),
  ];
  const accuracyNumeric = [false, true, true, true, true, true];
  const accuracyRow = (name: string, row: DemandReview['overall']): string[] => [
    name,
    w.number(row.actualUnits),
    w.number(row.forecastUnits),
    pct(row.wape),
    pct(row.mape),
    signed(row.bias),
  ];
  return [
    { kind: 'text', text: `${w.label('forecastOrigin')}: ${source}.` },
    table(
      w.label('accuracyByCategory'),
      accuracyHeaders(w.label('category')),
      [
        accuracyRow(w.label('overall'), data.overall),
        ...data.byCategory.map((row) => accuracyRow(row.category, row)),
      ],
      accuracyNumeric,
    ),
    table(
      w.label('accuracyByRegion'),
      accuracyHeaders(w.label('region')),
      data.byRegion.map((row) => accuracyRow(row.region, row)),
      accuracyNumeric,
    ),
    table(
      w.label('worstItems'),
      [
        w.label('sku'),
        w.label('product'),
        w.label('location'),
        w.label('actualUnits'),
        w.label('forecastUnits'),
        w.label('absError'),
        w.label('errorValue'),
      ],
      data.worstItems.map((item) => [
        item.sku,
        item.name,
        names.location(item.location),
        w.number(item.actualUnits),
        w.number(item.forecastUnits),
        w.number(item.absErrorUnits),
        nullable(item.errorValue, w.money, w.missing),
      ]),
      [false, false, false, true, true, true, true],
    ),
    table(
      w.label('outlook'),
      [
        w.label('month'),
        w.label('forecastUnits'),
        w.label('interval'),
        w.label('lastYear'),
        w.label('change'),
      ],
      data.outlook.map((row) => [
        w.monthName(row.month),
        w.number(row.forecastUnits),
        row.lowerUnits === null || row.upperUnits === null
          ? w.missing
          : `${w.number(row.lowerUnits)} – ${w.number(row.upperUnits)}`,
        nullable(row.lastYearUnits, w.number, w.missing),
        signed(row.changePct),
      ]),
      [false, true, true, true, true],
    ),
    table(
      w.label('drivers'),
      [w.label('month'), w.label('driverKind'), w.label('description'), w.label('uplift')],
      data.drivers.map((driver) => [
        w.monthName(driver.month),
        driver.kind,
        driver.sku ? `${driver.description} (${driver.sku})` : driver.description,
        driver.upliftPct === undefined || driver.upliftPct === null
          ? w.missing
          : w.signedPercent(driver.upliftPct),
      ]),
      [false, false, false, true],
    ),
  ];
}

export function supplyBlocks(data: SupplyReview, w: ReportWords, names: ReportNames): Block[] {
  const co2 = (value: number | null) => (value === null ? '' : `, ${w.number(value)} kg CO2e`);
  return [
    { kind: 'text', text: `${w.label('stockDate')} ${data.stockDate}.` },
    table(
      w.label('daysOfCover'),
      [
        w.label('category'),
        w.label('location'),
        w.label('onHand'),
        w.label('dailyUnits'),
        w.label('days'),
      ],
      data.daysOfCover.map((row) => [
        row.category,
        names.location(row.location),
        w.number(row.onHandUnits),
        w.number(row.averageDailyUnits),
        nullable(row.days, w.number, w.missing),
      ]),
      [false, false, true, true, true],
    ),
    table(
      w.label('belowSafetyStock'),
      [w.label('sku'), w.label('location'), w.label('onHand'), w.label('safetyStock')],
      data.belowSafetyStock.map((row) => [
        names.product(row.sku),
        names.location(row.location),
        w.number(row.onHandUnits),
        w.number(row.safetyStockUnits),
      ]),
      [false, false, true, true],
    ),
    table(
      w.label('projectedStockouts'),
      [
        w.label('sku'),
        w.label('location'),
        w.label('daysUntilStockout'),
        w.label('leadTime'),
        w.label('orderUnits'),
        w.label('lostSales'),
      ],
      data.projectedStockouts.map((row) => [
        names.product(row.sku),
        names.location(row.location),
        w.number(row.daysUntilStockout),
        w.number(row.leadTimeDays),
        w.number(row.orderUnits),
        w.money(row.lostSalesValue),
      ]),
      [false, false, true, true, true, true],
    ),
    table(
      `${w.label('excess')}: ${w.money(data.excess.totalValue)}`,
      [
        w.label('sku'),
        w.label('location'),
        w.label('onHand'),
        w.label('recommendedMax'),
        w.label('excessUnits'),
        w.label('excessValue'),
      ],
      data.excess.items.map((row) => [
        names.product(row.sku),
        names.location(row.location),
        w.number(row.onHandUnits),
        w.number(row.recommendedMaxUnits),
        w.number(row.excessUnits),
        w.money(row.excessValue),
      ]),
      [false, false, true, true, true, true],
    ),
    table(
      `${w.label('expiryRisk')}: ${w.money(data.expiryRisk.value)}, ${w.number(data.expiryRisk.units)} u${co2(data.expiryRisk.co2eKg)}`,
      [
        w.label('sku'),
        w.label('location'),
        w.label('units'),
        w.label('value'),
        w.label('daysLeft'),
      ],
      data.expiryRisk.items.map((row) => [
        names.product(row.sku),
        names.location(row.location),
        w.number(row.units),
        w.money(row.value),
        w.number(row.daysLeft),
      ]),
      [false, false, true, true, true],
    ),
    {
      kind: 'text',
      text: `${w.label('expectedWaste')}: ${w.number(data.expectedWaste.units)} u, ${w.money(data.expectedWaste.value)}${co2(data.expectedWaste.co2eKg)}.`,
    },
    {
      kind: 'text',
      text: `${w.label('serviceLevel')}: ${w.label('fillRate')} ${nullable(data.serviceLevel.fillRate, w.percent, w.missing)}; ${w.label('stockoutDays')} ${w.number(data.serviceLevel.stockoutDays)} / ${w.number(data.serviceLevel.listingDays)} ${w.label('listingDays').toLowerCase()}.`,
    },
  ];
}

export function anomalyBlocks(data: AnomalyReview, w: ReportWords, names: ReportNames): Block[] {
  return [
    table(
      w.label('anomalies'),
      [
        w.label('date'),
        w.label('sku'),
        w.label('location'),
        w.label('kind'),
        w.label('units'),
        w.label('expected'),
        w.label('valueAtRisk'),
        w.label('explanation'),
      ],
      data.anomalies.map((row) => [
        row.date,
        names.product(row.sku),
        names.location(row.location),
        row.kind,
        w.number(row.units),
        w.number(row.expectedUnits),
        w.money(row.valueAtRisk),
        row.explanation,
      ]),
      [false, false, false, false, true, true, true, false],
    ),
    table(
      w.label('explained'),
      [w.label('date'), w.label('sku'), w.label('location'), w.label('reason')],
      data.explained.map((row) => [
        row.date,
        names.product(row.sku),
        names.location(row.location),
        row.reason,
      ]),
      [false, false, false, false],
    ),
    table(
      w.label('incidents'),
      [w.label('description'), w.label('from'), w.label('to'), w.label('count')],
      data.incidents.map((row) => [row.label, row.from, row.to, w.number(row.anomalies)]),
      [false, false, false, true],
    ),
    table(
      w.label('rules'),
      [w.label('rule'), w.label('sku'), w.label('location'), w.label('message')],
      data.rules.map((row) => [
        row.rule,
        names.product(row.sku),
        names.location(row.location),
        row.message,
      ]),
      [false, false, false, false],
    ),
  ];
}

export function qualityBlocks(data: QualityReview, w: ReportWords, names: ReportNames): Block[] {
  const headers = (first: string) => [
    first,
    w.label('inspected'),
    w.label('passed'),
    w.label('failed'),
    w.label('needsReview'),
    w.label('retake'),
    w.label('passRate'),
  ];
  const row = (name: string, rate: QualityReview['overall']) => [
    name,
    w.number(rate.inspected),
    w.number(rate.passed),
    w.number(rate.failed),
    w.number(rate.needsReview),
    w.number(rate.retake),
    nullable(rate.passRate, w.percent, w.missing),
  ];
  const numeric = [false, true, true, true, true, true, true];
  return [
    table(w.label('overall'), headers(''), [row(w.label('overall'), data.overall)], numeric),
    table(
      w.label('bySku'),
      headers(w.label('sku')),
      data.bySku.map((r) => row(names.product(r.sku), r)),
      numeric,
    ),
    table(
      w.label('byLine'),
      headers(w.label('line')),
      data.byLine.map((r) => row(r.line, r)),
      numeric,
    ),
  ];
}

export function lifecycleBlocks(
  data: LifecycleReview,
  w: ReportWords,
  _names: ReportNames,
): Block[] {
  return [
    table(
      w.label('launches'),
      [
        w.label('sku'),
        w.label('product'),
        w.label('launchDate'),
        w.label('actualUnits'),
        w.label('analogueForecast'),
        w.label('ratio'),
      ],
      data.launches.map((row) => [
        row.sku,
        row.name,
        row.launchDate,
        w.number(row.actualUnits),
        nullable(row.analogueForecastUnits, w.number, w.missing),
        nullable(row.ratio, w.percent, w.missing),
      ]),
      [false, false, false, true, true, true],
    ),
    table(
      w.label('declining'),
      [w.label('sku'), w.label('product'), w.label('change'), w.label('onHand')],
      data.declining.map((row) => [
        row.sku,
        row.name,
        w.signedPercent(row.changePct),
        w.number(row.onHandUnits),
      ]),
      [false, false, true, true],
    ),
    table(
      w.label('discontinued'),
      [w.label('sku'), w.label('product'), w.label('onHand'), w.label('onHandValue')],
      data.discontinued.map((row) => [
        row.sku,
        row.name,
        w.number(row.onHandUnits),
        nullable(row.onHandValue, w.money, w.missing),
      ]),
      [false, false, true, true],
    ),
  ];
}
