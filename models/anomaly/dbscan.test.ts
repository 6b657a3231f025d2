import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random.js';
import { dbscan } from './dbscan.js';
import reference from './fixtures/sklearn-dbscan.json' with { type: 'json' };

/** Whether two labelings are the same partition: noise for noise, clusters equal up to renaming. */
function samePartition(ours: ArrayLike<number>, theirs: ArrayLike<number>): boolean {
  if (ours.length !== theirs.length) return false;
  const forward = new Map<number, number>();
  const backward = new Map<number, number>();
  for (let index = 0; index < ours.length; index += 1) {
    const a = ours[index] as number;
    const b = theirs[index] as number;
    if ((a === -1) !== (b === -1)) return false;
    if (a === -1) continue;
    if ((forward.get(a) ?? b) !== b || (backward.get(b) ?? a) !== a) return false;
    forward.set(a, b);
    backward.set(b, a);
  }
  return true;
}

const manhattan = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((total, value, coordinate) => total + Math.abs(value - b[coordinate]!), 0);

const euclideanByHand = (a: readonly number[], b: readonly number[]): number =>
  Math.sqrt(a.reduce((total, value, coordinate) => total + (value - b[coordinate]!) ** 2, 0));

describe('dbscan against scikit-learn', () => {
  for (const fixture of reference.cases) {
    it(`gives scikit-learn's labels on "${fixture.name}" (${fixture.metric}, eps ${fixture.eps}, minPoints ${fixture.minPoints}); else core points, reachability or cluster order differ`, () => {
      const options = { eps: fixture.eps, minPoints: fixture.minPoints };
      const result =
        fixture.metric === 'manhattan'
          ? dbscan(fixture.points, { ...options, distance: manhattan })
          : dbscan(fixture.points, options);
      expect(result.clusters).toBe(fixture.clusters);
      expect(samePartition(result.labels, fixture.labels)).toBe(true);
      // numbering follows scikit-learn's order too, so even the ids agree
      expect(Array.from(result.labels)).toEqual(fixture.labels);
    });
  }

  it('puts a border point within eps of two clusters into the cluster built first, as scikit-learn (else incidents depend on traversal details)', () => {
    const fixture = reference.cases.find((item) => item.name === 'touching-clusters-border')!;
    expect(fixture.contestedBorderPoints.length).toBeGreaterThan(0);
    const result = dbscan(fixture.points, { eps: fixture.eps, minPoints: fixture.minPoints });
    for (const point of fixture.contestedBorderPoints) {
      expect(result.core[point]).toBe(0);
      expect(result.labels[point]).toBe(fixture.labels[point]);
    }
  });

  it('gives the same labels with the Manhattan distance with and without a sortKey (else the key band drops neighbours)', () => {
    const fixture = reference.cases.find((item) => item.name === 'blobs-manhattan')!;
    const options = { eps: fixture.eps, minPoints: fixture.minPoints, distance: manhattan };
    const withKey = dbscan(fixture.points, { ...options, sortKey: (point) => point[1]! });
    expect(Array.from(withKey.labels)).toEqual(fixture.labels);
  });
});

describe('dbscan', () => {
  it('gives the same labels through the sorted index as by measuring every pair (else the index misses neighbours)', () => {
    const random = createRandom(1996);
    const points = Array.from({ length: 800 }, () => [
      random.normal(random.chance(0.5) ? 0 : 3, 0.7),
      random.normal(0, 1.5),
      random.uniform(0, 2),
    ]);
    for (const [eps, minPoints] of [
      [0.3, 4],
      [0.6, 10],
      [1.2, 30],
    ] as const) {
      const indexed = dbscan(points, { eps, minPoints });
      const allPairs = dbscan(points, { eps, minPoints, distance: euclideanByHand });
      expect(Array.from(indexed.labels)).toEqual(Array.from(allPairs.labels));
      expect(indexed.clusters).toBeGreaterThan(0);
    }
  });

  it('marks every point noise when no point has enough neighbours (else isolated anomalies become incidents)', () => {
    const points = [
      [0, 0],
      [10, 0],
      [0, 10],
      [10, 10],
    ];
    const result = dbscan(points, { eps: 1, minPoints: 2 });
    expect(Array.from(result.labels)).toEqual([-1, -1, -1, -1]);
    expect(result.clusters).toBe(0);
  });

  it('makes every point its own cluster with minPoints 1 (a point counts itself, as min_samples)', () => {
    const result = dbscan([[0], [5], [5.5], [20]], { eps: 1, minPoints: 1 });
    expect(Array.from(result.labels)).toEqual([0, 1, 1, 2]);
    expect(Array.from(result.core)).toEqual([1, 1, 1, 1]);
  });

  it('finds one cluster in a unit grid with eps 1, counting neighbours at exactly eps (else the radius is exclusive and nothing clusters)', () => {
    const points: number[][] = [];
    for (let x = 0; x < 10; x += 1) for (let y = 0; y < 10; y += 1) points.push([x, y]);
    const result = dbscan(points, { eps: 1, minPoints: 5 });
    expect(result.clusters).toBe(1);
    // the inside has 5 points within 1 (core), edges 4 (border: next to an inside point), and
    // corners 3 with only edge points near them (noise)
    const corners = new Set([0, 9, 90, 99]);
    points.forEach((_, index) => {
      expect(result.labels[index]).toBe(corners.has(index) ? -1 : 0);
    });
    expect(result.core[11]).toBe(1);
    expect(result.core[5]).toBe(0);
  });

  it('returns no labels and no clusters for no points', () => {
    const result = dbscan([], { eps: 1, minPoints: 3 });
    expect(result.labels.length).toBe(0);
    expect(result.clusters).toBe(0);
  });

  it('groups events by a custom distance over objects, keyed by day (else the incident grouping the tool needs cannot be expressed)', () => {
    interface Event {
      day: number;
      supplier: string;
    }
    const events: Event[] = [
      { day: 10, supplier: 'A' },
      { day: 11, supplier: 'A' },
      { day: 12, supplier: 'A' },
      { day: 11, supplier: 'B' },
      { day: 40, supplier: 'A' },
      { day: 12, supplier: 'B' },
      { day: 13, supplier: 'B' },
    ];
    const distance = (a: Event, b: Event): number =>
      a.supplier === b.supplier ? Math.abs(a.day - b.day) : Infinity;
    const options = { eps: 1, minPoints: 2, distance };
    const keyed = dbscan(events, { ...options, sortKey: (event: Event) => event.day });
    expect(Array.from(keyed.labels)).toEqual([0, 0, 0, 1, -1, 1, 1]);
    expect(Array.from(dbscan(events, options).labels)).toEqual(Array.from(keyed.labels));
  });

  it('rejects bad options and points with a RangeError naming the argument (else bad input clusters silently)', () => {
    const points = [
      [0, 0],
      [1, 1],
    ];
    expect(() => dbscan(points, { eps: 0, minPoints: 2 })).toThrow(/^options\.eps/);
    expect(() => dbscan(points, { eps: -1, minPoints: 2 })).toThrow(RangeError);
    expect(() => dbscan(points, { eps: Number.NaN, minPoints: 2 })).toThrow(/^options\.eps/);
    expect(() => dbscan(points, { eps: 1, minPoints: 0 })).toThrow(/^options\.minPoints/);
    expect(() => dbscan(points, { eps: 1, minPoints: 2.5 })).toThrow(RangeError);
    expect(() => dbscan([[0, 0], [1]], { eps: 1, minPoints: 2 })).toThrow(
      /^points\[1\]: expected 2 coordinates/,
    );
    expect(() => dbscan([[0, Number.NaN]], { eps: 1, minPoints: 2 })).toThrow(
      /^points\[0\]\[1\]: must be a finite number/,
    );
    expect(() => dbscan([[]], { eps: 1, minPoints: 1 })).toThrow(RangeError);
    expect(() => dbscan(points, { eps: 1, minPoints: 2, distance: () => Number.NaN })).toThrow(
      /^distance:/,
    );
    expect(() =>
      dbscan(points, { eps: 1, minPoints: 2, distance: euclideanByHand, sortKey: () => Infinity }),
    ).toThrow(/^sortKey:/);
  });
});
