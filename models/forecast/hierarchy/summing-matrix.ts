// Cross-sectional hierarchies: the summing matrix S with y_all = S y_bottom (Hyndman &
// Athanasopoulos, Forecasting: Principles and Practice 3rd ed., 11.1 "Hierarchical and
// grouped time series"). Levels may cross (category x region is a grouped structure).

/** One bottom-level series (e.g. a SKU at a location) with the attributes it is grouped by. */
export interface BottomSeries {
  id: string;
  /** e.g. { sku: 'GR-01', category: 'grains', location: 'LIM-1', region: 'Lima' } */
  attributes: Readonly<Record<string, string>>;
}

/** A node of the hierarchy: one row of S. */
export interface HierarchyNode {
  /** 'total', 'category=grains', 'category=grains/region=Lima', or the bottom series id. */
  key: string;
  /** The attribute names of its level ([] for the total, ['bottom'] for the bottom level). */
  level: readonly string[];
  /** The attribute values that define it (empty for the total). */
  attributes: Readonly<Record<string, string>>;
  /** Indices (into bottomIds) of the bottom series it sums. */
  members: readonly number[];
}

export interface Hierarchy {
  /** Aggregate nodes in the order of the requested levels, then the bottom series. */
  nodes: readonly HierarchyNode[];
  bottomIds: readonly string[];
  /** Row-major S, nodes.length rows by bottomIds.length columns, entries 0/1. */
  summing: Float64Array;
  /** Index in `nodes` of the first bottom series (they occupy the last bottomIds.length rows). */
  bottomOffset: number;
}

function levelLabel(level: readonly string[]): string {
  return level.length === 0 ? 'total' : level.join(' x ');
}

/**
 * Builds the hierarchy of the bottom series aggregated by each requested level. A level is a
 * list of attribute names: [] is the grand total, ['category'] sums by category,
 * ['category', 'region'] by both. The bottom level is always appended.
 */
export function buildHierarchy(
  bottom: readonly BottomSeries[],
  levels: readonly (readonly string[])[],
): Hierarchy {
  if (bottom.length === 0) throw new RangeError('bottom: needs at least one bottom series');
  const seen = new Set<string>();
  bottom.forEach((series, index) => {
    if (typeof series.id !== 'string' || series.id === '') {
      throw new TypeError(`bottom[${index}].id: expected a non-empty string`);
    }
    if (seen.has(series.id)) {
      throw new RangeError(`bottom[${index}].id: "${series.id}" appears twice; ids must be unique`);
    }
    seen.add(series.id);
  });
  const levelKeys = new Set<string>();
  const nodes: HierarchyNode[] = [];
  levels.forEach((level, levelIndex) => {
    const label = levelLabel(level);
    if (levelKeys.has(label)) {
      throw new RangeError(`levels[${levelIndex}]: ${label} is requested twice`);
    }
    levelKeys.add(label);
    const groups = new Map<string, { attributes: Record<string, string>; members: number[] }>();
    bottom.forEach((series, index) => {
      const attributes: Record<string, string> = {};
      for (const name of level) {
        const value = series.attributes[name];
        if (typeof value !== 'string' || value === '') {
          throw new RangeError(
            `bottom[${index}].attributes.${name}: missing for "${series.id}"; level [${level.join(', ')}] needs it on every series`,
          );
        }
        attributes[name] = value;
      }
      const key =
        level.length === 0 ? 'total' : level.map((name) => `${name}=${attributes[name]}`).join('/');
      const group = groups.get(key) ?? { attributes, members: [] };
      group.members.push(index);
      groups.set(key, group);
    });
    for (const [key, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      nodes.push({ key, level, attributes: group.attributes, members: group.members });
    }
  });
  const bottomOffset = nodes.length;
  bottom.forEach((series, index) => {
    nodes.push({
      key: series.id,
      level: ['bottom'],
      attributes: { ...series.attributes },
      members: [index],
    });
  });
  const columns = bottom.length;
  const summing = new Float64Array(nodes.length * columns);
  nodes.forEach((node, row) => {
    for (const member of node.members) summing[row * columns + member] = 1;
  });
  return { nodes, bottomIds: bottom.map((series) => series.id), summing, bottomOffset };
}

/** Every node's series from the bottom series (bottom[i] aligned with hierarchy.bottomIds[i]). */
export function aggregateBottom(
  hierarchy: Hierarchy,
  bottom: readonly (readonly number[])[],
): number[][] {
  if (bottom.length !== hierarchy.bottomIds.length) {
    throw new RangeError(
      `bottom: has ${bottom.length} series, expected ${hierarchy.bottomIds.length} (one per bottom id)`,
    );
  }
  const length = bottom[0]?.length ?? 0;
  bottom.forEach((series, index) => {
    if (series.length !== length) {
      throw new RangeError(
        `bottom[${index}]: has ${series.length} values, expected ${length} like bottom[0]`,
      );
    }
  });
  return hierarchy.nodes.map((node) => {
    const total = new Array<number>(length).fill(0);
    for (const member of node.members) {
      const series = bottom[member] as readonly number[];
      for (let t = 0; t < length; t += 1) total[t]! += series[t] as number;
    }
    return total;
  });
}
