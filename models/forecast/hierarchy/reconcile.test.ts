import { describe, expect, it } from 'vitest';
import reference from './fixtures/mint-reference.json' with { type: 'json' };
import { projectWithCovariance, reconcileForecasts, type ReconciliationMethod } from './reconcile';
import { buildHierarchy, type Hierarchy } from './summing-matrix';

function expectCoherent(hierarchy: Hierarchy, forecasts: number[][]): void {
  hierarchy.nodes.forEach((node, index) => {
    forecasts[index]!.forEach((value, step) => {
      const sum = node.members.reduce(
        (total, member) => total + forecasts[hierarchy.bottomOffset + member]![step]!,
        0,
      );
      expect(Math.abs(value - sum)).toBeLessThan(1e-9 * Math.max(1, Math.abs(sum)));
    });
  });
}

function expectClose(ours: number[][], theirs: number[][], tolerance = 1e-9): void {
  ours.forEach((series, index) =>
    series.forEach((value, step) => {
      const expected = theirs[index]![step]!;
      expect(Math.abs(value - expected)).toBeLessThan(tolerance * Math.max(1, Math.abs(expected)));
    }),
  );
}

const tiny = buildHierarchy(
  [
    { id: 'A', attributes: {} },
    { id: 'B', attributes: {} },
  ],
  [[]],
);

describe('reconcileForecasts on a tiny total = A + B hierarchy', () => {
  it('MinT with W = diag(2, 1, 1) gives the hand-computed values (else the GLS projection is wrong)', () => {
    // S'W^-1S = [[1.5, 0.5], [0.5, 1.5]], S'W^-1 y^ = [10/2 + 4, 10/2 + 5] = [9, 10], so
    // b = [[1.5, -0.5], [-0.5, 1.5]] [9, 10] / 2 = [4.25, 5.25] and the total is 9.5.
    const covariance = Float64Array.from([2, 0, 0, 0, 1, 0, 0, 0, 1]);
    const bottom = projectWithCovariance(tiny, covariance, [[10], [4], [5]])!;
    expect(bottom[0]![0]).toBeCloseTo(4.25, 12);
    expect(bottom[1]![0]).toBeCloseTo(5.25, 12);
  });

  it('MinT with a correlated W = [[2, 1, 0], [1, 2, 0], [0, 0, 1]] gives the hand-computed values', () => {
    // W^-1 = [[2, -1, 0], [-1, 2, 0], [0, 0, 3]] / 3, S'W^-1S = [[2/3, 1/3], [1/3, 5/3]] (det 1),
    // S'W^-1 y^ = [(10 + 4) / 3, (20 - 4 + 15) / 3] = [14/3, 31/3],
    // b = [[5/3, -1/3], [-1/3, 2/3]] [14/3, 31/3] = [13/3, 16/3], total 29/3.
    const covariance = Float64Array.from([2, 1, 0, 1, 2, 0, 0, 0, 1]);
    const bottom = projectWithCovariance(tiny, covariance, [[10], [4], [5]])!;
    expect(bottom[0]![0]).toBeCloseTo(13 / 3, 12);
    expect(bottom[1]![0]).toBeCloseTo(16 / 3, 12);
  });

  it('bottom-up sums the bottom forecasts and ignores the total’s (else bottom-up is not bottom-up)', () => {
    const result = reconcileForecasts({
      hierarchy: tiny,
      baseForecasts: [[99], [4], [5]],
      method: 'bottom-up',
    });
    expect(result.method).toBe('bottom-up');
    expect(result.forecasts).toEqual([[9], [4], [5]]);
  });

  it('OLS leaves an already coherent forecast unchanged (the projection property)', () => {
    const coherent = [
      [9, 12],
      [4, 5],
      [5, 7],
    ];
    const result = reconcileForecasts({ hierarchy: tiny, baseForecasts: coherent, method: 'ols' });
    expectClose(result.forecasts, coherent, 1e-12);
  });

  it('falls back from MinT-shrink to WLS structural and says why when there are no residuals', () => {
    const result = reconcileForecasts({ hierarchy: tiny, baseForecasts: [[10], [4], [5]] });
    expect(result.requestedMethod).toBe('mint-shrink');
    expect(result.method).toBe('wls-structural');
    expect(result.notes.join(' ')).toMatch(/needs in-sample one-step residuals/);
    // W = diag(2, 1, 1) is exactly the hand-computed case above.
    expectClose(result.forecasts, [[9.5], [4.25], [5.25]], 1e-12);
  });

  it('falls back to WLS variance when residuals are too few for MinT-shrink, and says so', () => {
    const result = reconcileForecasts({
      hierarchy: tiny,
      baseForecasts: [[10], [4], [5]],
      residuals: [
        [1, 2],
        [1, -1],
        [0.5, 1],
      ],
    });
    expect(result.method).toBe('wls-variance');
    expect(result.notes[0]).toMatch(/at least 3 time points .* there are 2/);
  });

  it('names the node whose base forecast is not finite', () => {
    expect(() =>
      reconcileForecasts({ hierarchy: tiny, baseForecasts: [[10], [Number.NaN], [5]] }),
    ).toThrow(/baseForecasts\[1\]\[0\] \(A\)/);
  });
});

describe('reconcileForecasts against the numpy reference (fixtures/mint-reference.py)', () => {
  const hierarchy = buildHierarchy(reference.bottom, reference.levels);
  const cases: Array<[ReconciliationMethod, number[][]]> = [
    ['mint-shrink', reference.mintShrink],
    ['ols', reference.ols],
    ['wls-structural', reference.wlsStructural],
    ['wls-variance', reference.wlsVariance],
  ];

  it('orders nodes like the reference S', () => {
    expect(hierarchy.nodes.map((node) => node.key)).toEqual(reference.nodeKeys);
  });

  for (const [method, expected] of cases) {
    it(`${method} matches the reference and is coherent`, () => {
      const result = reconcileForecasts({
        hierarchy,
        baseForecasts: reference.base,
        residuals: reference.residuals,
        method,
      });
      expect(result.method).toBe(method);
      expectClose(result.forecasts, expected, 1e-9);
      expectCoherent(hierarchy, result.forecasts);
      if (method === 'mint-shrink') {
        expect(result.shrinkageIntensity).toBeCloseTo(reference.shrinkageIntensity, 12);
      }
    });
  }
});
