import type { SqliteDatabase } from '../database';
import type { NewProduct, Product } from '../types';

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  category: string;
  brand: string | null;
  uom: string | null;
  shelf_life_days: number | null;
  unit_cost: number | null;
  price: number | null;
  lifecycle_stage: string | null;
  launch_date: string | null;
  co2e_kg_per_unit: number | null;
  ean: string | null;
}

function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    category: row.category,
    brand: row.brand,
    uom: row.uom,
    shelfLifeDays: row.shelf_life_days,
    unitCost: row.unit_cost,
    price: row.price,
    lifecycleStage: row.lifecycle_stage,
    launchDate: row.launch_date,
    co2eKgPerUnit: row.co2e_kg_per_unit,
    ean: row.ean,
  };
}

export function createProductRepository(database: SqliteDatabase) {
  const upsert = database.prepare(`
    INSERT INTO products (sku, name, category, brand, uom, shelf_life_days, unit_cost, price,
      lifecycle_stage, launch_date, co2e_kg_per_unit, ean)
    VALUES (@sku, @name, @category, @brand, @uom, @shelfLifeDays, @unitCost, @price,
      @lifecycleStage, @launchDate, @co2eKgPerUnit, @ean)
    ON CONFLICT (sku) DO UPDATE SET
      name = excluded.name, category = excluded.category, brand = excluded.brand,
      uom = excluded.uom, shelf_life_days = excluded.shelf_life_days,
      unit_cost = excluded.unit_cost, price = excluded.price,
      lifecycle_stage = excluded.lifecycle_stage, launch_date = excluded.launch_date,
      co2e_kg_per_unit = excluded.co2e_kg_per_unit, ean = excluded.ean
  `);
  const idBySku = database.prepare<[string], { id: number }>(
    'SELECT id FROM products WHERE sku = ?',
  );
  const all = database.prepare<[], ProductRow>('SELECT * FROM products ORDER BY sku');
  const byCategory = database.prepare<[string], ProductRow>(
    'SELECT * FROM products WHERE category = ? ORDER BY sku',
  );
  const bySku = database.prepare<[string], ProductRow>('SELECT * FROM products WHERE sku = ?');
  const byId = database.prepare<[number], ProductRow>('SELECT * FROM products WHERE id = ?');
  const count = database.prepare<[], { n: number }>('SELECT count(*) AS n FROM products');
  const categories = database.prepare<[], { category: string }>(
    'SELECT DISTINCT category FROM products ORDER BY category',
  );

  return {
    /** Inserts or updates by SKU; returns the product's id. */
    upsert(product: NewProduct): number {
      upsert.run(product);
      const row = idBySku.get(product.sku);
      if (!row) throw new Error(`product ${product.sku} vanished after upsert`);
      return row.id;
    },
    list(filter: { category?: string } = {}): Product[] {
      const rows = filter.category ? byCategory.all(filter.category) : all.all();
      return rows.map(toProduct);
    },
    findBySku(sku: string): Product | undefined {
      const row = bySku.get(sku);
      return row ? toProduct(row) : undefined;
    },
    findById(id: number): Product | undefined {
      const row = byId.get(id);
      return row ? toProduct(row) : undefined;
    },
    /** Map from SKU code to id, for resolving many rows at once. */
    idMap(): Map<string, number> {
      return new Map(all.all().map((row) => [row.sku, row.id]));
    },
    categories(): string[] {
      return categories.all().map((row) => row.category);
    },
    count(): number {
      return count.get()?.n ?? 0;
    },
  };
}

export type ProductRepository = ReturnType<typeof createProductRepository>;
