// Sales: batch upsert by (sku, location, date) and aggregation in SQL by period and dimension.
import type { SqliteDatabase } from '../database';
import type { SalesRecord } from '../types';

export type Grain = 'day' | 'week' | 'month';
export type SalesDimension = 'sku' | 'category' | 'location' | 'region';

export interface SalesFilter {
  skus?: readonly string[];
  categories?: readonly string[];
  locations?: readonly string[];
  regions?: readonly string[];
  /** inclusive ISO date */
  from?: string;
  /** inclusive ISO date */
  to?: string;
}

export interface SalesAggregateQuery extends SalesFilter {
  grain: Grain;
  groupBy?: readonly SalesDimension[];
}

export interface SalesAggregateRow {
  /** First day of the period (ISO date; weeks start on Monday). */
  period: string;
  sku?: string;
  category?: string;
  location?: string;
  region?: string;
  units: number;
  revenue: number;
  /** sales rows (SKU x location x day) in the group */
  days: number;
  promoDays: number;
  stockoutDays: number;
}

/** One day of one SKU at one location, with codes. */
export interface ListingRow {
  sku: string;
  location: string;
  region: string;
  date: string;
  units: number;
  price: number | null;
  promo: boolean;
  stockout: boolean;
  /** the day's stock count, present only when asked for (null when none was recorded) */
  onHand?: number | null;
  onOrder?: number | null;
}

type RawListingRow = Omit<ListingRow, 'promo' | 'stockout'> & { promo: number; stockout: number };

// Whitelisted SQL expressions: nothing from the caller is spliced into SQL but these.
const periodExpression: Record<Grain, string> = {
  day: 's.date',
  week: "date(s.date, 'weekday 0', '-6 days')",
  month: "substr(s.date, 1, 7) || '-01'",
};

const dimensionColumn: Record<SalesDimension, string> = {
  sku: 'p.sku',
  category: 'p.category',
  location: 'l.code',
  region: 'l.region',
};

/**
 * WHERE conditions on the sales table alone: product and location filters become id subqueries,
 * so the first aggregation step (per SKU x location x period) runs without joins.
 */
function filterClause(filter: SalesFilter): { where: string; parameters: unknown[] } {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const productConditions: string[] = [];
  const locationConditions: string[] = [];
  const subquery = (target: string[], column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    target.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    parameters.push(...values);
  };
  subquery(productConditions, 'sku', filter.skus);
  subquery(productConditions, 'category', filter.categories);
  if (productConditions.length)
    conditions.push(
      `s.sku_id IN (SELECT id FROM products WHERE ${productConditions.join(' AND ')})`,
    );
  subquery(locationConditions, 'code', filter.locations);
  subquery(locationConditions, 'region', filter.regions);
  if (locationConditions.length)
    conditions.push(
      `s.location_id IN (SELECT id FROM locations WHERE ${locationConditions.join(' AND ')})`,
    );
  if (filter.from) {
    conditions.push('s.date >= ?');
    parameters.push(filter.from);
  }
  if (filter.to) {
    conditions.push('s.date <= ?');
    parameters.push(filter.to);
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', parameters };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when the window's bounds fall on month boundaries (or are absent): the rollup answers it. */
function coversWholeMonths(filter: SalesFilter): boolean {
  if (filter.from !== undefined && !(ISO_DATE.test(filter.from) && filter.from.endsWith('-01')))
    return false;
  if (filter.to === undefined) return true;
  if (!ISO_DATE.test(filter.to)) return false;
  const next = new Date(`${filter.to}T00:00:00Z`);
  if (Number.isNaN(next.getTime()) || next.toISOString().slice(0, 10) !== filter.to) return false;
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
}

/** filterClause for the monthly rollup: the same product and location filters, months for dates. */
function rollupFilterClause(filter: SalesFilter): { where: string; parameters: unknown[] } {
  const { from, to, ...rest } = filter;
  const { where, parameters } = filterClause(rest);
  const conditions = where === '' ? [] : [where.slice('WHERE '.length)];
  if (from !== undefined) {
    conditions.push('s.month >= ?');
    parameters.push(from.slice(0, 7));
  }
  if (to !== undefined) {
    conditions.push('s.month <= ?');
    parameters.push(to.slice(0, 7));
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', parameters };
}

/**
 * WHERE conditions of listingRows, whose loop runs products -> locations -> sales: the product and
 * location filters apply to those tables directly, the dates to the sales primary key's range.
 */
function listingFilterClause(filter: SalesFilter): { where: string; parameters: unknown[] } {
  const conditions = ['s.sku_id = p.id', 's.location_id = l.id'];
  const parameters: unknown[] = [];
  const within = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    conditions.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    parameters.push(...values);
  };
  within('p.sku', filter.skus);
  within('p.category', filter.categories);
  within('l.code', filter.locations);
  within('l.region', filter.regions);
  if (filter.from) {
    conditions.push('s.date >= ?');
    parameters.push(filter.from);
  }
  if (filter.to) {
    conditions.push('s.date <= ?');
    parameters.push(filter.to);
  }
  return { where: `WHERE ${conditions.join(' AND ')}`, parameters };
}

export function createSalesRepository(database: SqliteDatabase) {
  const upsert = database.prepare(`
    INSERT INTO sales (sku_id, location_id, date, units, revenue, price, promo, stockout)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (sku_id, location_id, date) DO UPDATE SET
      units = excluded.units, revenue = excluded.revenue, price = excluded.price,
      promo = excluded.promo, stockout = excluded.stockout
  `);
  const count = database.prepare<[], { n: number }>('SELECT count(*) AS n FROM sales');
  const range = database.prepare<[], { first: string | null; last: string | null }>(
    'SELECT min(date) AS first, max(date) AS last FROM sales',
  );
  const series = database.prepare<
    [number, number, string, string],
    { date: string; units: number; price: number | null; promo: number; stockout: number }
  >(`SELECT date, units, price, promo, stockout FROM sales
     WHERE sku_id = ? AND location_id = ? AND date >= ? AND date <= ? ORDER BY date`);

  return {
    /** Upserts one row; call inside a transaction for batches. */
    upsert(record: SalesRecord): void {
      upsert.run(
        record.skuId,
        record.locationId,
        record.date,
        record.units,
        record.revenue,
        record.price,
        record.promo ? 1 : 0,
        record.stockout ? 1 : 0,
      );
    },
    upsertMany(records: Iterable<SalesRecord>): number {
      let written = 0;
      database.transaction(() => {
        for (const record of records) {
          this.upsert(record);
          written += 1;
        }
      })();
      return written;
    },
    aggregate(query: SalesAggregateQuery): SalesAggregateRow[] {
      const dimensions = [...new Set(query.groupBy ?? [])];
      const selected = dimensions.map(
        (dimension) => `${dimensionColumn[dimension]} AS ${dimension}`,
      );
      const groupColumns = ['period', ...dimensions];
      const monthly = query.grain === 'month' && coversWholeMonths(query);
      const { where, parameters } = monthly ? rollupFilterClause(query) : filterClause(query);
      // Whole months read the rollup (migration 5: one row per SKU x location x month, the same
      // sums a grouped scan of the daily rows gives); other windows aggregate the daily rows.
      const perListing = monthly
        ? `SELECT s.sku_id, s.location_id, s.month || '-01' AS period, s.units AS units,
             s.revenue AS revenue, s.rows AS days, s.promo_rows AS promoDays,
             s.stockout_rows AS stockoutDays
           FROM sales_monthly s
           ${where}`
        : `SELECT s.sku_id, s.location_id, ${periodExpression[query.grain]} AS period,
             sum(s.units) AS units, sum(s.revenue) AS revenue, count(*) AS days,
             sum(s.promo) AS promoDays, sum(s.stockout) AS stockoutDays
           FROM sales s
           ${where}
           GROUP BY s.sku_id, s.location_id, period`;
      // Two steps: totals per SKU x location x period on the sales table alone (no joins per
      // daily row), then the join to products/locations on those far fewer rows.
      const sql = `
        SELECT t.period AS period${selected.length ? `, ${selected.join(', ')}` : ''},
          sum(t.units) AS units, coalesce(sum(t.revenue), 0) AS revenue, sum(t.days) AS days,
          sum(t.promoDays) AS promoDays, sum(t.stockoutDays) AS stockoutDays
        FROM (${perListing}) t
        JOIN products p ON p.id = t.sku_id
        JOIN locations l ON l.id = t.location_id
        GROUP BY ${groupColumns.join(', ')}
        ORDER BY ${groupColumns.join(', ')}`;
      return database.prepare(sql).all(...parameters) as SalesAggregateRow[];
    },
    /**
     * Daily rows of every SKU x location in the filter, ordered by SKU, location and date: the
     * bottom series that daily models and reconciliation start from.
     */
    listingRows(filter: SalesFilter, options: { stock?: boolean } = {}): ListingRow[] {
      const { where, parameters } = listingFilterClause(filter);
      // The stock join is optional: the forecasting and anomaly scans read millions of rows
      // and need no stock, the business rules do.
      const stockColumns = options.stock ? ', i.on_hand AS onHand, i.on_order AS onOrder' : '';
      const stockJoin = options.stock
        ? `LEFT JOIN inventory i
             ON i.sku_id = s.sku_id AND i.location_id = s.location_id AND i.date = s.date`
        : '';
      // Driven from the catalogue (CROSS JOIN fixes the loop order in SQLite): products by SKU,
      // locations by code, then one primary-key range search of sales per pair, so the rows come
      // out already in the requested order (no sort) and a date window reads only its own rows
      // instead of scanning every sales row (issue 9: the S&OP supply review at 30,000 series).
      const sql = `
        SELECT p.sku AS sku, l.code AS location, l.region AS region, s.date AS date,
          s.units AS units, s.price AS price, s.promo AS promo, s.stockout AS stockout${stockColumns}
        FROM products p
        CROSS JOIN locations l
        CROSS JOIN sales s
        ${stockJoin}
        ${where}
        ORDER BY p.sku, l.code, s.date`;
      return (database.prepare(sql).all(...parameters) as RawListingRow[]).map((row) => ({
        ...row,
        promo: row.promo === 1,
        stockout: row.stockout === 1,
      }));
    },
    /** Daily rows of one SKU at one location (only the days that have a row). */
    dailySeries(skuId: number, locationId: number, from: string, to: string) {
      return series.all(skuId, locationId, from, to).map((row) => ({
        date: row.date,
        units: row.units,
        price: row.price,
        promo: row.promo === 1,
        stockout: row.stockout === 1,
      }));
    },
    count(): number {
      return count.get()?.n ?? 0;
    },
    dateRange(): { first: string; last: string } | undefined {
      const row = range.get();
      return row?.first && row.last ? { first: row.first, last: row.last } : undefined;
    },
  };
}

export type SalesRepository = ReturnType<typeof createSalesRepository>;
