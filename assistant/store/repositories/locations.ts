import type { SqliteDatabase } from '../database';
import type { Location, NewLocation } from '../types';

interface LocationRow {
  id: number;
  code: string;
  name: string;
  region: string;
  city: string | null;
  kind: string;
  size_factor: number | null;
}

function toLocation(row: LocationRow): Location {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    region: row.region,
    city: row.city,
    kind: row.kind,
    sizeFactor: row.size_factor,
  };
}

export function createLocationRepository(database: SqliteDatabase) {
  const upsert = database.prepare(`
    INSERT INTO locations (code, name, region, city, kind, size_factor)
    VALUES (@code, @name, @region, @city, @kind, @sizeFactor)
    ON CONFLICT (code) DO UPDATE SET name = excluded.name, region = excluded.region,
      city = excluded.city, kind = excluded.kind, size_factor = excluded.size_factor
  `);
  const idByCode = database.prepare<[string], { id: number }>(
    'SELECT id FROM locations WHERE code = ?',
  );
  const all = database.prepare<[], LocationRow>('SELECT * FROM locations ORDER BY code');
  const byCode = database.prepare<[string], LocationRow>('SELECT * FROM locations WHERE code = ?');
  const count = database.prepare<[], { n: number }>('SELECT count(*) AS n FROM locations');

  return {
    upsert(location: NewLocation): number {
      upsert.run(location);
      const row = idByCode.get(location.code);
      if (!row) throw new Error(`location ${location.code} vanished after upsert`);
      return row.id;
    },
    list(): Location[] {
      return all.all().map(toLocation);
    },
    findByCode(code: string): Location | undefined {
      const row = byCode.get(code);
      return row ? toLocation(row) : undefined;
    },
    idMap(): Map<string, number> {
      return new Map(all.all().map((row) => [row.code, row.id]));
    },
    count(): number {
      return count.get()?.n ?? 0;
    },
  };
}

export type LocationRepository = ReturnType<typeof createLocationRepository>;
