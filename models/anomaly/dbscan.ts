// DBSCAN: Ester, Kriegel, Sander & Xu (1996), "A density-based algorithm for discovering clusters
// in large spatial databases with noise", KDD-96. A core point has at least minPoints points
// (itself included) within eps; clusters are the core points connected through eps-neighbourhoods
// plus the non-core (border) points within eps of one of them; everything else is noise.
//
// Labels follow scikit-learn's DBSCAN exactly: clusters are numbered in the order of their
// lowest-index core point, and a border point within eps of several clusters joins the first one
// built. Neighbourhoods are within `<= eps`, as scikit-learn's radius queries.
//
// Neighbour search: points are sorted by a key with |key(a) - key(b)| <= distance(a, b) (for the
// Euclidean default, the coordinate with the widest range), so a query only measures the points
// whose key lies within eps: O(n log n) to sort plus O(n * b) distances, where b is how many points
// share a key band of width 2 eps (O(n^2) in the worst case, all in one band). Without a key (a
// custom distance with no sortKey) every query measures all points: O(n^2) time. Memory is O(n)
// either way: neighbourhoods are recomputed when a core point is expanded instead of stored.

/** A distance between two points: >= 0, Infinity allowed (never connected), never NaN. */
export type Distance<Point> = (a: Point, b: Point) => number;

export interface DbscanOptions<Point> {
  /** Neighbourhood radius, > 0: points at distance <= eps are neighbours. */
  eps: number;
  /** Points (itself included) within eps that make a point core, an integer >= 1 (min_samples). */
  minPoints: number;
  /** Default: Euclidean over equal-length arrays of finite numbers. */
  distance?: Distance<Point>;
  /**
   * Optional index key for a custom distance: any number per point with
   * |sortKey(a) - sortKey(b)| <= distance(a, b) for every pair (e.g. the day of an event when the
   * distance is at least the days apart). Makes queries touch only points with keys within eps.
   */
  sortKey?: (point: Point) => number;
}

export interface DbscanResult {
  /** Cluster id per point, numbered from 0; -1 is noise. */
  labels: Int32Array;
  /** Number of clusters (ids 0 .. clusters - 1). */
  clusters: number;
  /** 1 where the point is a core point, 0 for border and noise points. */
  core: Uint8Array;
}

type NumericPoint = readonly number[];

/** Checks equal-length rows of finite numbers; returns the number of coordinates. */
function checkNumericPoints(points: readonly unknown[]): number {
  let dimensions = 0;
  points.forEach((point, index) => {
    if (!Array.isArray(point)) {
      throw new TypeError(
        `points[${index}]: expected an array of numbers (or pass options.distance for other points)`,
      );
    }
    if (index === 0) {
      dimensions = point.length;
      if (dimensions < 1) throw new RangeError('points[0]: a point needs at least one coordinate');
    } else if (point.length !== dimensions) {
      throw new RangeError(
        `points[${index}]: expected ${dimensions} coordinates like points[0], got ${point.length}`,
      );
    }
    point.forEach((value: unknown, coordinate) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RangeError(
          `points[${index}][${coordinate}]: must be a finite number, got ${String(value)}; drop or fill missing values first`,
        );
      }
    });
  });
  return dimensions;
}

function euclidean(a: NumericPoint, b: NumericPoint): number {
  let total = 0;
  for (let coordinate = 0; coordinate < a.length; coordinate += 1) {
    const difference = (a[coordinate] as number) - (b[coordinate] as number);
    total += difference * difference;
  }
  return Math.sqrt(total);
}

/** The coordinate with the widest range: the key band then holds the fewest points. */
function widestCoordinate(points: readonly NumericPoint[], dimensions: number): number {
  let best = 0;
  let bestRange = -1;
  for (let coordinate = 0; coordinate < dimensions; coordinate += 1) {
    let low = Infinity;
    let high = -Infinity;
    for (const point of points) {
      const value = point[coordinate] as number;
      if (value < low) low = value;
      if (value > high) high = value;
    }
    if (high - low > bestRange) {
      bestRange = high - low;
      best = coordinate;
    }
  }
  return best;
}

/** Neighbour search over points sorted by key (or all points when there is no key). */
interface NeighbourIndex {
  /** Writes the indices of the points within eps of `point` (itself included); returns how many. */
  query(point: number, into: Int32Array): number;
  /** Whether `point` has at least `count` points within eps, stopping as soon as it does. */
  hasAtLeast(point: number, count: number): boolean;
}

function buildIndex<Point>(
  points: readonly Point[],
  eps: number,
  distance: Distance<Point>,
  sortKey: ((point: Point) => number) | undefined,
): NeighbourIndex {
  const n = points.length;
  const measure = (a: number, b: number): number => {
    const value = distance(points[a] as Point, points[b] as Point);
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
      throw new RangeError(
        `distance: must return a number >= 0 (Infinity allowed), got ${String(value)} for points ${a} and ${b}`,
      );
    }
    return value;
  };
  if (sortKey === undefined) {
    // no key: every point is a candidate
    const scan = (point: number, visit: (other: number) => boolean): void => {
      for (let other = 0; other < n; other += 1) {
        if ((other === point || measure(point, other) <= eps) && visit(other)) return;
      }
    };
    return makeIndex(scan);
  }
  const keys = new Float64Array(n);
  for (let index = 0; index < n; index += 1) {
    const key = sortKey(points[index] as Point);
    if (typeof key !== 'number' || !Number.isFinite(key)) {
      throw new RangeError(
        `sortKey: must return a finite number, got ${String(key)} for point ${index}`,
      );
    }
    keys[index] = key;
  }
  const order = Int32Array.from({ length: n }, (_, index) => index).sort(
    (a, b) => (keys[a] as number) - (keys[b] as number) || a - b,
  );
  const sortedKeys = Float64Array.from(order, (index) => keys[index] as number);
  const position = new Int32Array(n);
  order.forEach((index, rank) => {
    position[index] = rank;
  });
  const scan = (point: number, visit: (other: number) => boolean): void => {
    const rank = position[point] as number;
    const key = sortedKeys[rank] as number;
    if (visit(point)) return;
    for (
      let lower = rank - 1;
      lower >= 0 && key - (sortedKeys[lower] as number) <= eps;
      lower -= 1
    ) {
      const other = order[lower] as number;
      if (measure(point, other) <= eps && visit(other)) return;
    }
    for (
      let upper = rank + 1;
      upper < n && (sortedKeys[upper] as number) - key <= eps;
      upper += 1
    ) {
      const other = order[upper] as number;
      if (measure(point, other) <= eps && visit(other)) return;
    }
  };
  return makeIndex(scan);
}

/** Wraps a scan (visit returns true to stop early) into the two queries DBSCAN needs. */
function makeIndex(
  scan: (point: number, visit: (other: number) => boolean) => void,
): NeighbourIndex {
  return {
    query(point, into) {
      let count = 0;
      scan(point, (other) => {
        into[count] = other;
        count += 1;
        return false;
      });
      return count;
    },
    hasAtLeast(point, count) {
      let found = 0;
      let enough = false;
      scan(point, () => {
        found += 1;
        enough = found >= count;
        return enough;
      });
      return enough;
    },
  };
}

function checkOptions<Point>(options: DbscanOptions<Point>): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('options: expected { eps, minPoints, distance?, sortKey? }');
  }
  const { eps, minPoints, distance, sortKey } = options;
  if (typeof eps !== 'number' || !Number.isFinite(eps) || eps <= 0) {
    throw new RangeError(`options.eps: must be a finite number > 0, got ${String(eps)}`);
  }
  if (typeof minPoints !== 'number' || !Number.isInteger(minPoints) || minPoints < 1) {
    throw new RangeError(`options.minPoints: must be an integer >= 1, got ${String(minPoints)}`);
  }
  if (distance !== undefined && typeof distance !== 'function') {
    throw new TypeError('options.distance: expected a function (a, b) => number');
  }
  if (sortKey !== undefined && typeof sortKey !== 'function') {
    throw new TypeError('options.sortKey: expected a function (point) => number');
  }
}

/**
 * Clusters points with DBSCAN (Ester et al. 1996), labels as scikit-learn's
 * `DBSCAN(eps, min_samples=minPoints).fit(points).labels_`.
 */
export function dbscan(
  points: readonly NumericPoint[],
  options: DbscanOptions<NumericPoint>,
): DbscanResult;
export function dbscan<Point>(
  points: readonly Point[],
  options: DbscanOptions<Point> & { distance: Distance<Point> },
): DbscanResult;
export function dbscan<Point>(
  points: readonly Point[],
  options: DbscanOptions<Point>,
): DbscanResult {
  checkOptions(options);
  if (!Array.isArray(points)) throw new TypeError('points: expected an array of points');
  const n = points.length;
  let index: NeighbourIndex;
  if (options.distance === undefined) {
    const numeric = points as unknown as readonly NumericPoint[];
    const dimensions = checkNumericPoints(numeric);
    const coordinate = widestCoordinate(numeric, dimensions);
    index = buildIndex(
      numeric,
      options.eps,
      euclidean,
      options.sortKey === undefined
        ? (point: NumericPoint) => point[coordinate] as number
        : (options.sortKey as unknown as (point: NumericPoint) => number),
    );
  } else {
    index = buildIndex(points, options.eps, options.distance, options.sortKey);
  }

  const core = new Uint8Array(n);
  for (let point = 0; point < n; point += 1) {
    core[point] = index.hasAtLeast(point, options.minPoints) ? 1 : 0;
  }

  const labels = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const neighbours = new Int32Array(n);
  let clusters = 0;
  for (let seed = 0; seed < n; seed += 1) {
    if (labels[seed] !== -1 || core[seed] !== 1) continue;
    // every point is labelled when pushed, so each core point is expanded once
    labels[seed] = clusters;
    let height = 0;
    stack[height++] = seed;
    while (height > 0) {
      const point = stack[--height] as number;
      const count = index.query(point, neighbours);
      for (let slot = 0; slot < count; slot += 1) {
        const other = neighbours[slot] as number;
        if (labels[other] !== -1) continue;
        labels[other] = clusters;
        if (core[other] === 1) stack[height++] = other;
      }
    }
    clusters += 1;
  }
  return { labels, clusters, core };
}
