import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError } from '../../errors';
import { openStore, type Store } from '../store';
import {
  clearPlanningData,
  demoWindow,
  generateForOptions,
  loadDemoCompany,
  type DemoOptions,
} from './load';

const small: DemoOptions = {
  seed: 5,
  today: '2026-02-01',
  years: 1,
  skuCount: 21,
  locationCodes: ['LIM-CALLAO', 'CUS', 'IQT'],
};

const count = (store: Store, sql: string) =>
  store.database.prepare<[], { n: number }>(sql).get()?.n ?? Number.NaN;

describe('demoWindow', () => {
  it('ends the day before today and starts the same date the given years earlier', () => {
    expect(demoWindow('2026-11-23')).toEqual({ startDate: '2023-11-23', endDate: '2026-11-22' });
    expect(demoWindow('2026-03-01', 1)).toEqual({ startDate: '2025-03-01', endDate: '2026-02-28' });
  });
});

describe('loadDemoCompany', () => {
  it('writes consistent counts: sales rows = the sum over listings, one inventory row each, FKs hold', () => {
    const store = openStore({ path: ':memory:' });
    const summary = loadDemoCompany(store, small);
    const company = generateForOptions(small);
    let expectedRows = 0;
    let expectedUnits = 0;
    let expectedAnomalies = 0;
    for (const series of company.series()) {
      expectedRows += series.listing.lastDay - series.listing.firstDay + 1;
      expectedUnits += series.units.reduce((total, units) => total + units, 0);
      expectedAnomalies += series.anomalies.length;
    }
    expect(summary).toMatchObject({
      products: company.products.length,
      locations: 3,
      salesRows: expectedRows,
      inventoryRows: expectedRows,
      anomalies: expectedAnomalies,
      from: '2025-02-01',
      to: '2026-01-31',
    });
    expect(count(store, 'SELECT count(*) AS n FROM sales')).toBe(expectedRows);
    expect(count(store, 'SELECT count(*) AS n FROM inventory')).toBe(expectedRows);
    expect(count(store, 'SELECT sum(units) AS n FROM sales')).toBe(expectedUnits);
    expect(count(store, 'SELECT count(*) AS n FROM supply')).toBe(company.listings.length);
    expect(count(store, 'SELECT count(*) AS n FROM promotions')).toBe(company.promotions.length);
    expect(count(store, 'SELECT count(*) AS n FROM labelled_anomalies')).toBe(expectedAnomalies);
    expect(expectedAnomalies).toBeGreaterThan(0);
    expect(store.products.count()).toBe(company.products.length);
    expect(store.database.pragma('foreign_key_check')).toEqual([]);
    expect(
      count(
        store,
        "SELECT count(*) AS n FROM sales WHERE date < '2025-02-01' OR date > '2026-01-31'",
      ),
    ).toBe(0);
    store.close();
  });

  it('stores holidays for every year covered plus one, with Inti Raymi at the Cusco location only', () => {
    const store = openStore({ path: ':memory:' });
    loadDemoCompany(store, small);
    const cusco = store.locations.findByCode('CUS');
    const events = store.calendar.between('2025-01-01', '2027-12-31');
    const years = new Set(events.map((event) => event.date.slice(0, 4)));
    expect([...years].sort()).toEqual(['2025', '2026', '2027']);
    const intiRaymi = events.filter((event) => event.name === 'Inti Raymi');
    expect(intiRaymi.length).toBe(3);
    expect(intiRaymi.every((event) => event.locationId === cusco?.id)).toBe(true);
    const fiestasPatrias = events.filter((event) => event.name === 'Fiestas Patrias');
    expect(fiestasPatrias.every((event) => event.locationId === null)).toBe(true);
    expect(store.meta.get('demo_seed')).toBe('5');
    expect(store.meta.get('demo_generated_at')).toBe('2026-02-01');
    expect(store.meta.get('demo_version')).toBeDefined();
    store.close();
  });

  it('refuses a store that holds data, and reloads identically after clearPlanningData', () => {
    const store = openStore({ path: ':memory:' });
    loadDemoCompany(store, small);
    const units = count(store, 'SELECT sum(units) AS n FROM sales');
    expect(() => loadDemoCompany(store, small)).toThrow(ConflictError);
    store.transaction(() => {
      clearPlanningData(store);
      loadDemoCompany(store, small);
    });
    expect(count(store, 'SELECT sum(units) AS n FROM sales')).toBe(units);
    expect(store.meta.get('demo_seed')).toBe('5');
    store.close();
  });

  it('rejects bad options naming the field', () => {
    const store = openStore({ path: ':memory:' });
    expect(() => loadDemoCompany(store, { ...small, today: '2026-02-30' })).toThrow(
      InvalidInputError,
    );
    expect(() => loadDemoCompany(store, { ...small, today: '2026-02-30' })).toThrow(/today/);
    expect(() => loadDemoCompany(store, { ...small, seed: -1 })).toThrow(/seed/);
    expect(() => loadDemoCompany(store, { ...small, locationCodes: ['NOWHERE'] })).toThrow(
      /NOWHERE/,
    );
    expect(store.isEmpty()).toBe(true);
    store.close();
  });

  it('loads the full company (about 150 SKUs, 8 DCs, 3 years) in well under 30 s', () => {
    const store = openStore({ path: ':memory:' });
    const messages: string[] = [];
    const summary = loadDemoCompany(store, {
      seed: 1,
      today: '2026-11-23',
      onProgress: (message) => messages.push(message),
    });
    expect(summary.seconds).toBeLessThan(30);
    expect(summary.products).toBeGreaterThanOrEqual(140);
    expect(summary.locations).toBe(8);
    expect(summary.salesRows).toBeGreaterThan(700_000);
    expect(summary.anomalies).toBeGreaterThanOrEqual(40);
    expect(summary.anomalies).toBeLessThanOrEqual(80);
    expect(messages.at(-1)).toMatch(/100%/);
    expect(
      count(store, "SELECT count(*) AS n FROM promotions WHERE start_date > '2026-11-22'"),
    ).toBeGreaterThan(0);
    store.close();
  });
});
