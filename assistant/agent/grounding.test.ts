import { describe, expect, it } from 'vitest';
import { collectNumbers, extractFigures, findUngroundedFigures } from './grounding';

describe('extractFigures', () => {
  it('reads Spanish and English grouping, decimals, percentages and multipliers (else figures would be missed or misread)', () => {
    const figures = extractFigures(
      'Vendió 12.345 unidades (S/ 1,234.50), WAPE 11,2 % y 1,2 millones; 3k más',
    );
    expect(figures.map((figure) => figure.text)).toEqual([
      '12.345',
      '1,234.50',
      '11,2 %',
      '1,2 millones',
      '3k',
    ]);
    expect(figures[0]?.readings.map((reading) => reading.value)).toEqual([12.345, 12345]);
    expect(figures[3]?.readings.map((reading) => reading.value)).toContain(1_200_000);
    expect(figures[4]?.readings[0]?.value).toBe(3000);
  });

  it('skips numbers inside codes and citation labels (GRA-005, LIM-01, [doc.md#L12-L30], qwen3)', () => {
    expect(extractFigures('GRA-005 en LIM-01 según [politica-sop.md#L12-L30] con qwen3')).toEqual(
      [],
    );
  });
});

describe('collectNumbers', () => {
  it('walks nested results and reads numerals inside strings such as dates and labels', () => {
    const numbers = collectNumbers({ a: [1.5, { b: 'S/ 8,400' }], date: '2026-08-15' });
    expect(numbers).toEqual(expect.arrayContaining([1.5, 8400, 2026, 15]));
  });
});

describe('findUngroundedFigures', () => {
  const sources = [
    { forecast: [{ period: '2026-08', mean: 1234.56, lower: 980.2 }], wape: 0.1123 },
  ];

  it('accepts figures shown rounded from the results, percentages of fractions and the user own figures', () => {
    const answer =
      'Lima venderá unos 1.235 kg (entre 980 y 1,234.6) con WAPE 11,2%; pediste 500 g en agosto de 2026.';
    expect(findUngroundedFigures(answer, { sources, userText: 'quinoa 500 g en agosto' })).toEqual(
      [],
    );
  });

  it('flags a figure no tool produced (the model invented or summed it)', () => {
    const flagged = findUngroundedFigures('Total: 2.469 unidades, margen 35%.', {
      sources,
      userText: '',
    });
    expect(flagged.map((figure) => figure.text)).toEqual(['2.469', '35%']);
  });

  it('treats list numbering, small counts and years as prose, not claims', () => {
    const answer = '1. Revisa los 3 meses de 2025\n2. Luego el siguiente';
    expect(findUngroundedFigures(answer, { sources: [], userText: '' })).toEqual([]);
  });

  it('does not accept a rounding that the shown precision rules out (1,240 is not 1,234.56)', () => {
    expect(findUngroundedFigures('unos 1,240', { sources, userText: '' })).toHaveLength(1);
  });
});
