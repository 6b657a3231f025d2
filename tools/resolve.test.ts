import { describe, expect, it } from 'vitest';
import { normaliseName, resolveCategory, resolveLocationScope, resolveProduct } from './resolve';
import type { CatalogLocation, CatalogProduct } from './tool-context';
import { ResolutionError } from './tool-errors';

const product = (sku: string, name: string, category = 'grains'): CatalogProduct => ({
  sku,
  name,
  category,
  launchDate: null,
  lifecycleStage: null,
});

const products = [
  product('GRA-001', 'Quinoa 500g'),
  product('GRA-002', 'Quinoa blanca 1 kg'),
  product('GRA-003', 'Arroz extra 5 kg'),
  product('GRA-004', 'Arroz extra 750 g'),
  product('DAI-001', 'Yogurt bebible fresa 1 L', 'dairy'),
  product('DAI-002', 'Yogurt bebible lúcuma 1 L', 'dairy'),
  product('DAI-003', 'Requesón 250 g', 'dairy'),
];

const locations: CatalogLocation[] = [
  { code: 'LIM-CALLAO', name: 'CD Lima Callao', region: 'Lima', city: 'Callao' },
  { code: 'LIM-ATE', name: 'CD Lima Ate', region: 'Lima', city: 'Lima' },
  { code: 'AQP', name: 'CD Arequipa', region: 'Arequipa', city: 'Arequipa' },
  { code: 'CUZ', name: 'CD Cusco', region: 'Cusco', city: 'Cusco' },
];

function resolutionError(run: () => unknown): ResolutionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ResolutionError) return error;
    throw error;
  }
  throw new Error('expected a ResolutionError');
}

describe('normaliseName', () => {
  it('drops accents and case and splits numbers from units, or Spanish names would not match', () => {
    expect(normaliseName('Requesón 250g')).toBe('requeson 250 g');
    expect(normaliseName('  YOGURT  Lúcuma 1Lt ')).toBe('yogurt lucuma 1 l');
    expect(normaliseName('Leche 0,5 litros')).toBe('leche 0.5 l');
  });
});

describe('resolveProduct', () => {
  it('finds a product by its code in any case, or codes typed by users would fail', () => {
    expect(resolveProduct('gra-003', products).sku).toBe('GRA-003');
  });

  it('finds "quinua 500 g" as "Quinoa 500g": one typo, spacing and case do not matter', () => {
    expect(resolveProduct('quinua 500 g', products).sku).toBe('GRA-001');
  });

  it('finds an accented name typed without accents, or "requeson" would be unknown', () => {
    expect(resolveProduct('requeson', products).sku).toBe('DAI-003');
  });

  it('prefers the one name the query covers completely over longer names containing it', () => {
    const withLonger = [...products, product('GRA-009', 'Quinoa 500g orgánica')];
    expect(resolveProduct('Quinoa 500 g', withLonger).sku).toBe('GRA-001');
  });

  it('reports an ambiguous name with every candidate, or the model could not ask the user', () => {
    const error = resolutionError(() => resolveProduct('arroz extra', products));
    expect(error.problem).toBe('ambiguous');
    expect(error.field).toBe('product');
    expect(error.candidates.map((candidate) => candidate.code)).toEqual(['GRA-003', 'GRA-004']);
    expect(error.message).toContain('GRA-004 "Arroz extra 750 g"');
  });

  it('reports an unknown name with the closest names, or the user gets no hint', () => {
    const error = resolutionError(() => resolveProduct('yogurt durazno', products));
    expect(error.problem).toBe('unknown');
    expect(error.candidates.map((candidate) => candidate.code)).toEqual(['DAI-001', 'DAI-002']);
    expect(error.message).toContain('no product matches "yogurt durazno"');
  });

  it('does not treat different pack sizes as typos, or 750 g would resolve to 5 kg', () => {
    const error = resolutionError(() => resolveProduct('arroz extra 75 g', products));
    expect(error.problem).toBe('unknown');
  });

  it('reports an unknown SKU with no candidates when nothing is close', () => {
    const error = resolutionError(() => resolveProduct('XYZ-999', products));
    expect(error).toMatchObject({ problem: 'unknown', candidates: [] });
  });

  it('suggests a code a typo away and ignores shared pack sizes, or hints would be noise', () => {
    const typo = resolutionError(() => resolveProduct('GRA-03', products));
    expect(typo.candidates[0]?.code).toBe('GRA-003');
    const sizeOnly = resolutionError(() => resolveProduct('XYZ 1 L', products));
    expect(sizeOnly.candidates).toEqual([]);
  });
});

describe('resolveCategory', () => {
  it('accepts the Spanish name of an English category key, or "lácteos" would be unknown', () => {
    const categories = ['beverages', 'canned_fish', 'dairy', 'grains'];
    expect(resolveCategory('Lácteos', categories)).toBe('dairy');
    expect(resolveCategory('canned fish', categories)).toBe('canned_fish');
    expect(resolveCategory('conservas', categories)).toBe('canned_fish');
  });

  it('matches a category case-insensitively and with a typo, or "Dairi" would fail', () => {
    expect(resolveCategory('Dairi', ['beverages', 'dairy', 'grains'])).toBe('dairy');
  });
});

describe('resolveLocationScope', () => {
  it('takes an exact region name as the whole region, not one location containing it', () => {
    const scope = resolveLocationScope('lima', locations);
    expect(scope).toMatchObject({ kind: 'region', region: 'Lima' });
    expect(scope.codes).toEqual(['LIM-CALLAO', 'LIM-ATE']);
  });

  it('finds a location by code and by part of its name', () => {
    expect(resolveLocationScope('aqp', locations)).toMatchObject({
      kind: 'location',
      codes: ['AQP'],
    });
    expect(resolveLocationScope('callao', locations)).toMatchObject({ codes: ['LIM-CALLAO'] });
  });

  it('reports an ambiguous location name with both locations', () => {
    const error = resolutionError(() => resolveLocationScope('CD Lima', locations));
    expect(error.problem).toBe('ambiguous');
    expect(error.candidates.map((candidate) => candidate.code)).toEqual(['LIM-CALLAO', 'LIM-ATE']);
  });

  it('reports an unknown place naming the field', () => {
    const error = resolutionError(() => resolveLocationScope('Tacna', locations, 'location'));
    expect(error).toMatchObject({ problem: 'unknown', field: 'location' });
  });
});
