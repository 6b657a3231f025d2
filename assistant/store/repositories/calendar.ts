// Calendar events, promotions and the labelled anomalies of the demo data.
import type { SqliteDatabase } from '../database';
import type { AnomalyKind, CalendarEvent, LabelledAnomaly, Promotion } from '../types';

export function createCalendarRepository(database: SqliteDatabase) {
  const insert = database.prepare(`
    INSERT INTO calendar_events (date, name, kind, location_id) VALUES (?, ?, ?, ?)
    ON CONFLICT DO NOTHING
  `);
  const between = database.prepare<
    [string, string],
    { date: string; name: string; kind: 'holiday' | 'event'; location_id: number | null }
  >(
    'SELECT date, name, kind, location_id FROM calendar_events WHERE date BETWEEN ? AND ? ORDER BY date, name',
  );

  return {
    add(event: CalendarEvent): void {
      insert.run(event.date, event.name, event.kind, event.locationId);
    },
    between(from: string, to: string): CalendarEvent[] {
      return between.all(from, to).map((row) => ({
        date: row.date,
        name: row.name,
        kind: row.kind,
        locationId: row.location_id,
      }));
    },
  };
}

export function createPromotionRepository(database: SqliteDatabase) {
  const insert = database.prepare(`
    INSERT INTO promotions (sku_id, location_id, start_date, end_date, discount_pct)
    VALUES (@skuId, @locationId, @startDate, @endDate, @discountPct)
  `);
  const forSku = database.prepare<
    [number],
    {
      sku_id: number;
      location_id: number | null;
      start_date: string;
      end_date: string;
      discount_pct: number;
    }
  >('SELECT * FROM promotions WHERE sku_id = ? ORDER BY start_date');

  return {
    add(promotion: Promotion): void {
      insert.run(promotion);
    },
    forSku(skuId: number): Promotion[] {
      return forSku.all(skuId).map((row) => ({
        skuId: row.sku_id,
        locationId: row.location_id,
        startDate: row.start_date,
        endDate: row.end_date,
        discountPct: row.discount_pct,
      }));
    },
  };
}

export function createLabelledAnomalyRepository(database: SqliteDatabase) {
  const insert = database.prepare(`
    INSERT INTO labelled_anomalies (sku_id, location_id, start_date, end_date, kind, magnitude, note)
    VALUES (@skuId, @locationId, @startDate, @endDate, @kind, @magnitude, @note)
  `);
  const all = database.prepare<
    [],
    {
      sku_id: number;
      location_id: number;
      start_date: string;
      end_date: string;
      kind: AnomalyKind;
      magnitude: number;
      note: string;
    }
  >('SELECT * FROM labelled_anomalies ORDER BY start_date, id');

  return {
    add(anomaly: LabelledAnomaly): void {
      insert.run(anomaly);
    },
    list(): LabelledAnomaly[] {
      return all.all().map((row) => ({
        skuId: row.sku_id,
        locationId: row.location_id,
        startDate: row.start_date,
        endDate: row.end_date,
        kind: row.kind,
        magnitude: row.magnitude,
        note: row.note,
      }));
    },
  };
}

export function createMetaRepository(database: SqliteDatabase) {
  const get = database.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const set = database.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    get(key: string): string | undefined {
      return get.get(key)?.value;
    },
    set(key: string, value: string): void {
      set.run(key, value);
    },
  };
}
