// MSE of base vs reconciled forecasts on the seeded simulated hierarchy, relative to base per level.
//   node --import tsx models/forecast/hierarchy/reconcile.bench.ts [replicates] [seed]
import { createRandom } from '../../stats/random';
import { evaluateReconciliation } from './simulated-hierarchy';

const replicates = Number(process.argv[2] ?? 200);
const seed = Number(process.argv[3] ?? 2019);
const levels = evaluateReconciliation(createRandom(seed), { replicates });
const methods = Object.keys(levels[0]!.meanSquaredError);
console.log(['level', 'base MSE', ...methods.slice(1).map((m) => `${m} / base`)].join('\t'));
for (const { level, meanSquaredError } of levels) {
  const base = meanSquaredError.base;
  console.log(
    [
      level,
      base.toFixed(2),
      ...methods.slice(1).map((m) => (meanSquaredError[m as 'ols']! / base).toFixed(3)),
    ].join('\t'),
  );
}
