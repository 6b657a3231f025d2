// Opens the SQLite store (better-sqlite3): WAL, foreign keys on, numbered migrations applied.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations as defaultMigrations, type Migration } from './migrations';

export type SqliteDatabase = Database.Database;

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:' for tests. */
  path: string;
  migrations?: readonly Migration[];
  readonly?: boolean;
}

export function openDatabase(options: OpenDatabaseOptions): SqliteDatabase {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const database = new Database(options.path, { readonly: options.readonly ?? false });
  database.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    if (options.path !== ':memory:') database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
  }
  database.pragma('foreign_keys = ON');
  if (!options.readonly) applyMigrations(database, options.migrations ?? defaultMigrations);
  return database;
}

/** Applies the migrations not yet recorded, each in its own transaction; returns the versions applied. */
export function applyMigrations(
  database: SqliteDatabase,
  migrations: readonly Migration[],
): number[] {
  database.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    database
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  const record = database.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const done: number[] = [];
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  for (const migration of ordered) {
    if (applied.has(migration.version)) continue;
    database.transaction(() => {
      database.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
    done.push(migration.version);
  }
  return done;
}

export function schemaVersion(database: SqliteDatabase): number {
  const row = database
    .prepare<[], { version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    )
    .get();
  return row?.version ?? 0;
}
