// The company every evaluation case runs against: the demo company generated with a fixed seed
// and "today", and a clock fixed at noon that day, so tool results are the same on every run and
// machine. Generated once per process (about 15 s), then each concurrency slot gets its own copy
// and every case runs inside a transaction that is rolled back, so whatever a case writes
// (conversations, inspections, stored forecasts) never reaches the next case.
import Database from 'better-sqlite3';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_VERSION } from '../../assistant/store/demo/generate';
import { loadDemoCompany, type DemoOptions } from '../../assistant/store/demo/load';
import { migrations } from '../../assistant/store/migrations';
import { createStore, openStore, type Store } from '../../assistant/store/store';

/** The suites' company: product and location names in the suites refer to it. */
export const evalCompanyOptions = { seed: 7, today: '2026-11-26' } as const satisfies DemoOptions;

/** The agent's and the tools' clock during evaluation: noon (UTC) of the company's "today". */
export function evalClock(today: string = evalCompanyOptions.today): () => Date {
  const fixed = new Date(`${today}T12:00:00Z`);
  if (Number.isNaN(fixed.getTime()))
    throw new RangeError(`today must be an ISO date such as 2026-11-26, got ${today}`);
  return () => new Date(fixed.getTime());
}

/** A company's database as bytes, copied into a fresh in-memory store per slot. */
export interface CompanySnapshot {
  bytes: Buffer;
  today: string;
}

/** Generates the demo company into memory and returns its bytes. */
export function buildCompanySnapshot(options: DemoOptions = evalCompanyOptions): CompanySnapshot {
  const store = openStore({ path: ':memory:' });
  try {
    loadDemoCompany(store, options);
    return { bytes: store.database.serialize(), today: options.today };
  } finally {
    store.close();
  }
}

/**
 * The snapshot from `cacheDir` when an earlier run saved it for the same demo generator version,
 * schema and options; otherwise generated (calling `onBuild` first) and saved there.
 */
export async function cachedCompanySnapshot(
  cacheDir: string,
  options: DemoOptions = evalCompanyOptions,
  onBuild?: () => void,
): Promise<CompanySnapshot> {
  const schema = Math.max(...migrations.map((migration) => migration.version));
  const name = `company-demo${DEMO_VERSION}-schema${schema}-seed${options.seed}-${options.today}${options.skuCount ? `-sku${options.skuCount}` : ''}${options.years ? `-y${options.years}` : ''}.sqlite`;
  const file = path.join(cacheDir, name);
  try {
    return { bytes: await readFile(file), today: options.today };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  onBuild?.();
  const snapshot = buildCompanySnapshot(options);
  await mkdir(cacheDir, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, snapshot.bytes);
  await rename(partial, file);
  return snapshot;
}

/** A snapshot of any store (tests use a small one). */
export function snapshotOf(store: Store, today: string): CompanySnapshot {
  return { bytes: store.database.serialize(), today };
}

/** An independent in-memory store holding the snapshot's data. */
export function storeFromSnapshot(snapshot: CompanySnapshot): Store {
  const database = new Database(snapshot.bytes);
  database.pragma('foreign_keys = ON');
  return createStore(database);
}

/**
 * Stores for `size` concurrent cases. `use` lends one, runs `work` inside a transaction and rolls
 * it back; a slot whose transaction was ended by the work is replaced by a fresh copy.
 */
export interface StorePool {
  use<T>(work: (store: Store) => Promise<T>): Promise<T>;
  close(): void;
}

export function createStorePool(snapshot: CompanySnapshot, size: number): StorePool {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`size must be a whole number >= 1, got ${size}`);
  const idle: Store[] = [];
  const all = new Set<Store>();
  let created = 0;
  const waiting: ((store: Store) => void)[] = [];

  const acquire = (): Promise<Store> => {
    const store = idle.pop();
    if (store) return Promise.resolve(store);
    if (created < size) {
      created += 1;
      const fresh = storeFromSnapshot(snapshot);
      all.add(fresh);
      return Promise.resolve(fresh);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (store: Store): void => {
    const next = waiting.shift();
    if (next) next(store);
    else idle.push(store);
  };

  return {
    async use(work) {
      let store = await acquire();
      store.database.exec('BEGIN');
      try {
        return await work(store);
      } finally {
        if (store.database.inTransaction) store.database.exec('ROLLBACK');
        else {
          // the work committed or ended the transaction itself: its writes may be in this copy
          all.delete(store);
          store.close();
          store = storeFromSnapshot(snapshot);
          all.add(store);
        }
        release(store);
      }
    },
    close() {
      for (const store of all) store.close();
      all.clear();
    },
  };
}
