// The company's service-level targets (knowledge/docs/niveles-de-servicio.md, version 2026-01) as
// data: cycle service level (alpha) and fill rate (beta) by category and distribution-centre class,
// with the policy's rules for perishables outside dairy and fresh produce (rule 1) and the
// non-perishable dairy items (rule 2). service-targets.test.ts parses the document's tables and
// checks they equal these, so the policy and the code cannot drift apart.

export type DistributionCentreClass = 'lima' | 'province' | 'remote';

export interface ServiceTarget {
  /** cycle service level, a probability */
  cycleServiceLevel: number;
  /** fill rate, a probability */
  fillRate: number;
}

/** Shelf life (days) at or below which a product is perishable (the policy's definition). */
export const PERISHABLE_SHELF_LIFE_DAYS = 45;

/** The distribution centres of each class, by location code. */
export const DISTRIBUTION_CENTRE_CLASSES: Readonly<
  Record<DistributionCentreClass, readonly string[]>
> = {
  lima: ['LIM-CALLAO', 'LIM-ATE'],
  province: ['AQP', 'TRU', 'CIX', 'PIU', 'CUS'],
  remote: ['IQT'],
};

const target = (csl: number, fill: number): ServiceTarget => ({
  cycleServiceLevel: csl / 100,
  fillRate: fill / 100,
});

/** Targets by category (the catalogue's category codes) and class, in percent in the document. */
export const SERVICE_TARGETS: Readonly<
  Record<string, Readonly<Record<DistributionCentreClass, ServiceTarget>>>
> = {
  grains: { lima: target(97, 99.0), province: target(95, 98.5), remote: target(95, 98.0) },
  canned_fish: { lima: target(97, 99.0), province: target(95, 98.5), remote: target(95, 98.0) },
  condiments: { lima: target(95, 98.5), province: target(95, 98.0), remote: target(93, 97.5) },
  beverages: { lima: target(95, 98.5), province: target(93, 98.0), remote: target(90, 97.0) },
  snacks: { lima: target(95, 98.0), province: target(93, 97.5), remote: target(90, 96.5) },
  dairy: { lima: target(93, 97.5), province: target(90, 96.5), remote: target(85, 95.0) },
  fresh_produce: { lima: target(90, 96.0), province: target(88, 95.0), remote: target(85, 93.0) },
};

/** The policy's default when no category target applies (rule 5): CSL 95 %. */
export const DEFAULT_CYCLE_SERVICE_LEVEL = 0.95;

/** The class of a location code; undefined for a location the policy does not list. */
export function distributionCentreClass(locationCode: string): DistributionCentreClass | undefined {
  for (const [name, codes] of Object.entries(DISTRIBUTION_CENTRE_CLASSES)) {
    if (codes.includes(locationCode)) return name as DistributionCentreClass;
  }
  return undefined;
}

export interface ServiceTargetQuery {
  category: string;
  locationCode: string;
  /** the product's shelf life in days, when known */
  shelfLifeDays?: number | null;
}

export interface ResolvedServiceTarget extends ServiceTarget {
  /** which rule of the policy set it, in words */
  source: string;
}

/**
 * The target of one SKU x DC: its category's for the DC's class; a perishable outside dairy and
 * fresh produce is capped at dairy's (rule 1); a dairy item that keeps longer than the perishable
 * limit takes canned fish's (rule 2); an unknown category or DC gets CSL 95 % (rule 5), with the
 * fill rate of the least demanding class of canned fish as a companion.
 */
export function serviceTargetFor(query: ServiceTargetQuery): ResolvedServiceTarget {
  if (typeof query.category !== 'string') throw new TypeError('category: expected a string');
  if (typeof query.locationCode !== 'string')
    throw new TypeError('locationCode: expected a string');
  const shelfLife = query.shelfLifeDays ?? null;
  if (shelfLife !== null && !(shelfLife > 0)) {
    throw new RangeError(`shelfLifeDays: must be > 0 days, got ${shelfLife}`);
  }
  const centreClass = distributionCentreClass(query.locationCode);
  const byCategory = SERVICE_TARGETS[query.category];
  if (centreClass === undefined || byCategory === undefined) {
    return {
      cycleServiceLevel: DEFAULT_CYCLE_SERVICE_LEVEL,
      fillRate: SERVICE_TARGETS.canned_fish!.remote.fillRate,
      source: `policy default CSL 95 % (${centreClass === undefined ? `location ${query.locationCode} has no DC class` : `category ${query.category} has no target`})`,
    };
  }
  const perishable = shelfLife !== null && shelfLife <= PERISHABLE_SHELF_LIFE_DAYS;
  if (query.category === 'dairy' && shelfLife !== null && !perishable) {
    return {
      ...SERVICE_TARGETS.canned_fish![centreClass],
      source: `canned-fish target for non-perishable dairy, ${centreClass} DC (rule 2)`,
    };
  }
  const own = byCategory[centreClass];
  if (perishable && query.category !== 'dairy' && query.category !== 'fresh_produce') {
    const dairy = SERVICE_TARGETS.dairy![centreClass];
    return {
      cycleServiceLevel: Math.min(own.cycleServiceLevel, dairy.cycleServiceLevel),
      fillRate: Math.min(own.fillRate, dairy.fillRate),
      source: `${query.category} capped at the dairy target as a perishable, ${centreClass} DC (rule 1)`,
    };
  }
  return { ...own, source: `${query.category} target, ${centreClass} DC` };
}
