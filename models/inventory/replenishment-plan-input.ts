// Input of the multi-SKU replenishment plan: its types, validation (RangeError/TypeError naming the
// field and the fix) and the per-item numbers the MIP is written from (target, position, case
// bounds). Pure: no solver here.

export interface ReplenishmentItem {
  sku: string;
  location: string;
  /** Needed only where categoryBudgets are given. */
  category?: string;
  onHand: number;
  onOrder?: number;
  /** Demand forecast per period over the planning horizon (one entry for a single total). */
  demandForecast: readonly number[];
  /** The target position: give either orderUpToLevel, or safetyStock (target = forecast total + it). */
  orderUpToLevel?: number;
  safetyStock?: number;
  /** Purchase cost per unit (what the budget pays). */
  unitCost: number;
  /** Cost per unit of position short of the target (lost margin / service). */
  shortageCost: number;
  /** Cost per unit of position above the target over the horizon. */
  holdingCost: number;
  /** Cost per order placed. */
  fixedOrderCost?: number;
  /** m³ per unit; needed where the location has capacityVolume. */
  unitVolume?: number;
  /** Units per pallet; needed where the location has capacityPallets. */
  unitsPerPallet?: number;
  /** Supplier MOQ in units; rounded up to whole order multiples (the smallest order that can exist). */
  minimumOrderQuantity?: number;
  /** Case pack: orders are whole multiples of it (default 1). */
  orderMultiple?: number;
  /** Periods (same unit as demandForecast) before expiry: the position after the order may not exceed the demand within it. */
  shelfLifePeriods?: number;
  /** Units that must be ordered now (contract, committed purchase). */
  mandatoryOrder?: number;
}

export interface ReplenishmentLocation {
  name: string;
  /** m³ available for the planned items' stock on hand, on order and ordered now. */
  capacityVolume?: number;
  /** Pallet positions available for the same. */
  capacityPallets?: number;
  /** Purchasing budget of this location's orders. */
  budget?: number;
}

export interface ReplenishmentPlanInput {
  items: readonly ReplenishmentItem[];
  locations?: readonly ReplenishmentLocation[];
  /** Purchasing budget of all orders together. */
  budget?: number;
  /** Purchasing budget per item category. */
  categoryBudgets?: Readonly<Record<string, number>>;
  /** Currency symbol used in explanations (default "S/"). */
  currency?: string;
  timeLimitSeconds?: number;
  mipRelativeGap?: number;
}

/** Per-item numbers derived from the input; cases are whole order multiples. */
export interface PreparedItem {
  item: ReplenishmentItem;
  index: number;
  position: number;
  target: number;
  caseSize: number;
  /** Smallest number of cases of a non-zero order (MOQ rounded up, at least 1). */
  minimumCases: number;
  /** Cases that must be ordered (0 when nothing is mandatory). */
  mandatoryCases: number;
  /** Largest number of cases worth or allowed ordering (shelf life, or where more only adds holding). */
  maximumCases: number;
  /** Largest order in cases that the shelf life allows (Infinity without a shelf life). */
  shelfLifeCases: number;
  /** Whether the order/no-order choice needs a binary (MOQ above one case, or a fixed cost). */
  needsOrderSwitch: boolean;
}

function requireNumber(value: unknown, field: string, minimum: 'nonnegative' | 'positive'): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${field}: expected a finite number, got ${String(value)}`);
  }
  if (minimum === 'nonnegative' && value < 0) {
    throw new RangeError(`${field}: must be ≥ 0, got ${value}`);
  }
  if (minimum === 'positive' && !(value > 0)) {
    throw new RangeError(`${field}: must be > 0, got ${value}`);
  }
  return value;
}

function optionalNumber(
  value: unknown,
  field: string,
  minimum: 'nonnegative' | 'positive',
): number | undefined {
  return value === undefined ? undefined : requireNumber(value, field, minimum);
}

function requireName(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${field}: expected a non-empty string, got ${String(value)}`);
  }
  return value;
}

/** Demand from now until `periods` periods have passed; beyond the horizon at the horizon's mean rate. */
export function demandWithin(forecast: readonly number[], periods: number): number {
  const meanRate = forecast.reduce((sum, value) => sum + value, 0) / forecast.length;
  let total = 0;
  const whole = Math.floor(periods);
  for (let period = 0; period < whole; period += 1) total += forecast[period] ?? meanRate;
  return total + (periods - whole) * (forecast[whole] ?? meanRate);
}

function validateLocations(input: ReplenishmentPlanInput): Map<string, ReplenishmentLocation> {
  const byName = new Map<string, ReplenishmentLocation>();
  if (input.locations === undefined) return byName;
  if (!Array.isArray(input.locations)) throw new TypeError('locations: expected an array');
  input.locations.forEach((location, index) => {
    const field = `locations[${index}]`;
    const name = requireName(location?.name, `${field}.name`);
    if (byName.has(name)) throw new RangeError(`${field}.name: location "${name}" is listed twice`);
    optionalNumber(location.capacityVolume, `${field}.capacityVolume`, 'positive');
    optionalNumber(location.capacityPallets, `${field}.capacityPallets`, 'positive');
    optionalNumber(location.budget, `${field}.budget`, 'nonnegative');
    byName.set(name, location);
  });
  return byName;
}

function validateItem(
  item: ReplenishmentItem,
  field: string,
  location: ReplenishmentLocation | undefined,
): void {
  requireName(item.sku, `${field}.sku`);
  requireName(item.location, `${field}.location`);
  if (item.category !== undefined) requireName(item.category, `${field}.category`);
  requireNumber(item.onHand, `${field}.onHand`, 'nonnegative');
  optionalNumber(item.onOrder, `${field}.onOrder`, 'nonnegative');
  if (!Array.isArray(item.demandForecast) || item.demandForecast.length === 0) {
    throw new TypeError(`${field}.demandForecast: expected a non-empty array of demand per period`);
  }
  item.demandForecast.forEach((value, period) =>
    requireNumber(value, `${field}.demandForecast[${period}]`, 'nonnegative'),
  );
  if ((item.orderUpToLevel === undefined) === (item.safetyStock === undefined)) {
    throw new TypeError(
      `${field}: give exactly one of orderUpToLevel or safetyStock (target = forecast + safety stock)`,
    );
  }
  optionalNumber(item.orderUpToLevel, `${field}.orderUpToLevel`, 'nonnegative');
  optionalNumber(item.safetyStock, `${field}.safetyStock`, 'nonnegative');
  requireNumber(item.unitCost, `${field}.unitCost`, 'nonnegative');
  requireNumber(item.shortageCost, `${field}.shortageCost`, 'nonnegative');
  requireNumber(item.holdingCost, `${field}.holdingCost`, 'nonnegative');
  optionalNumber(item.fixedOrderCost, `${field}.fixedOrderCost`, 'nonnegative');
  optionalNumber(item.minimumOrderQuantity, `${field}.minimumOrderQuantity`, 'nonnegative');
  optionalNumber(item.orderMultiple, `${field}.orderMultiple`, 'positive');
  optionalNumber(item.shelfLifePeriods, `${field}.shelfLifePeriods`, 'positive');
  optionalNumber(item.mandatoryOrder, `${field}.mandatoryOrder`, 'nonnegative');
  optionalNumber(item.unitVolume, `${field}.unitVolume`, 'nonnegative');
  optionalNumber(item.unitsPerPallet, `${field}.unitsPerPallet`, 'positive');
  if (location?.capacityVolume !== undefined && item.unitVolume === undefined) {
    throw new TypeError(
      `${field}.unitVolume: location "${item.location}" has a volume capacity; give the m³ per unit`,
    );
  }
  if (location?.capacityPallets !== undefined && item.unitsPerPallet === undefined) {
    throw new TypeError(
      `${field}.unitsPerPallet: location "${item.location}" has a pallet capacity; give the units per pallet`,
    );
  }
}

function validateBudgets(input: ReplenishmentPlanInput): void {
  optionalNumber(input.budget, 'budget', 'nonnegative');
  if (input.categoryBudgets !== undefined) {
    if (typeof input.categoryBudgets !== 'object' || input.categoryBudgets === null) {
      throw new TypeError('categoryBudgets: expected an object of budget per category');
    }
    for (const [category, budget] of Object.entries(input.categoryBudgets)) {
      requireNumber(budget, `categoryBudgets.${category}`, 'nonnegative');
    }
  }
  optionalNumber(input.timeLimitSeconds, 'timeLimitSeconds', 'positive');
  optionalNumber(input.mipRelativeGap, 'mipRelativeGap', 'nonnegative');
}

function prepareItem(item: ReplenishmentItem, index: number): PreparedItem {
  const forecastTotal = item.demandForecast.reduce((sum, value) => sum + value, 0);
  const position = item.onHand + (item.onOrder ?? 0);
  const target = item.orderUpToLevel ?? forecastTotal + (item.safetyStock ?? 0);
  const caseSize = item.orderMultiple ?? 1;
  // a tolerance keeps 0.3/0.1 from counting as 3.0000000000000004 cases
  const casesOf = (units: number): number => Math.ceil(units / caseSize - 1e-9);
  const minimumCases = Math.max(1, casesOf(item.minimumOrderQuantity ?? 0));
  const mandatoryCases =
    (item.mandatoryOrder ?? 0) > 0 ? Math.max(minimumCases, casesOf(item.mandatoryOrder ?? 0)) : 0;
  const shelfLifeCases =
    item.shelfLifePeriods === undefined
      ? Number.POSITIVE_INFINITY
      : Math.max(
          0,
          Math.floor(
            (demandWithin(item.demandForecast, item.shelfLifePeriods) - position) / caseSize + 1e-9,
          ),
        );
  // Beyond the cases that reach the target (or the smallest allowed order), more only adds holding
  // cost and uses budget and space, so this bound loses no optimal plan.
  const gapCases = Math.max(0, casesOf(target - position));
  const worthCases = Math.max(mandatoryCases, gapCases > 0 ? Math.max(minimumCases, gapCases) : 0);
  let maximumCases = Math.min(worthCases, shelfLifeCases);
  if (maximumCases < minimumCases) maximumCases = 0;
  const needsOrderSwitch =
    mandatoryCases === 0 &&
    maximumCases > 0 &&
    (minimumCases > 1 || (item.fixedOrderCost ?? 0) > 0);
  return {
    item,
    index,
    position,
    target,
    caseSize,
    minimumCases,
    mandatoryCases,
    maximumCases,
    shelfLifeCases,
    needsOrderSwitch,
  };
}

/** Validate the whole input (throws naming the field) and derive each item's numbers. */
export function prepareReplenishmentInput(input: ReplenishmentPlanInput): {
  items: PreparedItem[];
  locations: Map<string, ReplenishmentLocation>;
} {
  if (typeof input !== 'object' || input === null) throw new TypeError('input: expected an object');
  if (!Array.isArray(input.items) || input.items.length === 0) {
    throw new TypeError('items: expected a non-empty array of SKU × location items');
  }
  const locations = validateLocations(input);
  validateBudgets(input);
  const seen = new Set<string>();
  const items = input.items.map((item, index) => {
    const field = `items[${index}]`;
    if (typeof item !== 'object' || item === null)
      throw new TypeError(`${field}: expected an object`);
    validateItem(item, field, locations.get(item.location));
    const key = `${item.sku}\u0000${item.location}`;
    if (seen.has(key)) {
      throw new RangeError(
        `${field}: SKU "${item.sku}" at "${item.location}" is listed twice; merge the two rows`,
      );
    }
    seen.add(key);
    return prepareItem(item, index);
  });
  return { items, locations };
}
