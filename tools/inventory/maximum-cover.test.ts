import { describe, expect, it } from 'vitest';
import { policyTableAfter as tableAfter } from '../../models/inventory/service-level-policy.fixture';
import { excessThresholdUnits, MAXIMUM_COVER_DAYS, maximumCoverDays } from './maximum-cover';

const CATEGORY_NAMES: Record<string, string> = {
  Granos: 'grains',
  'Conservas de pescado': 'canned_fish',
  Condimentos: 'condiments',
  'Bebidas (no perecibles)': 'beverages',
  'Snacks (no perecibles)': 'snacks',
};

describe('maximumCoverDays', () => {
  it('holds the non-perishable rows of the cover table of niveles-de-servicio.md (else the code and the policy document drifted)', () => {
    const rows = tableAfter('## Coberturas').filter((row) => !row[0]!.startsWith('Perecibles'));
    const fromDocument = Object.fromEntries(
      rows.map((row) => {
        const code = CATEGORY_NAMES[row[0]!];
        expect(code, `category "${row[0]}" of the cover table`).toBeDefined();
        const days = (cell: string) => Number(/^(\d+) días$/.exec(cell)?.[1]);
        return [code, { limaAndProvince: days(row[2]!), iquitos: days(row[3]!) }];
      }),
    );
    expect(fromDocument).toEqual(MAXIMUM_COVER_DAYS);
    const perishableRow = tableAfter('## Coberturas').find((row) =>
      row[0]!.startsWith('Perecibles'),
    );
    expect(perishableRow?.slice(2)).toEqual(['50 % de la vida útil', '50 % de la vida útil']);
  });

  it('gives a perishable 50 % of its shelf life, never below L + 1 days (else perishables are judged by the wrong cover)', () => {
    const base = { category: 'dairy', locationCode: 'AQP', leadTimeDays: 2 };
    expect(maximumCoverDays({ ...base, shelfLifeDays: 28 }).days).toBe(14);
    expect(maximumCoverDays({ ...base, shelfLifeDays: 5, leadTimeDays: 4 })).toMatchObject({
      days: 5,
      rule: expect.stringContaining('lead time + 1'),
    });
    // a perishable beverage (chicha morada) is capped by its shelf life, not the beverage row
    expect(maximumCoverDays({ ...base, category: 'beverages', shelfLifeDays: 20 }).days).toBe(10);
  });

  it("takes the category's row, Iquitos' column at IQT, capped at 25 % of the shelf life (else non-perishable excess uses the wrong limit)", () => {
    const grains = { category: 'grains', shelfLifeDays: 540, leadTimeDays: 3 };
    expect(maximumCoverDays({ ...grains, locationCode: 'LIM-CALLAO' }).days).toBe(45);
    expect(maximumCoverDays({ ...grains, locationCode: 'IQT', leadTimeDays: 14 }).days).toBe(75);
    // a 60-day snack: 25 % of 60 = 15 days, below the snack row's 30
    expect(
      maximumCoverDays({ ...grains, category: 'snacks', shelfLifeDays: 60, locationCode: 'TRU' }),
    ).toMatchObject({ days: 15, rule: expect.stringContaining('25 %') });
    // the policy's own example: 45 days for a 180-day snack is above the row's 30
    expect(
      maximumCoverDays({ ...grains, category: 'snacks', shelfLifeDays: 180, locationCode: 'TRU' })
        .days,
    ).toBe(30);
  });

  it('gives non-perishable dairy the canned-fish row (rule 2) and an unknown category only the shelf-life cap (else such items get no limit or a made-up one)', () => {
    const milk = { category: 'dairy', shelfLifeDays: 365, locationCode: 'CIX', leadTimeDays: 4 };
    expect(maximumCoverDays(milk).days).toBe(60);
    expect(maximumCoverDays({ ...milk, shelfLifeDays: 180 }).days).toBe(45);
    expect(maximumCoverDays({ ...milk, category: 'frozen', shelfLifeDays: 200 }).days).toBe(50);
    expect(maximumCoverDays({ ...milk, category: 'frozen', shelfLifeDays: null })).toEqual({
      days: null,
      rule: 'no maximum cover for category frozen',
    });
  });

  it('refuses a zero shelf life and a negative lead time by name', () => {
    const base = { category: 'grains', locationCode: 'AQP' };
    expect(() => maximumCoverDays({ ...base, shelfLifeDays: 0, leadTimeDays: 2 })).toThrow(
      /shelfLifeDays/,
    );
    expect(() => maximumCoverDays({ ...base, shelfLifeDays: 90, leadTimeDays: -1 })).toThrow(
      /leadTimeDays/,
    );
  });
});

describe('excessThresholdUnits', () => {
  it('is the maximum cover times the mean forecast of the 28 days after each day (else days of cover are measured against the wrong demand)', () => {
    // day k forecasts k units: the 28 days after day d average d + 14.5
    const forecast = Array.from({ length: 40 }, (_unused, day) => day);
    const thresholds = excessThresholdUnits(forecast, 12, 10);
    expect(thresholds).toHaveLength(12);
    expect(thresholds[0]).toBeCloseTo(10 * 14.5, 10);
    expect(thresholds[11]).toBeCloseTo(10 * 25.5, 10);
  });

  it('averages the days left where the forecast ends within 28 days, and the last day where none is left (else the end of the horizon has no threshold)', () => {
    const forecast = [4, 4, 6, 8];
    expect(excessThresholdUnits(forecast, 4, 2)).toEqual([2 * 6, 2 * 7, 2 * 8, 2 * 8]);
  });

  it('refuses a forecast shorter than the horizon and a negative maximum by name', () => {
    expect(() => excessThresholdUnits([1, 2], 3, 10)).toThrow(/forecast: .*horizonDays \(3\)/);
    expect(() => excessThresholdUnits([1, 2], 2, -1)).toThrow(/maximumDays/);
  });
});
