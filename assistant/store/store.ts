// The store facade: one SQLite database and its typed repositories.
import { openDatabase, type OpenDatabaseOptions, type SqliteDatabase } from './database';
import {
  createCalendarRepository,
  createLabelledAnomalyRepository,
  createMetaRepository,
  createPromotionRepository,
} from './repositories/calendar';
import { createConversationRepository } from './repositories/conversations';
import { createInspectionRepository } from './repositories/inspections';
import { createInventoryRepository, createSupplyRepository } from './repositories/inventory';
import { createLocationRepository } from './repositories/locations';
import { createPlanningRepository } from './repositories/planning';
import { createProductRepository } from './repositories/products';
import { createReportRepository } from './repositories/reports';
import { createSalesRepository } from './repositories/sales';

export function createStore(database: SqliteDatabase) {
  return {
    database,
    products: createProductRepository(database),
    locations: createLocationRepository(database),
    sales: createSalesRepository(database),
    inventory: createInventoryRepository(database),
    supply: createSupplyRepository(database),
    calendar: createCalendarRepository(database),
    promotions: createPromotionRepository(database),
    labelledAnomalies: createLabelledAnomalyRepository(database),
    meta: createMetaRepository(database),
    conversations: createConversationRepository(database),
    reports: createReportRepository(database),
    planning: createPlanningRepository(database),
    inspections: createInspectionRepository(database),
    /** True when the store holds no products, locations or sales. */
    isEmpty(): boolean {
      return (
        this.products.count() === 0 && this.locations.count() === 0 && this.sales.count() === 0
      );
    },
    /** Runs fn in one transaction (nested calls become savepoints). */
    transaction<T>(fn: () => T): T {
      return database.transaction(fn)();
    },
    ping(): boolean {
      return database.prepare<[], { ok: number }>('SELECT 1 AS ok').get()?.ok === 1;
    },
    close(): void {
      if (database.open) database.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

export function openStore(options: OpenDatabaseOptions): Store {
  return createStore(openDatabase(options));
}
