import { describe, expect, it } from 'vitest';
import { foldText, indexTerm, stemSpanish, termsOf, tokenizeText } from './spanish-text';

describe('spanish text processing', () => {
  it('folds accents and case, so "Línea" and "linea" are one term', () => {
    expect(foldText('Línea de Producción ÑAÑA')).toBe('linea de produccion nana');
    expect(termsOf('Línea')).toEqual(termsOf('linea'));
  });

  it('keeps product codes whole instead of splitting GRA-005 into "gra" and "005"', () => {
    expect(tokenizeText('El SKU GRA-005 y LAC-12B.')).toEqual([
      'el',
      'sku',
      'gra-005',
      'y',
      'lac-12b',
    ]);
    expect(indexTerm('gra-005')).toBe('gra-005');
  });

  it('drops Spanish and English stop words but keeps content words', () => {
    expect(termsOf('la política de la empresa y the policy')).toEqual([
      'politic',
      'empres',
      'policy',
    ]);
  });

  // Expected values worked out by hand from Savoy's rules (Lucene SpanishLightStemmer).
  it.each([
    ['lineas', 'line'],
    ['linea', 'line'],
    ['politicas', 'politic'],
    ['vencimientos', 'vencimient'],
    ['producciones', 'produccion'],
    ['luces', 'luz'],
    ['meses', 'mes'],
    ['casa', 'casa'],
    ['calidad', 'calidad'],
  ])('stems %s to %s (else singular and plural would not match)', (word, stem) => {
    expect(stemSpanish(word)).toBe(stem);
  });

  it('conflates singular and plural of the same noun', () => {
    for (const [singular, plural] of [
      ['defecto', 'defectos'],
      ['envase', 'envases'],
      ['tolerancia', 'tolerancias'],
      ['inventario', 'inventarios'],
    ] as const) {
      expect(stemSpanish(plural)).toBe(stemSpanish(singular));
    }
  });

  it('leaves numbers alone (a "95" target must not be stemmed)', () => {
    expect(termsOf('nivel 95 por ciento')).toEqual(['nivel', '95', 'cient']);
  });
});
