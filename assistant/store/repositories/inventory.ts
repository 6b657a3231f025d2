import type { SqliteDatabase } from '../database';
import type { InventoryRecord, SupplyRecord } from '../types';

export function createInventoryRepository(database: SqliteDatabase) {
  const upsert = database.prepare(`
    INSERT INTO inventory (sku_id, location_id, date, on_hand, on_order) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (sku_id, location_id, date) DO UPDATE SET
      on_hand = excluded.on_hand, on_order = excluded.on_order
  `);
  const latest = database.prepare<
    [number, number],
    { date: string; on_hand: number; on_order: number | null }
  >(`SELECT date, on_hand, on_order FROM inventory WHERE sku_id = ? AND location_id = ?
     ORDER BY date DESC LIMIT 1`);
  const count = database.prepare<[], { n: number }>('SELECT count(*) AS n FROM inventory');

  return {
    upsert(record: InventoryRecord): void {
      upsert.run(record.skuId, record.locationId, record.date, record.onHand, record.onOrder);
    },
    latest(skuId: number, locationId: number): InventoryRecord | undefined {
      const row = latest.get(skuId, locationId);
      return row
        ? { skuId, locationId, date: row.date, onHand: row.on_hand, onOrder: row.on_order }
        : undefined;
    },
    count(): number {
      return count.get()?.n ?? 0;
    },
  };
}

export function createSupplyRepository(database: SqliteDatabase) {
  const upsert = database.prepare(`
    INSERT INTO supply (sku_id, location_id, lead_time_days, lead_time_sd_days, moq, order_cost,
      holding_cost_rate, supplier)
    VALUES (@skuId, @locationId, @leadTimeDays, @leadTimeSdDays, @moq, @orderCost,
      @holdingCostRate, @supplier)
    ON CONFLICT (sku_id, location_id) DO UPDATE SET
      lead_time_days = excluded.lead_time_days, lead_time_sd_days = excluded.lead_time_sd_days,
      moq = excluded.moq, order_cost = excluded.order_cost,
      holding_cost_rate = excluded.holding_cost_rate, supplier = excluded.supplier
  `);
  const get = database.prepare<
    [number, number],
    {
      lead_time_days: number;
      lead_time_sd_days: number | null;
      moq: number | null;
      order_cost: number | null;
      holding_cost_rate: number | null;
      supplier: string | null;
    }
  >('SELECT * FROM supply WHERE sku_id = ? AND location_id = ?');
  const count = database.prepare<[], { n: number }>('SELECT count(*) AS n FROM supply');

  return {
    upsert(record: SupplyRecord): void {
      upsert.run(record);
    },
    get(skuId: number, locationId: number): SupplyRecord | undefined {
      const row = get.get(skuId, locationId);
      return row
        ? {
            skuId,
            locationId,
            leadTimeDays: row.lead_time_days,
            leadTimeSdDays: row.lead_time_sd_days,
            moq: row.moq,
            orderCost: row.order_cost,
            holdingCostRate: row.holding_cost_rate,
            supplier: row.supplier,
          }
        : undefined;
    },
    count(): number {
      return count.get()?.n ?? 0;
    },
  };
}

export type InventoryRepository = ReturnType<typeof createInventoryRepository>;
export type SupplyRepository = ReturnType<typeof createSupplyRepository>;
