// What a tool may reach (ARCHITECTURE.md 1): data queries, the knowledge index, an AbortSignal,
// a clock and a logger, the vision model and the inspection records. Defined here, implemented by
// assistant/store and assistant/inspection, so every tool runs on in-memory data in tests.
import type { KnowledgeIndex } from '../knowledge/types';
import type { ClassifierOpinion } from './inspection/fuse-verdict';
import type { GoldenReferences } from './inspection/golden-references';
import type { InspectionRecords, ToolVisionModel } from './inspection/inspection-records';
import type { RgbaImage } from '../models/vision/image';
import type { PlanningRecords } from './sop/sop-facts';

export type SalesGrain = 'day' | 'week' | 'month';
export type SalesDimension = 'sku' | 'category' | 'location' | 'region';

export interface CatalogProduct {
  sku: string;
  name: string;
  category: string;
  /** ISO date of the launch, when known */
  launchDate: string | null;
  /** list selling price per unit, when known */
  price?: number | null;
  lifecycleStage: string | null;
  /** days a unit keeps from production, when known (perishables: expiry risk) */
  shelfLifeDays?: number | null;
  /** what a unit costs the company, when known (value of stock at risk) */
  unitCost?: number | null;
  /** kg CO2e per unit, when known (the footprint of expired stock) */
  co2eKgPerUnit?: number | null;
  /** the EAN-13 printed on the pack, when known (the barcode check) */
  ean?: string | null;
}

export interface CatalogLocation {
  code: string;
  name: string;
  region: string;
  city: string | null;
}

/** Which sales to read: every list is an OR within itself, the lists combine with AND. */
export interface SalesScope {
  skus?: readonly string[];
  categories?: readonly string[];
  locations?: readonly string[];
  regions?: readonly string[];
  /** inclusive ISO date */
  from?: string;
  /** inclusive ISO date */
  to?: string;
}

/** One day of sales summed over a scope (only days with at least one sales row). */
export interface DailySales {
  date: string;
  units: number;
  /** 0 when the rows carry no revenue */
  revenue: number;
  /** sales rows (SKU x location) summed into this day */
  rows: number;
  /** rows flagged as on promotion */
  promoRows: number;
  /** rows flagged as out of stock */
  stockoutRows: number;
}

export interface SalesTotalsQuery extends SalesScope {
  grain: SalesGrain;
  groupBy?: readonly SalesDimension[];
}

export interface SalesTotalsRow {
  /** first day of the period (weeks start on Monday) */
  period: string;
  sku?: string;
  category?: string;
  location?: string;
  region?: string;
  units: number;
  revenue: number;
  rows: number;
  promoRows: number;
  stockoutRows: number;
}

/** One day of one SKU at one location, as recorded. */
export interface ListingDay {
  date: string;
  units: number;
  /** selling price that day, when recorded */
  price: number | null;
  promo: boolean;
  /** the shelf was empty: the day's sales understate demand */
  stockout: boolean;
  /** the day's closing stock count, when asked for (`ListingOptions.stock`) and recorded */
  onHand?: number | null;
  /** units ordered and not yet received at the day's close, when asked for and recorded */
  onOrder?: number | null;
}

export interface ListingOptions {
  /** join each day's stock count (onHand, onOrder) to its sales row */
  stock?: boolean;
}

/** The daily history of one SKU at one location (days without a row absent). */
export interface ListingHistory {
  sku: string;
  location: string;
  region: string;
  days: ListingDay[];
}

/** A promotion on the calendar (past or planned); location null = every location. */
export interface PlannedPromotion {
  sku: string;
  location: string | null;
  startDate: string;
  endDate: string;
  discountPct: number;
}

export interface StockPosition {
  date: string;
  onHand: number;
  onOrder: number | null;
}

/** How a SKU is replenished at a location (the supply file's row). */
export interface SupplyTerms {
  leadTimeDays: number;
  /** standard deviation of the lead time in days, when known */
  leadTimeSdDays: number | null;
  /** minimum order quantity in units, when known */
  moq: number | null;
}

export interface ToolLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface ToolImageAttachment {
  /** base64 without a data: prefix */
  base64: string;
  /** the file name the user gave, when known */
  fileName?: string;
}

export interface InspectionAids {
  references?: GoldenReferences;
  /** undefined when the classifier cannot judge the photo (e.g. no package stands out) */
  classifier?: (image: RgbaImage) => ClassifierOpinion | undefined;
}

export interface ToolContext {
  catalog: {
    products(): readonly CatalogProduct[];
    locations(): readonly CatalogLocation[];
  };
  sales: {
    /** Daily totals over the scope, in date order. */
    daily(scope: SalesScope): DailySales[];
    /** Totals by period and the requested dimensions, ordered by period then dimensions. */
    totals(query: SalesTotalsQuery): SalesTotalsRow[];
    /** First and last sales date in the whole store; undefined when there are no sales. */
    dateRange(): { first: string; last: string } | undefined;
    /** Each SKU x location in the scope with its daily rows, ordered by SKU then location. */
    listings(scope: SalesScope, options?: ListingOptions): ListingHistory[];
  };
  promotions: {
    /** Promotions of these SKUs that overlap [from, to] (ISO dates, inclusive). */
    overlapping(skus: readonly string[], from: string, to: string): PlannedPromotion[];
  };
  inventory: {
    /** The most recent stock count of a SKU at a location (by codes). */
    latest(sku: string, location: string): StockPosition | undefined;
  };
  supply: {
    /** Lead time and order terms of a SKU at a location (by codes); undefined when not on file. */
    forListing(sku: string, location: string): SupplyTerms | undefined;
    /**
     * The terms of many listings at once (one read instead of one per listing), in the order of
     * `pairs`; undefined where none is on file. Optional: callers fall back to forListing.
     */
    forListings?(pairs: readonly { sku: string; location: string }[]): (SupplyTerms | undefined)[];
  };
  /** Photos the user attached to the current message, oldest first (inspect_packaging reads them). */
  attachments?: readonly ToolImageAttachment[];
  /** The vision model (inspect_packaging); absent when none is configured or reachable. */
  vision?: ToolVisionModel;
  /** Golden references and the trained defect classifier, when the deployment has them. */
  inspectionAids?: InspectionAids;
  /** Inspection records and stored photos (inspect_packaging, the S&OP summary's QC section). */
  inspections?: InspectionRecords;
  /** Stored forecasts (the nightly refresh) the S&OP demand review compares with actuals. */
  planning?: PlanningRecords;
  /** The company knowledge base (search_knowledge); absent when it was not built. */
  knowledge?: KnowledgeIndex;
  /** Aborts long work when the caller gives up (client gone, step timeout). */
  signal: AbortSignal;
  /** The current time; tools never read the system clock themselves. */
  now(): Date;
  logger: ToolLogger;
}
