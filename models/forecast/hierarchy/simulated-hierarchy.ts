// A seeded simulated sales hierarchy for judging reconciliation: bottom series share category
// and region shocks (AR(1)) plus their own noise, so aggregates are smoother than bottoms and
// base forecasts made node by node are incoherent. Base forecasts are SES (ETS(A,N,N)) per node,
// with its one-step in-sample residuals, as in the MinT evaluations of Wickramasuriya et al. 2019.
import type { Random } from '../../stats/random';
import { sesForecaster } from '../ets/ets-forecaster';
import { reconcileForecasts, type ReconciliationMethod } from './reconcile';
import { aggregateBottom, buildHierarchy, type Hierarchy } from './summing-matrix';

export interface SimulationOptions {
  replicates: number;
  /** Training length (default 48) and horizon (default 4). */
  length?: number;
  horizon?: number;
}

export interface LevelErrors {
  level: string;
  /** Mean squared error per method over the level's nodes, steps and replicates. */
  meanSquaredError: Record<'base' | ReconciliationMethod, number>;
}

const methods: readonly ReconciliationMethod[] = [
  'bottom-up',
  'ols',
  'wls-structural',
  'wls-variance',
  'mint-shrink',
];

function simulateBottom(
  random: Random,
  total: number,
): { hierarchy: Hierarchy; values: number[][] } {
  const bottom = [];
  for (const category of ['dairy', 'grains']) {
    for (const region of ['north', 'south']) {
      for (const sku of ['1', '2', '3']) {
        bottom.push({ id: `${category}-${region}-${sku}`, attributes: { category, region } });
      }
    }
  }
  const hierarchy = buildHierarchy(bottom, [[], ['category'], ['region'], ['category', 'region']]);
  const factor = (phi: number, sd: number): number[] => {
    const path: number[] = [];
    let state = random.normal(0, sd / Math.sqrt(1 - phi * phi));
    for (let t = 0; t < total; t += 1) {
      state = phi * state + random.normal(0, sd);
      path.push(state);
    }
    return path;
  };
  const category = { dairy: factor(0.9, 2), grains: factor(0.9, 2) };
  const region = { north: factor(0.7, 1.5), south: factor(0.7, 1.5) };
  const values = bottom.map((series) => {
    const level = random.uniform(20, 40);
    const own = factor(0.3, 3);
    const c = category[series.attributes.category as 'dairy' | 'grains'];
    const r = region[series.attributes.region as 'north' | 'south'];
    return own.map((value, t) => level + c[t]! + r[t]! + value);
  });
  return { hierarchy, values };
}

/** Per-level mean squared errors of base and reconciled forecasts over seeded replicates. */
export function evaluateReconciliation(random: Random, options: SimulationOptions): LevelErrors[] {
  const length = options.length ?? 48;
  const horizon = options.horizon ?? 4;
  const totals = new Map<string, { count: number; sums: Record<string, number> }>();
  for (let replicate = 0; replicate < options.replicates; replicate += 1) {
    const { hierarchy, values } = simulateBottom(
      random.fork(`replicate-${replicate}`),
      length + horizon,
    );
    const all = aggregateBottom(hierarchy, values);
    const base: number[][] = [];
    const residuals: number[][] = [];
    for (const series of all) {
      const result = sesForecaster.forecast({
        values: series.slice(0, length),
        period: 1,
        horizon,
        levels: [],
      });
      base.push(result.mean);
      residuals.push(series.slice(0, length).map((value, t) => value - result.fitted![t]!));
    }
    const forecasts: Record<string, number[][]> = { base };
    for (const method of methods) {
      forecasts[method] = reconcileForecasts({
        hierarchy,
        baseForecasts: base,
        residuals,
        method,
      }).forecasts;
    }
    hierarchy.nodes.forEach((node, index) => {
      const label = node.level.length === 0 ? 'total' : node.level.join(' x ');
      const entry = totals.get(label) ?? { count: 0, sums: {} };
      for (const [method, values] of Object.entries(forecasts)) {
        let squares = 0;
        for (let h = 0; h < horizon; h += 1) {
          squares += (all[index]![length + h]! - values[index]![h]!) ** 2;
        }
        entry.sums[method] = (entry.sums[method] ?? 0) + squares;
      }
      entry.count += horizon;
      totals.set(label, entry);
    });
  }
  return [...totals].map(([level, entry]) => ({
    level,
    meanSquaredError: Object.fromEntries(
      Object.entries(entry.sums).map(([method, sum]) => [method, sum / entry.count]),
    ) as LevelErrors['meanSquaredError'],
  }));
}
