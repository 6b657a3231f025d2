// Row types of the store, as the repositories return them (camelCase; nullable columns as null).

export interface Product {
  id: number;
  sku: string;
  name: string;
  category: string;
  brand: string | null;
  uom: string | null;
  shelfLifeDays: number | null;
  unitCost: number | null;
  price: number | null;
  lifecycleStage: string | null;
  launchDate: string | null;
  co2eKgPerUnit: number | null;
  ean: string | null;
}

export type NewProduct = Omit<Product, 'id'>;

export interface Location {
  id: number;
  code: string;
  name: string;
  region: string;
  city: string | null;
  kind: string;
  sizeFactor: number | null;
}

export type NewLocation = Omit<Location, 'id'>;

/** One day of sales of one SKU at one location, by ids. */
export interface SalesRecord {
  skuId: number;
  locationId: number;
  date: string;
  units: number;
  revenue: number | null;
  price: number | null;
  promo: boolean;
  stockout: boolean;
}

export interface InventoryRecord {
  skuId: number;
  locationId: number;
  date: string;
  onHand: number;
  onOrder: number | null;
}

export interface SupplyRecord {
  skuId: number;
  locationId: number;
  leadTimeDays: number;
  leadTimeSdDays: number | null;
  moq: number | null;
  orderCost: number | null;
  holdingCostRate: number | null;
  supplier: string | null;
}

export interface CalendarEvent {
  date: string;
  name: string;
  kind: 'holiday' | 'event';
  /** null = national */
  locationId: number | null;
}

export interface Promotion {
  skuId: number;
  /** null = all locations */
  locationId: number | null;
  startDate: string;
  endDate: string;
  discountPct: number;
}

export type AnomalyKind = 'spike' | 'drop' | 'level_shift' | 'typo' | 'feed_outage';

export interface LabelledAnomaly {
  skuId: number;
  locationId: number;
  startDate: string;
  endDate: string;
  kind: AnomalyKind;
  magnitude: number;
  note: string;
}
