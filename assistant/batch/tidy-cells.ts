// The time and value cells of a tidy file: each returns the reading or an Invalid (what is wrong
// with the value, and the fix), as the store's import cells do.
import { tryParseIsoDate } from '../../models/calendar/dates';
import { Invalid, readNumber } from '../store/import/cells';

const MISSING = new Set(['', 'na', 'nan', 'n/a', 'null']);
const INDEX = /^\d{1,15}$/;

export interface TimeCell {
  kind: 'date' | 'index';
  /** Day number of a date, or the index. */
  key: number;
}

/** tryParseIsoDate with a memo: a file repeats the same few thousand dates in every series. */
export function createDateMemo(): (text: string) => number | undefined {
  const memo = new Map<string, number | undefined>();
  return (text) => {
    if (memo.has(text)) return memo.get(text);
    if (memo.size >= 100_000) memo.clear();
    const day = tryParseIsoDate(text);
    memo.set(text, day);
    return day;
  };
}

/** An ISO date or a whole-number index. */
export function readTimeCell(
  text: string,
  dayOf: (text: string) => number | undefined,
): TimeCell | Invalid {
  if (INDEX.test(text)) return { kind: 'index', key: Number(text) };
  const day = dayOf(text);
  if (day !== undefined) return { kind: 'date', key: day };
  return new Invalid(
    'is neither an ISO date nor a whole-number index',
    'write dates as YYYY-MM-DD (e.g. 2024-03-01) or periods as 0, 1, 2, ...',
  );
}

/** A non-negative number; NaN for a missing one (empty, NA, NaN, N/A, null). */
export function readValueCell(text: string, delimiter: ',' | ';' | '\t'): number | Invalid {
  if (MISSING.has(text.toLowerCase())) return Number.NaN;
  const decimalComma = delimiter === ';';
  const reading = readNumber(text, decimalComma);
  if (reading === 'comma')
    return new Invalid(
      `has a comma in a ${delimiter === '\t' ? 'tab' : "','"}-separated file`,
      "write the number with a decimal point (12.5), or save the file with ';' as the delimiter to use decimal commas",
    );
  if (reading === 'ambiguous')
    return new Invalid(
      "is ambiguous in a ';' file (thousands separator or decimal point?)",
      `write ${text.replace('.', '')} for thousands or ${text.replace('.', ',')} for a decimal`,
    );
  if (reading === 'invalid')
    return new Invalid(
      'is not a number',
      `write the value as digits (e.g. ${decimalComma ? '12,5' : '12.5'}), or leave it empty (or NA) when it is missing`,
    );
  if (reading < 0)
    return new Invalid(
      'is negative',
      'demand must be >= 0; leave the cell empty (or NA) when it is missing, not negative',
    );
  return reading;
}
