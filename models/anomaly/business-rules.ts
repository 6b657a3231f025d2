// The rules planners expect next to the statistical detectors: projected stockout within the lead
// time, on-hand below safety stock, expiry risk for perishables, a broken sales feed and
// impossible values. Pure: one listing's days, stock counts and terms in; alerts out.
import { parseIsoDate } from '../calendar/dates';
import { belowSafetyStock } from './rules/below-safety-stock';
import { recentDemand } from './rules/demand-baseline';
import { expiryRisk } from './rules/expiry-risk';
import { datesOf, feedOutages } from './rules/feed-outage';
import { unreconciledSales } from './rules/unreconciled-sales';

/** Units recorded beyond the stock's fall that make a day unreconciled: at least 3, and half. */
const UNRECONCILED_MINIMUM_GAP = 3;
const UNRECONCILED_MINIMUM_SHARE = 0.5;
const UNRECONCILED_MINIMUM_MULTIPLE = 2.5;
import { impossibleValues } from './rules/impossible-values';
import { projectedStockout } from './rules/projected-stockout';
import { safetyStock } from './rules/safety-stock';
import { latestCount, stockState } from './rules/stock-state';
import {
  DEFAULT_RULE_SETTINGS,
  type RuleAlert,
  type RuleListing,
  type RuleSettings,
} from './rules/types';

export type {
  RuleAlert,
  RuleDay,
  RuleListing,
  RuleName,
  RuleSettings,
  RuleSeverity,
  RuleSupply,
  StockCount,
} from './rules/types';
export { DEFAULT_RULE_SETTINGS } from './rules/types';
export { safetyStock, type SafetyStock, type SafetyStockInput } from './rules/safety-stock';

export interface BusinessRuleResult {
  alerts: RuleAlert[];
  /** why a rule could not judge this listing (no stock count, no supply row, too few days) */
  notes: string[];
}

/** Settings merged over the defaults; a bad one is a RangeError naming it and the valid range. */
export function ruleSettings(overrides: Partial<RuleSettings> = {}): RuleSettings {
  const settings: RuleSettings = { ...DEFAULT_RULE_SETTINGS };
  for (const [name, value] of Object.entries(overrides) as Array<[keyof RuleSettings, unknown]>) {
    if (value === undefined) continue;
    if (typeof value !== 'number') {
      throw new TypeError(`settings.${name}: expected a number, got ${typeof value}`);
    }
    if (!(name in DEFAULT_RULE_SETTINGS)) {
      throw new RangeError(
        `settings.${String(name)}: unknown setting; use one of ${Object.keys(DEFAULT_RULE_SETTINGS).join(', ')}`,
      );
    }
    settings[name] = value;
  }
  const check = (name: keyof RuleSettings, valid: boolean, range: string) => {
    if (!valid) {
      throw new RangeError(`settings.${name}: ${String(settings[name])} must be ${range}`);
    }
  };
  const whole = (value: number, least: number) => Number.isInteger(value) && value >= least;
  check(
    'serviceLevel',
    settings.serviceLevel > 0 && settings.serviceLevel < 1,
    'strictly between 0 and 1, e.g. 0.95',
  );
  check('demandWindowDays', whole(settings.demandWindowDays, 1), 'a whole number of days >= 1');
  check(
    'minimumDemandDays',
    whole(settings.minimumDemandDays, 1) && settings.minimumDemandDays <= settings.demandWindowDays,
    'a whole number >= 1 and at most demandWindowDays',
  );
  check(
    'perishableShelfLifeDays',
    Number.isFinite(settings.perishableShelfLifeDays) && settings.perishableShelfLifeDays >= 0,
    'a number of days >= 0',
  );
  check('outageMinimumDays', whole(settings.outageMinimumDays, 2), 'a whole number >= 2');
  check(
    'outageMinimumFall',
    Number.isFinite(settings.outageMinimumFall) && settings.outageMinimumFall >= 0,
    'a number of units >= 0',
  );
  check(
    'implausibleMultiple',
    Number.isFinite(settings.implausibleMultiple) && settings.implausibleMultiple > 1,
    'a number > 1',
  );
  return settings;
}

function checkListing(listing: RuleListing): void {
  if (typeof listing.sku !== 'string' || typeof listing.location !== 'string') {
    throw new TypeError('listing: sku and location must be strings');
  }
  if (!Array.isArray(listing.days)) throw new TypeError(`listing.days: expected an array`);
  let previous = Number.NEGATIVE_INFINITY;
  listing.days.forEach((day, index) => {
    const dayNumber = parseIsoDate(day.date);
    if (dayNumber <= previous) {
      throw new RangeError(
        `listing.days[${index}].date: ${day.date} of ${listing.sku} at ${listing.location} is not after the day before; sort the days by date, one row a day`,
      );
    }
    previous = dayNumber;
  });
  const supply = listing.supply;
  if (supply && !(Number.isFinite(supply.leadTimeDays) && supply.leadTimeDays >= 0)) {
    throw new RangeError(
      `listing.supply.leadTimeDays: ${String(supply.leadTimeDays)} of ${listing.sku} at ${listing.location} must be a number of days >= 0`,
    );
  }
  if (supply?.leadTimeSdDays != null && !(supply.leadTimeSdDays >= 0)) {
    throw new RangeError(
      `listing.supply.leadTimeSdDays: ${String(supply.leadTimeSdDays)} of ${listing.sku} at ${listing.location} must be >= 0 or null`,
    );
  }
}

const known = (value: number | null | undefined) =>
  value !== null && value !== undefined && Number.isFinite(value) ? value : null;

/** Runs every rule on one listing; alerts come in rule order, then date order. */
export function runBusinessRules(
  listing: RuleListing,
  overrides: Partial<RuleSettings> = {},
): BusinessRuleResult {
  const settings = ruleSettings(overrides);
  checkListing(listing);
  const { sku, location, days } = listing;
  const price = known(listing.price);
  const notes: string[] = [];

  const outages = feedOutages(
    sku,
    location,
    days,
    { minimumDays: settings.outageMinimumDays, minimumFall: settings.outageMinimumFall },
    price,
  );
  const impossible = impossibleValues(sku, location, days, settings, price);
  const unreconciled = unreconciledSales(
    sku,
    location,
    days,
    {
      minimumGap: UNRECONCILED_MINIMUM_GAP,
      minimumShare: UNRECONCILED_MINIMUM_SHARE,
      minimumMultiple: UNRECONCILED_MINIMUM_MULTIPLE,
    },
    price,
  );
  const alerts: RuleAlert[] = [];

  const count = latestCount(days, listing.count);
  const lastDay = days[days.length - 1];
  const asOf = lastDay && count && lastDay.date > count.date ? lastDay.date : count?.date;
  const demand =
    asOf === undefined
      ? undefined
      : recentDemand(
          days,
          asOf,
          settings.demandWindowDays,
          settings.minimumDemandDays,
          datesOf([...outages, ...impossible, ...unreconciled]),
        );
  if (count === undefined) notes.push('no stock count: stock rules not run');
  else if (demand === undefined) {
    notes.push(
      `fewer than ${settings.minimumDemandDays} days without promotion, stockout or data error in the ${settings.demandWindowDays} days to ${asOf}: stock rules not run`,
    );
  }

  if (count !== undefined && demand !== undefined) {
    const state = stockState(days, count, demand);
    const supply = listing.supply;
    if (supply) {
      const safety = safetyStock({
        serviceLevel: settings.serviceLevel,
        demandMean: demand.mean,
        demandStandardDeviation: demand.standardDeviation,
        leadTime: supply.leadTimeDays,
        leadTimeStandardDeviation: supply.leadTimeSdDays ?? 0,
      });
      const stockout = projectedStockout({ sku, location, state, supply, safety, price });
      if (stockout) alerts.push(stockout);
      // the stockout alert's order already restores the safety stock: one alert, not two
      const below = stockout
        ? undefined
        : belowSafetyStock({
            sku,
            location,
            state,
            supply,
            safety,
            serviceLevel: settings.serviceLevel,
          });
      if (below) alerts.push(below);
    } else {
      notes.push('no supply row (lead time): stockout and safety-stock rules not run');
    }
    const shelfLife = known(listing.shelfLifeDays);
    if (shelfLife !== null && shelfLife > 0 && shelfLife <= settings.perishableShelfLifeDays) {
      const expiry = expiryRisk({
        sku,
        location,
        state,
        shelfLifeDays: shelfLife,
        unitCost: known(listing.unitCost),
      });
      if (expiry) alerts.push(expiry);
    }
  }
  alerts.push(...outages, ...impossible, ...unreconciled);
  return { alerts, notes };
}
