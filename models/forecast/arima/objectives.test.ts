import { describe, expect, it } from 'vitest';
import { createRandom } from '../../stats/random';
import type { ArmaLayout } from './arma-parameters';
import { ArimaObjectives } from './objectives';
import { simulateArma } from './simulate';

function centralDifferences(
  objectives: ArimaObjectives,
  scaled: Float64Array,
  parscale: Float64Array,
): number[] {
  const step = 1e-3;
  return Array.from(scaled, (_, i) => {
    const point = Float64Array.from(scaled, (value, k) => value * parscale[k]!);
    point[i] = (scaled[i]! + step) * parscale[i]!;
    const upper = objectives.cssObjective(point);
    point[i] = (scaled[i]! - step) * parscale[i]!;
    return (upper - objectives.cssObjective(point)) / (2 * step);
  });
}

describe('ArimaObjectives.cssGradient', () => {
  it.each<[string, ArmaLayout]>([
    ['ARMA(2,2) with mean', { p: 2, q: 2, seasonalP: 0, seasonalQ: 0, period: 1 }],
    ['ARMA(1,1)(1,1)[4] (general path)', { p: 1, q: 1, seasonalP: 1, seasonalQ: 1, period: 4 }],
  ])('equals two-sided differences of cssObjective for %s', (_label, layout) => {
    const w = Float64Array.from(
      simulateArma(400, { ar: [0.5], ma: [0.3] }, createRandom(31)).map((value) => value + 3),
    );
    const objectives = new ArimaObjectives(layout, w, 1);
    const size = objectives.armaCount + 1;
    const parscale = Float64Array.from({ length: size }, (_, i) => (i === size - 1 ? 0.8 : 1));
    const scaled = Float64Array.from({ length: size }, (_, i) =>
      i === size - 1 ? 3.5 : 0.1 + 0.05 * i,
    );
    // Evaluate at the point first, as the line search does, so the cached residuals are used.
    objectives.cssObjective(Float64Array.from(scaled, (value, k) => value * parscale[k]!));
    const gradient = new Float64Array(size);
    objectives.cssGradient(scaled, parscale, 1e-3, gradient);
    centralDifferences(objectives, scaled, parscale).forEach((value, i) => {
      expect(gradient[i]).toBeCloseTo(value, 8);
    });
  });
});
