// Resolving SKU and location codes to ids (creating them with createMissing) and spotting rows
// whose key appeared earlier in the same file, in memory that stays flat per row.
import type { SqliteDatabase } from '../database';
import { Invalid, quote } from './cells';

const MISSING_FIX = 'import products first or pass --create-missing';

export class CodeResolver {
  private readonly products = new Map<string, number>();
  private readonly locations = new Map<string, number>();
  private readonly insertProduct;
  private readonly insertLocation;
  createdProducts = 0;
  createdLocations = 0;

  constructor(
    database: SqliteDatabase,
    private readonly createMissing: boolean,
  ) {
    const products = database.prepare<[], { sku: string; id: number }>(
      'SELECT sku, id FROM products',
    );
    for (const row of products.iterate()) this.products.set(row.sku, row.id);
    const locations = database.prepare<[], { code: string; id: number }>(
      'SELECT code, id FROM locations',
    );
    for (const row of locations.iterate()) this.locations.set(row.code, row.id);
    this.insertProduct = database.prepare<[string, string]>(
      "INSERT INTO products (sku, name, category) VALUES (?, ?, 'uncategorised')",
    );
    this.insertLocation = database.prepare<[string, string]>(
      "INSERT INTO locations (code, name, region) VALUES (?, ?, 'unknown')",
    );
  }

  /** The product's id, creating it (name = SKU, category 'uncategorised') when allowed. */
  productId(sku: string): number | Invalid {
    const id = this.products.get(sku);
    if (id !== undefined) return id;
    if (!this.createMissing) return new Invalid(`unknown SKU ${quote(sku)}`, MISSING_FIX);
    const created = Number(this.insertProduct.run(sku, sku).lastInsertRowid);
    this.products.set(sku, created);
    this.createdProducts += 1;
    return created;
  }

  /** The location's id, creating it (code = name = the value, region 'unknown') when allowed. */
  locationId(code: string): number | Invalid {
    const id = this.locations.get(code);
    if (id !== undefined) return id;
    if (!this.createMissing) return new Invalid(`unknown location ${quote(code)}`, MISSING_FIX);
    const created = Number(this.insertLocation.run(code, code).lastInsertRowid);
    this.locations.set(code, created);
    this.createdLocations += 1;
    return created;
  }
}

/**
 * Open-addressing hash table (linear probing, load <= 1/2) from non-negative safe integers to the
 * line where each was first seen: 12 bytes a slot in two typed arrays, no per-key objects.
 */
class IntegerKeyLines {
  private keys: Float64Array;
  private lines: Int32Array;
  private size = 0;

  constructor(capacity = 1 << 14) {
    this.keys = new Float64Array(capacity);
    this.lines = new Int32Array(capacity);
  }

  /** Integer mix of the key's two 32-bit halves (MurmurHash3 fmix32 finaliser). */
  private static slot(key: number, mask: number): number {
    let hash = (key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x9e3779b1);
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
    return (hash ^ (hash >>> 16)) & mask;
  }

  firstLine(key: number, line: number): number | undefined {
    const mask = this.keys.length - 1;
    for (let slot = IntegerKeyLines.slot(key, mask); ; slot = (slot + 1) & mask) {
      const seen = this.lines[slot] ?? 0;
      if (seen === 0) {
        this.keys[slot] = key;
        this.lines[slot] = line;
        this.size += 1;
        if (this.size * 2 > this.keys.length) this.grow();
        return undefined;
      }
      if (this.keys[slot] === key) return seen;
    }
  }

  private grow(): void {
    const { keys, lines } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.lines = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let index = 0; index < keys.length; index += 1) {
      const line = lines[index] ?? 0;
      if (line === 0) continue;
      const key = keys[index] ?? 0;
      let slot = IntegerKeyLines.slot(key, mask);
      while ((this.lines[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.lines[slot] = line;
    }
  }
}

export const SKU_ID_SPAN = 2 ** 20;
export const LOCATION_ID_SPAN = 2 ** 16;

/**
 * Lines where each key was first seen. Daily keys pack (day, SKU id, location id) into one safe
 * integer (17 + 20 + 16 bits); ids beyond those spans fall back to text keys in a Map.
 */
export class FirstLines {
  private readonly numeric = new IntegerKeyLines();
  private readonly text = new Map<string, number>();

  private textKey(key: string, line: number): number | undefined {
    const first = this.text.get(key);
    if (first === undefined) this.text.set(key, line);
    return first;
  }

  /** The line where the key was seen before, or undefined (and the key is recorded). dayOffset in [0, 2^17). */
  dailyKey(dayOffset: number, skuId: number, locationId: number, line: number): number | undefined {
    return skuId < SKU_ID_SPAN && locationId < LOCATION_ID_SPAN
      ? this.numeric.firstLine(
          (dayOffset * SKU_ID_SPAN + skuId) * LOCATION_ID_SPAN + locationId,
          line,
        )
      : this.textKey(`${dayOffset}:${skuId}:${locationId}`, line);
  }

  pairKey(skuId: number, locationId: number, line: number): number | undefined {
    return skuId < 2 ** 30 && locationId < 2 ** 22
      ? this.numeric.firstLine(skuId * 2 ** 22 + locationId, line)
      : this.textKey(`${skuId}:${locationId}`, line);
  }

  codeKey(code: string, line: number): number | undefined {
    return this.textKey(code, line);
  }
}
