// Issue 5's demo target: on the demo company, the recommended policies against the current ones
// (inferred from the demo's stock history, which was simulated under a planner policy with safety
// factors z of 0.6-1.7), both simulated over the next days from today's stock with the same random
// streams, through the optimize_inventory tool itself, category by category at every location.
// Reports the change in excess stock as the company defines it (units above the maximum days of
// cover x unit cost, tools/inventory/maximum-cover.ts), beside average inventory value, fill rate,
// cycle service level and perishable waste.
import type { ToolContext } from '../../tools/index';
import { optimizeInventory, optimizeInventoryInput } from '../../tools/optimize-inventory';
import type { InventoryItem } from '../../tools/inventory/optimize-inventory-output';

export interface DemoComparisonOptions {
  context: ToolContext;
  categories: readonly string[];
  horizonDays: number;
  replications: number;
  serviceMeasure?: 'fill_rate' | 'cycle_service_level';
  /** each item's reorder point raised until it delivers its current policy's service (equal-service comparison) */
  atLeastCurrentService?: boolean;
  onProgress?: (message: string) => void;
}

export interface PolicyFigures {
  averageInventoryValue: number;
  /** units above the maximum cover x unit cost, mean over the days */
  averageExcessValue: number;
  /** units served / units demanded, weighted by each listing's expected demand */
  fillRate: number;
  /** mean of the listings' cycle service levels (each listing counts once) */
  cycleServiceLevel: number;
  perishableWasteValue: number;
  perishableWasteUnits: number;
  perishableWasteCo2eKg: number;
}

export interface ComparisonRow {
  label: string;
  /** listings compared (those with an inferred current policy) */
  items: number;
  recommended: PolicyFigures;
  current: PolicyFigures;
  inventoryValueChangePercent: number | null;
  excessValueChangePercent: number | null;
  fillRateChangePoints: number;
  cycleServiceChangePoints: number;
  perishableWasteChangePercent: number | null;
}

export interface DemoComparisonReport {
  horizonDays: number;
  replications: number;
  serviceMeasure: string;
  atLeastCurrentService: boolean;
  categories: ComparisonRow[];
  overall: ComparisonRow;
  targets: {
    /** the company's excess (units above the maximum cover, at cost) down by 10 % or more */
    excessStockDownAtLeast10Percent: boolean;
    fillRateEqualOrBetter: boolean;
    cycleServiceEqualOrBetter: boolean;
    perishableWasteDown: boolean;
  };
  seconds: number;
}

function row(label: string, items: readonly InventoryItem[]): ComparisonRow {
  const compared = items.filter((item) => item.comparison.current !== null);
  const figures = (pick: 'recommended' | 'current'): PolicyFigures => {
    let value = 0;
    let excess = 0;
    let cycleService = 0;
    let served = 0;
    let demanded = 0;
    let wasteValue = 0;
    let wasteUnits = 0;
    let wasteCo2e = 0;
    for (const item of compared) {
      const outcome = item.comparison[pick]!;
      value += outcome.averageInventoryValue;
      excess += outcome.averageExcessValue;
      cycleService += outcome.cycleServiceLevel;
      served += outcome.fillRate * item.demand.dailyMean;
      demanded += item.demand.dailyMean;
      if (item.perishable) {
        wasteValue += outcome.wasteValue;
        wasteUnits += outcome.wasteUnits;
        wasteCo2e += outcome.wasteCo2eKg;
      }
    }
    return {
      averageInventoryValue: value,
      averageExcessValue: excess,
      fillRate: demanded > 0 ? served / demanded : 1,
      cycleServiceLevel: compared.length > 0 ? cycleService / compared.length : 1,
      perishableWasteValue: wasteValue,
      perishableWasteUnits: wasteUnits,
      perishableWasteCo2eKg: wasteCo2e,
    };
  };
  const recommended = figures('recommended');
  const current = figures('current');
  const change = (after: number, before: number) =>
    before > 0 ? (after / before - 1) * 100 : null;
  return {
    label,
    items: compared.length,
    recommended,
    current,
    inventoryValueChangePercent: change(
      recommended.averageInventoryValue,
      current.averageInventoryValue,
    ),
    excessValueChangePercent: change(recommended.averageExcessValue, current.averageExcessValue),
    fillRateChangePoints: (recommended.fillRate - current.fillRate) * 100,
    cycleServiceChangePoints: (recommended.cycleServiceLevel - current.cycleServiceLevel) * 100,
    perishableWasteChangePercent: change(
      recommended.perishableWasteValue,
      current.perishableWasteValue,
    ),
  };
}

export async function runDemoComparison(
  options: DemoComparisonOptions,
): Promise<DemoComparisonReport> {
  const started = performance.now();
  const all: InventoryItem[] = [];
  const rows: ComparisonRow[] = [];
  for (const category of options.categories) {
    const output = await optimizeInventory(
      optimizeInventoryInput.parse({
        category,
        horizon_days: options.horizonDays,
        replications: options.replications,
        service_measure: options.serviceMeasure ?? 'fill_rate',
        at_least_current_service: options.atLeastCurrentService ?? false,
      }),
      options.context,
    );
    all.push(...output.items);
    rows.push(row(category, output.items));
    options.onProgress?.(
      `${category}: ${output.items.length} listings in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const overall = row('overall', all);
  return {
    horizonDays: options.horizonDays,
    replications: options.replications,
    serviceMeasure: options.serviceMeasure ?? 'fill_rate',
    atLeastCurrentService: options.atLeastCurrentService ?? false,
    categories: rows,
    overall,
    targets: {
      excessStockDownAtLeast10Percent:
        overall.excessValueChangePercent !== null && overall.excessValueChangePercent <= -10,
      fillRateEqualOrBetter: overall.fillRateChangePoints >= 0,
      cycleServiceEqualOrBetter: overall.cycleServiceChangePoints >= 0,
      perishableWasteDown:
        overall.recommended.perishableWasteValue < overall.current.perishableWasteValue,
    },
    seconds: (performance.now() - started) / 1000,
  };
}

const money = (value: number) => `S/ ${Math.round(value).toLocaleString('en-US')}`;
const signed = (value: number | null, unit: string) =>
  value === null ? 'n/a' : `${value >= 0 ? '+' : ''}${value.toFixed(1)}${unit}`;

/** The report as a plain-text table, one line per category and the overall line. */
export function formatDemoComparison(report: DemoComparisonReport): string {
  const pair = (recommended: string, current: string) => `${recommended} / ${current}`;
  const percent = (value: number) => (value * 100).toFixed(2);
  const columns: [string, number, (entry: ComparisonRow) => string][] = [
    ['category', 15, (entry) => entry.label],
    ['items', 6, (entry) => String(entry.items)],
    [
      'excess value (rec / cur)',
      26,
      (entry) =>
        pair(money(entry.recommended.averageExcessValue), money(entry.current.averageExcessValue)),
    ],
    ['change', 9, (entry) => signed(entry.excessValueChangePercent, ' %')],
    [
      'inventory value (rec / cur)',
      28,
      (entry) =>
        pair(
          money(entry.recommended.averageInventoryValue),
          money(entry.current.averageInventoryValue),
        ),
    ],
    ['change', 9, (entry) => signed(entry.inventoryValueChangePercent, ' %')],
    [
      'fill rate %',
      16,
      (entry) => pair(percent(entry.recommended.fillRate), percent(entry.current.fillRate)),
    ],
    ['change', 9, (entry) => signed(entry.fillRateChangePoints, ' pt')],
    [
      'cycle service %',
      16,
      (entry) =>
        pair(
          percent(entry.recommended.cycleServiceLevel),
          percent(entry.current.cycleServiceLevel),
        ),
    ],
    ['change', 9, (entry) => signed(entry.cycleServiceChangePoints, ' pt')],
    [
      'perishable waste',
      20,
      (entry) =>
        pair(
          money(entry.recommended.perishableWasteValue),
          money(entry.current.perishableWasteValue),
        ),
    ],
    ['change', 9, (entry) => signed(entry.perishableWasteChangePercent, ' %')],
  ];
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => cell.padEnd(columns[index]![1]))
      .join(' ')
      .trimEnd();
  const row = (entry: ComparisonRow) => line(columns.map(([, , cell]) => cell(entry)));
  const { targets } = report;
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  return [
    `Recommended vs current (inferred) policies, ${report.horizonDays} days, ${report.replications} replications, same random streams, target measure ${report.serviceMeasure}${report.atLeastCurrentService ? ", each item's target at least its current policy's service" : ' at the policy targets'}; excess = units above the maximum days of cover x unit cost:`,
    line(columns.map(([title]) => title)),
    ...report.categories.map(row),
    row(report.overall),
    `targets: excess stock down >= 10 %: ${verdict(targets.excessStockDownAtLeast10Percent)}; fill rate equal or better: ${verdict(targets.fillRateEqualOrBetter)}; cycle service equal or better: ${verdict(targets.cycleServiceEqualOrBetter)}; perishable waste down: ${verdict(targets.perishableWasteDown)} (${report.seconds.toFixed(1)} s)`,
  ].join('\n');
}
