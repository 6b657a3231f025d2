// Types of the demo company: the catalogue, locations, listings (SKU x location) and the generated
// series. Days are UTC day numbers (models/calendar/dates.ts); ISO strings only at the edges.
import type { AnomalyKind } from '../types';

export const CATEGORIES = [
  'grains',
  'dairy',
  'beverages',
  'snacks',
  'canned_fish',
  'fresh_produce',
  'condiments',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type LifecycleStage = 'launch' | 'growth' | 'mature' | 'decline' | 'discontinued';

/** Yearly demand shape: Southern-hemisphere summer (Dec-Mar) or winter (Jun-Aug), '+' = strong. */
export type YearlyPattern =
  'flat' | 'summer' | 'summer+' | 'winter' | 'winter+' | 'christmas' | 'october';

/** Speed class: A fast ... C slow, S intermittent (many zero days). */
export type Tier = 'A' | 'B' | 'C' | 'S';

/** The generative parameters of one product (not stored; they drive the simulation). */
export interface ProductModel {
  tier: Tier;
  /** mean units a day at a location of size 1 with affinity 1, before all effects */
  level: number;
  /** negative binomial dispersion (gamma shape); smaller = more overdispersed */
  dispersion: number;
  pattern: YearlyPattern;
  /** relative swing of a summer/winter pattern at a location of climate 1 */
  amplitude: number;
  /** log growth per year */
  trendPerYear: number;
  launchDay: number;
  /** days of the launch ramp's time constant (0 = none in the window) */
  rampDays: number;
  declineStartDay: number | null;
  /** e-folding time of the decline in days */
  declineDays: number;
  /** last day with sales; null = still sold */
  discontinueDay: number | null;
  /** list price from each day on (ascending days; the first applies from before the window) */
  priceSteps: Array<{ day: number; price: number }>;
  /** demand ~ (price / reference)^-elasticity */
  priceElasticity: number;
  /** uplift on promotion = (1 - discount)^-promoElasticity */
  promoElasticity: number;
  /** share of demand lost right after a promotion (pantry loading) */
  postPromoDip: number;
  casePack: number;
}

export interface DemoProduct {
  /** position in the full catalogue (stable across subsets) */
  index: number;
  sku: string;
  name: string;
  category: Category;
  brand: string;
  uom: string;
  shelfLifeDays: number;
  unitCost: number;
  /** current list price in soles */
  price: number;
  lifecycleStage: LifecycleStage;
  launchDate: string;
  co2eKgPerUnit: number;
  ean: string;
  model: ProductModel;
}

export interface DemoLocation {
  code: string;
  name: string;
  /** matches PeruEvent.region for regional events */
  region: string;
  city: string;
  kind: 'dc';
  sizeFactor: number;
  /** lead time from the central plants, days */
  leadTimeDays: number;
  leadTimeSdDays: number;
  /** lead time and spread of fresh and chilled goods (local or air supply) */
  freshLeadTimeDays: number;
  freshLeadTimeSdDays: number;
  orderCost: number;
  /** how strongly summer/winter swings show here (Lima 1, Iquitos's steady heat 0.2) */
  climate: number;
  listingProbability: number;
  /** probability for perishables (shelf life <= 45 days) */
  perishableListingProbability: number;
}

export interface DemoSupply {
  sku: string;
  location: string;
  leadTimeDays: number;
  leadTimeSdDays: number;
  moq: number;
  orderCost: number;
  holdingCostRate: number;
  supplier: string;
}

export interface DemoPromotion {
  sku: string;
  /** null = all locations */
  location: string | null;
  startDay: number;
  endDay: number;
  discountPct: number;
}

export interface DemoCalendarEvent {
  date: string;
  name: string;
  kind: 'holiday' | 'event';
  /** null = national */
  location: string | null;
}

/** An anomaly planned for a listing (days absolute); applied while its series is generated. */
export interface PlannedAnomaly {
  kind: AnomalyKind;
  startDay: number;
  endDay: number;
  /** factor applied to the true units (typo 10, feed outage 0, spike 3-6, drop 0.15-0.35, ...) */
  magnitude: number;
  note: string;
}

export interface DemoAnomaly {
  sku: string;
  location: string;
  startDate: string;
  endDate: string;
  kind: AnomalyKind;
  magnitude: number;
  note: string;
}

/** One SKU sold at one location from firstDay to lastDay (inclusive). */
export interface DemoListing {
  index: number;
  product: DemoProduct;
  location: DemoLocation;
  firstDay: number;
  lastDay: number;
  /** local preference multiplier on the level */
  affinity: number;
  supply: DemoSupply;
  /** safety factor of this listing's planner */
  safetyFactor: number;
  /** days of demand an order covers beyond the reorder point */
  coverDays: number;
  anomalies: PlannedAnomaly[];
}

/** The generated daily rows of one listing; index i is day firstDay + i. */
export interface ListingSeries {
  listing: DemoListing;
  firstDay: number;
  length: number;
  /** units as recorded (anomalies included) */
  units: Float64Array;
  /** the demand the customers had (before censoring and recording errors) */
  demand: Float64Array;
  /** price actually charged (after promotion discount) */
  price: Float64Array;
  revenue: Float64Array;
  promo: Uint8Array;
  stockout: Uint8Array;
  onHand: Float64Array;
  onOrder: Float64Array;
  /** units thrown away on the day (expired) */
  expired: Float64Array;
  anomalies: DemoAnomaly[];
}
