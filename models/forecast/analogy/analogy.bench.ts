// Analogy vs simple rivals on seeded synthetic launches (see analogy-backtest.ts).
//   node --import tsx models/forecast/analogy/analogy.bench.ts [seed] [targetsPerCategory]
import { createRandom } from '../../stats/random';
import { backtestAnalogy } from './analogy-backtest';

const seed = Number(process.argv[2] ?? 7);
const targets = Number(process.argv[3] ?? 100);
const rows = backtestAnalogy(createRandom(seed), {
  analoguesPerCategory: 30,
  targetsPerCategory: targets,
  observedWeeks: [0, 1, 2, 3, 4, 5, 6, 7],
  horizonWeeks: 8,
});
console.log('observed weeks\tanalogy WAPE %\trival WAPE %\trival\t80% coverage %');
for (const row of rows) {
  console.log(
    [
      row.observedWeeks,
      row.analogyWape.toFixed(1),
      row.rivalWape.toFixed(1),
      row.rival,
      row.coverage80.toFixed(1),
    ].join('\t'),
  );
}
