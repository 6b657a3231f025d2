// `node --import tsx assistant/bench/inventory-sim-bench.ts [--items 1000] [--days 365]
// [--replications 20] [--seed 1]`: simulation throughput of the inventory simulator in simulated
// item-days per second (items x days x replications / wall seconds). The items are a seeded mix
// like the demo company's: daily demand from 0.5 to 200 units (normal, gamma, Poisson or negative
// binomial), fixed or normal lead times of 1 to 10 days, base-stock, (s,S) or (r,Q) policies, half
// of them perishable with shelf lives of 3 to 60 days, lost sales or backorders.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createRandom } from '../../models/stats/random';
import { simulatePolicy, type SimulatePolicyOptions } from '../../models/inventory/simulate-policy';

export interface SimulationThroughputOptions {
  items?: number;
  days?: number;
  replications?: number;
  seed?: number;
}

export interface SimulationThroughputReport {
  itemDays: number;
  /** Wall-clock seconds of the simulations (the inputs are built before the clock starts). */
  seconds: number;
  itemDaysPerSecond: number;
  /** CPU seconds of this process over the same span: less sensitive to a busy machine. */
  cpuSeconds: number;
}

/** The seeded item mix: one simulatePolicy input per item. */
export function benchItems(
  items: number,
  days: number,
  replications: number,
  seed: number,
): SimulatePolicyOptions[] {
  const random = createRandom(seed);
  const setup = random.fork('items');
  const list: SimulatePolicyOptions[] = [];
  for (let item = 0; item < items; item += 1) {
    const mean = 0.5 * Math.exp(setup.uniform(0, Math.log(400)));
    const sd = mean * setup.uniform(0.2, 0.8);
    const leadTimeDays = setup.int(1, 10);
    const kind = item % 4;
    const demand: SimulatePolicyOptions['demand'] =
      kind === 0
        ? { distribution: 'normal', mean, sd }
        : kind === 1
          ? { distribution: 'gamma', mean, sd }
          : kind === 2
            ? { distribution: 'poisson', mean }
            : { distribution: 'negative-binomial', mean, dispersion: setup.uniform(1, 10) };
    const protection = mean * (leadTimeDays + 1) + 2 * sd * Math.sqrt(leadTimeDays + 1);
    const policyKind = item % 3;
    const policy: SimulatePolicyOptions['policy'] =
      policyKind === 0
        ? { type: 'base-stock', orderUpToLevel: Math.round(protection) }
        : policyKind === 1
          ? {
              type: 's-S',
              reorderPoint: Math.round(protection),
              orderUpToLevel: Math.round(protection + 5 * mean) + 1,
            }
          : {
              type: 'r-Q',
              reorderPoint: Math.round(protection),
              orderQuantity: Math.ceil(5 * mean),
            };
    list.push({
      policy,
      demand,
      leadTime:
        item % 2 === 0
          ? { distribution: 'fixed', days: leadTimeDays }
          : { distribution: 'normal', mean: leadTimeDays, sd: leadTimeDays / 4 },
      costs: {
        holdingCost: 0.01,
        stockoutCost: 0.5,
        fixedOrderCost: 20,
        purchaseCost: 1,
        wasteCost: 0.2,
        co2ePerWastedUnit: 0.9,
      },
      unmetDemand: item % 5 === 0 ? 'backorders' : 'lost-sales',
      ...(item % 2 === 0 ? { shelfLifeDays: setup.int(3, 60) } : {}),
      horizonDays: days,
      replications,
      random: random.fork(`item:${item}`),
    });
  }
  return list;
}

function checkCount(value: number, name: string, minimum: number): number {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new RangeError(`${name}: must be a whole number >= ${minimum}, got ${value}`);
  }
  return value;
}

/** Simulates every item once (inputs built before the clock starts) and times it. */
export async function runSimulationThroughputBench(
  options: SimulationThroughputOptions = {},
): Promise<SimulationThroughputReport> {
  const items = checkCount(options.items ?? 1000, 'items', 1);
  const days = checkCount(options.days ?? 365, 'days', 1);
  const replications = checkCount(options.replications ?? 20, 'replications', 2);
  const inputs = benchItems(items, days, replications, options.seed ?? 1);
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  let checksum = 0;
  for (const input of inputs) checksum += simulatePolicy(input).summary.totalCost.mean;
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (!Number.isFinite(checksum))
    throw new Error('inventory bench: a simulation gave a non-finite cost');
  const itemDays = items * days * replications;
  return { itemDays, seconds, itemDaysPerSecond: itemDays / seconds, cpuSeconds };
}

function numberOption(args: readonly string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isFinite(value)) throw new RangeError(`${name}: expected a number`);
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const report = await runSimulationThroughputBench({
    items: numberOption(args, '--items', 1000),
    days: numberOption(args, '--days', 365),
    replications: numberOption(args, '--replications', 20),
    seed: numberOption(args, '--seed', 1),
  });
  console.log(JSON.stringify(report, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(
      `inventory simulation bench: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}
