// The monthly sales rollup (migration 5) recomputed once for a bulk write instead of row by row:
// its triggers re-aggregate a month's cell on every inserted row, which halves a large import's
// speed. A bulk writer drops them inside its transaction, writes, then rebuilds the cells of the
// months it touched from the daily rows with the triggers' own aggregation and recreates them
// (their CREATE TRIGGER text kept from sqlite_master), so a rollback restores everything.
import type { SqliteDatabase } from '../database';

interface TriggerDefinition {
  name: string;
  sql: string;
}

const monthOf = (isoDate: string) => isoDate.slice(0, 7);

export class DeferredSalesRollup {
  private dropped: TriggerDefinition[] = [];

  constructor(private readonly database: SqliteDatabase) {}

  get suspended(): boolean {
    return this.dropped.length > 0;
  }

  /** Drops the rollup's triggers (no-op when already suspended or the schema has none). */
  suspend(): void {
    if (this.suspended) return;
    this.dropped = this.database
      .prepare<[], TriggerDefinition>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sales' AND name LIKE 'sales\\_monthly\\_%' ESCAPE '\\' AND sql IS NOT NULL",
      )
      .all();
    for (const trigger of this.dropped) this.database.exec(`DROP TRIGGER "${trigger.name}"`);
  }

  /**
   * Rebuilds the rollup's cells of every month from `from`'s to `to`'s (ISO dates, inclusive; the
   * span the bulk write touched) and recreates the triggers. Call before COMMIT.
   */
  restore(from: string | undefined, to: string | undefined): void {
    if (!this.suspended) return;
    if (from !== undefined && to !== undefined) {
      const first = monthOf(from);
      const last = monthOf(to);
      this.database
        .prepare('DELETE FROM sales_monthly WHERE month BETWEEN ? AND ?')
        .run(first, last);
      this.database
        .prepare(
          `INSERT INTO sales_monthly
             SELECT sku_id, location_id, substr(date, 1, 7), sum(units), sum(revenue), count(*),
               sum(promo), sum(stockout)
             FROM sales
             WHERE date >= ? AND date <= ?
             GROUP BY sku_id, location_id, substr(date, 1, 7)`,
        )
        .run(`${first}-01`, `${last}-31`);
    }
    for (const trigger of this.dropped) this.database.exec(trigger.sql);
    this.dropped = [];
  }
}
