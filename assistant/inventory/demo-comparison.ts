// Issue 5's demo target: on the demo company, the recommended policies against the current ones
// (inferred from the demo's stock history, which was simulated under a planner policy with safety
// factors z of 0.6-1.7), both simulated over the next days from today's stock with the same random
// streams, through the optimize_inventory tool itself, category by category at every location.
// Reports the change in average inventory value (excess stock), fill rate and perishable waste.
import type { ToolContext } from '../../tools/index';
import { optimizeInventory, optimizeInventoryInput } from '../../tools/optimize-inventory';
import type { InventoryItem } from '../../tools/inventory/optimize-inventory-output';

export interface DemoComparisonOptions {
  context: ToolContext;
  categories: readonly string[];
  horizonDays: number;
  replications: number;
  serviceMeasure?: 'fill_rate' | 'cycle_service_level';
  /** each item's target at least the service its current policy delivers (equal-service comparison) */
  atLeastCurrentService?: boolean;
  onProgress?: (message: string) => void;
}

export interface PolicyFigures {
  averageInventoryValue: number;
  fillRate: number;
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
  fillRateChangePoints: number;
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
    excessStockDownAtLeast10Percent: boolean;
    fillRateEqualOrBetter: boolean;
    perishableWasteDown: boolean;
  };
  seconds: number;
}

function row(label: string, items: readonly InventoryItem[]): ComparisonRow {
  const compared = items.filter((item) => item.comparison.current !== null);
  const figures = (pick: 'recommended' | 'current'): PolicyFigures => {
    let value = 0;
    let served = 0;
    let demanded = 0;
    let wasteValue = 0;
    let wasteUnits = 0;
    let wasteCo2e = 0;
    for (const item of compared) {
      const outcome = item.comparison[pick]!;
      value += outcome.averageInventoryValue;
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
      fillRate: demanded > 0 ? served / demanded : 1,
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
    fillRateChangePoints: (recommended.fillRate - current.fillRate) * 100,
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
        overall.inventoryValueChangePercent !== null && overall.inventoryValueChangePercent <= -10,
      fillRateEqualOrBetter: overall.fillRateChangePoints >= 0,
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
  const header =
    'category        items  inventory value (rec / cur)      change  fill rate (rec / cur)  change   perishable waste (rec / cur)  change';
  const line = (entry: ComparisonRow) =>
    [
      entry.label.padEnd(15),
      String(entry.items).padStart(5),
      `  ${money(entry.recommended.averageInventoryValue)} / ${money(entry.current.averageInventoryValue)}`.padEnd(
        33,
      ),
      signed(entry.inventoryValueChangePercent, ' %').padStart(8),
      `  ${(entry.recommended.fillRate * 100).toFixed(2)} / ${(entry.current.fillRate * 100).toFixed(2)} %`.padEnd(
        23,
      ),
      signed(entry.fillRateChangePoints, ' pt').padStart(8),
      `   ${money(entry.recommended.perishableWasteValue)} / ${money(entry.current.perishableWasteValue)}`.padEnd(
        30,
      ),
      signed(entry.perishableWasteChangePercent, ' %').padStart(8),
    ].join('');
  const { targets } = report;
  return [
    `Recommended vs current (inferred) policies, ${report.horizonDays} days, ${report.replications} replications, same random streams, target measure ${report.serviceMeasure}${report.atLeastCurrentService ? ", each item's target at least its current policy's service" : ' at the policy targets'}:`,
    header,
    ...report.categories.map(line),
    line(report.overall),
    `targets: excess stock down >= 10 %: ${targets.excessStockDownAtLeast10Percent ? 'met' : 'MISSED'}; fill rate equal or better: ${targets.fillRateEqualOrBetter ? 'met' : 'MISSED'}; perishable waste down: ${targets.perishableWasteDown ? 'met' : 'MISSED'} (${report.seconds.toFixed(1)} s)`,
  ].join('\n');
}
