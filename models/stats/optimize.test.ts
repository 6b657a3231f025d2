import { describe, expect, it } from 'vitest';
import { nelderMead } from './optimize';

const rosenbrock = (point: Float64Array): number => {
  const x = point[0] as number;
  const y = point[1] as number;
  return 100 * (y - x * x) ** 2 + (1 - x) ** 2;
};

describe('nelderMead', () => {
  it('retraces R optim() on Rosenbrock from (-1.2, 1): same evaluation count, point and value to rounding, else the simplex rules differ from R', () => {
    // R 4.x: optim(c(-1.2, 1), fr) -> par 1.00026013872567 1.00050599930377, value 8.82524109672275e-08, 195 evaluations.
    const result = nelderMead(rosenbrock, [-1.2, 1]);
    expect(result.x[0]).toBeCloseTo(1.00026013872567, 10);
    expect(result.x[1]).toBeCloseTo(1.00050599930377, 10);
    expect(result.value).toBeCloseTo(8.82524109672275e-8, 14);
    expect(result.evaluations).toBe(195);
    expect(result.status).toBe('converged');
  });

  it('retraces R optim() on a 3-d quadratic from the origin (zero start uses the 0.1 step)', () => {
    // R: optim(c(0,0,0), function(x) sum((x - c(1,2,3))^2)) -> 1.00053832137030 1.99998482511636 2.99991882398437, 112 evaluations.
    const target = [1, 2, 3];
    const result = nelderMead(
      (point) => {
        let total = 0;
        for (let index = 0; index < 3; index += 1)
          total += ((point[index] as number) - (target[index] as number)) ** 2;
        return total;
      },
      [0, 0, 0],
    );
    expect(result.x[0]).toBeCloseTo(1.0005383213703, 10);
    expect(result.x[1]).toBeCloseTo(1.99998482511636, 10);
    expect(result.x[2]).toBeCloseTo(2.99991882398437, 10);
    expect(result.evaluations).toBe(112);
  });

  it('never evaluates the objective outside the bounds and finds a minimum on the boundary', () => {
    const seen: number[] = [];
    const result = nelderMead(
      (point) => {
        seen.push(point[0] as number, point[1] as number);
        return ((point[0] as number) + 1) ** 2 + ((point[1] as number) - 0.5) ** 2;
      },
      [0.5, 0.2],
      { lower: [0, 0], upper: [1, 1], maxEvaluations: 2000 },
    );
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
    expect(result.x[0]).toBeLessThan(1e-3);
    expect(result.x[1]).toBeCloseTo(0.5, 3);
  });

  it('treats NaN and infinite objective values as infeasible instead of accepting them as minima', () => {
    const result = nelderMead(
      (point) => ((point[0] as number) < 0 ? Number.NaN : ((point[0] as number) - 2) ** 2),
      [5],
      { maxEvaluations: 1000 },
    );
    expect(result.x[0]).toBeCloseTo(2, 4);
    expect(Number.isFinite(result.value)).toBe(true);
  });

  it('stops at maxEvaluations and says so', () => {
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 20 });
    expect(result.status).toBe('max-evaluations');
    expect(result.evaluations).toBeLessThanOrEqual(23);
  });

  it('rejects a start where the objective is not finite, a start outside the bounds and bad options', () => {
    expect(() => nelderMead(() => Number.NaN, [1])).toThrow(RangeError);
    expect(() => nelderMead(rosenbrock, [2, 0], { lower: [0, 0], upper: [1, 1] })).toThrow(/start/);
    expect(() => nelderMead(rosenbrock, [Number.NaN, 0])).toThrow(/start\[0\]/);
    expect(() => nelderMead(rosenbrock, [0, 0], { lower: [0] })).toThrow(/lower/);
    expect(() => nelderMead(rosenbrock, [0, 0], { maxEvaluations: 0 })).toThrow(/maxEvaluations/);
  });

  it('reaches the same point with the same evaluations when the objective exits early past the cutoff', () => {
    let exits = 0;
    const honouring = (point: Float64Array, cutoff: number): number => {
      const value = rosenbrock(point);
      if (value >= cutoff) {
        exits += 1;
        return Number.POSITIVE_INFINITY;
      }
      return value;
    };
    const plain = nelderMead(rosenbrock, [-1.2, 1]);
    const early = nelderMead(honouring, [-1.2, 1]);
    expect(exits).toBeGreaterThan(10);
    expect(early.evaluations).toBe(plain.evaluations);
    expect(Array.from(early.x)).toEqual(Array.from(plain.x));
  });

  it('passes only +Infinity as the cutoff when passCutoff is false, and visits the same points', () => {
    const cutoffs = new Set<number>();
    const seenWith: number[][] = [];
    const seenWithout: number[][] = [];
    nelderMead(
      (point) => {
        seenWith.push(Array.from(point));
        return rosenbrock(point);
      },
      [-1.2, 1],
    );
    const result = nelderMead(
      (point, cutoff) => {
        cutoffs.add(cutoff);
        seenWithout.push(Array.from(point));
        return rosenbrock(point);
      },
      [-1.2, 1],
      { passCutoff: false },
    );
    expect([...cutoffs]).toEqual([Number.POSITIVE_INFINITY]);
    expect(seenWithout).toEqual(seenWith);
    expect(result.value).toBeLessThan(1e-6);
  });

  it('builds the start simplex from per-coordinate steps when given', () => {
    const seen: number[][] = [];
    nelderMead(
      (point) => {
        seen.push(Array.from(point));
        return rosenbrock(point);
      },
      [1, 2],
      { steps: [0.5, 0.25], maxEvaluations: 3 },
    );
    expect(seen.slice(0, 3)).toEqual([
      [1, 2],
      [1.5, 2],
      [1, 2.25],
    ]);
    expect(() => nelderMead(rosenbrock, [1, 2], { steps: [1] })).toThrow(/steps/);
  });
});
