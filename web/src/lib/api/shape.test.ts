import { describe, expect, it } from 'vitest';
import { arrayOf, isoDay, literal, nullable, num, object, optional, str } from './shape';

describe('shape guards', () => {
  const row = object({
    day: isoDay,
    units: num,
    note: optional(str),
    kind: literal('a', 'b'),
    lower: nullable(num),
  });

  it('accepts a matching object with extra fields (else valid tool results would fall back to JSON)', () => {
    expect(row({ day: '2026-01-02', units: 3, kind: 'a', lower: null, extra: true })).toBe(true);
  });

  it('rejects a wrong field type, a missing field, NaN, a bad date and an unknown literal (else a malformed result would crash a view)', () => {
    expect(row({ day: '2026-01-02', units: '3', kind: 'a', lower: null })).toBe(false);
    expect(row({ day: '2026-01-02', kind: 'a', lower: null })).toBe(false);
    expect(row({ day: '2026-01-02', units: Number.NaN, kind: 'a', lower: null })).toBe(false);
    expect(row({ day: '2026-1-2', units: 3, kind: 'a', lower: null })).toBe(false);
    expect(row({ day: '2026-01-02', units: 3, kind: 'c', lower: null })).toBe(false);
    expect(row(null)).toBe(false);
  });

  it('checks every element of an array (else one bad row would slip through)', () => {
    expect(arrayOf(num)([1, 2, 3])).toBe(true);
    expect(arrayOf(num)([1, 'x'])).toBe(false);
    expect(arrayOf(num)({ length: 0 })).toBe(false);
  });
});
