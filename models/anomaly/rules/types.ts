// Inputs and outputs of the planners' business rules (stock, supply, shelf life, data sanity).

export type RuleName =
  | 'projected_stockout'
  | 'below_safety_stock'
  | 'expiry_risk'
  | 'feed_outage'
  | 'impossible_value'
  | 'unreconciled_sales';

export type RuleSeverity = 'low' | 'medium' | 'high';

/** One recorded day of one SKU at one location. */
export interface RuleDay {
  /** ISO date; days are strictly increasing within a listing (gaps allowed) */
  date: string;
  units: number;
  promo: boolean;
  stockout: boolean;
  /** closing stock count of the day, null when none was taken */
  onHand: number | null;
  /** units ordered and not yet received at the close, null when not recorded */
  onOrder: number | null;
}

export interface RuleSupply {
  leadTimeDays: number;
  /** standard deviation of the lead time in days, null when unknown (treated as fixed) */
  leadTimeSdDays: number | null;
  /** minimum order quantity, null when none */
  moq: number | null;
}

/** A stock count: where the projections start. */
export interface StockCount {
  date: string;
  onHand: number;
  onOrder: number | null;
}

export interface RuleListing {
  sku: string;
  location: string;
  days: readonly RuleDay[];
  /** the count to project from; default: the last day whose onHand was recorded */
  count?: StockCount | null;
  supply?: RuleSupply | null;
  shelfLifeDays?: number | null;
  /** cost of a unit to the company: values stock that may expire */
  unitCost?: number | null;
  /** list price of a unit: values sales lost or left unrecorded */
  price?: number | null;
}

export interface RuleAlert {
  rule: RuleName;
  sku: string;
  location: string;
  /** first and last ISO date the alert is about (inclusive) */
  start: string;
  end: string;
  severity: RuleSeverity;
  /** the numbers behind the alert, by name (units, days, units a day) */
  figures: Record<string, number>;
  /** soles at stake (lost or unrecorded sales at list price, stock expiring at cost), when known */
  valueAtRisk: number | null;
  /** plain language, naming the fix */
  explanation: string;
}

export interface RuleSettings {
  /** cycle service level of the safety stock, in (0, 1); default 0.95 */
  serviceLevel: number;
  /** calendar days of recent history the mean and sd of daily demand come from; default 28 */
  demandWindowDays: number;
  /** fewest usable (unexplained) days in that window to judge demand; default 7 */
  minimumDemandDays: number;
  /** shelf life in days at or below which a product is perishable; default 45 (the demo company's rule) */
  perishableShelfLifeDays: number;
  /** fewest consecutive zero-sales days for a feed outage; default 2 */
  outageMinimumDays: number;
  /** stock must fall by more than this many units over those days; default 3 */
  outageMinimumFall: number;
  /** a day above this multiple of the listing's 99th percentile is not physically plausible; default 50 */
  implausibleMultiple: number;
}

export const DEFAULT_RULE_SETTINGS: Readonly<RuleSettings> = {
  serviceLevel: 0.95,
  demandWindowDays: 28,
  minimumDemandDays: 7,
  perishableShelfLifeDays: 45,
  outageMinimumDays: 2,
  outageMinimumFall: 3,
  implausibleMultiple: 50,
};
