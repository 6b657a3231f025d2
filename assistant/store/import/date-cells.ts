// Date cells: ISO YYYY-MM-DD everywhere; DD/MM/YYYY also in ';' files (Excel in Peru), refusing
// month-first dates there. Parsed to day numbers (models/calendar/dates.ts).
import { dayNumberOf, formatIsoDate, tryParseIsoDate } from '../../../models/calendar/dates';
import { delimiterName, Invalid, quote, type CellFormat, type CellParser } from './cells';

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const FIRST_DAY = dayNumberOf(1900, 1, 1);
const LAST_DAY = dayNumberOf(2199, 12, 31);

/** Day numbers (days since 1970-01-01) of dates 1900-01-01 ... 2199-12-31, the range accepted. */
export const DATE_RANGE = { first: FIRST_DAY, last: LAST_DAY } as const;

function validDay(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const dayNumber = dayNumberOf(year, month, day);
  return formatIsoDate(dayNumber) ===
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    ? dayNumber
    : undefined;
}

/** A date cell parsed to a day number. Results are cached per text: files repeat few dates. */
export function dateCell(
  column: string,
  required: boolean,
  format: CellFormat,
): CellParser<number | null> {
  const cache = new Map<string, number | null | Invalid>();
  const empty = new Invalid(`${column} is empty`, 'every row needs a date (YYYY-MM-DD)');
  const parse = (raw: string): number | null | Invalid => {
    const text = raw.trim();
    if (text === '') return required ? empty : null;
    const day = tryParseIsoDate(text);
    if (day === undefined) {
      const slash = SLASH_DATE.exec(text);
      if (slash) return slashDate(column, raw, slash, format);
      if (/^\d{4}-\d{2}-\d{2}$/.test(text))
        return new Invalid(`${column} ${quote(raw)} is not a calendar date`, 'use YYYY-MM-DD');
      if (/^\d{4}-\d{2}-\d{2}[T ]/.test(text))
        return new Invalid(
          `${column} ${quote(raw)} has a time part`,
          'write the date alone as YYYY-MM-DD',
        );
      return new Invalid(`${column} ${quote(raw)} is not a date`, 'use YYYY-MM-DD (ISO 8601)');
    }
    if (day < FIRST_DAY || day > LAST_DAY)
      return new Invalid(`${column} ${quote(raw)} is out of range`, 'dates must fall in 1900-2199');
    return day;
  };
  return (raw) => {
    let result = cache.get(raw);
    if (result === undefined) {
      if (cache.size >= 20_000) cache.clear();
      result = parse(raw);
      cache.set(raw, result);
    }
    return result;
  };
}

function slashDate(
  column: string,
  raw: string,
  match: RegExpExecArray,
  format: CellFormat,
): number | Invalid {
  if (!format.dayFirstSlashDates)
    return new Invalid(
      `${column} ${quote(raw)} is not an ISO date`,
      `use YYYY-MM-DD (a ${delimiterName(format.delimiter)}-separated file cannot tell DD/MM from MM/DD)`,
    );
  const first = Number(match[1]);
  const second = Number(match[2]);
  const yearText = match[3] ?? '';
  if (yearText.length === 2)
    return new Invalid(
      `${column} ${quote(raw)} has a two-digit year`,
      'use YYYY-MM-DD or DD/MM/YYYY',
    );
  const year = Number(yearText);
  const day = validDay(year, second, first);
  if (day === undefined) {
    const monthFirst = validDay(year, first, second);
    return monthFirst !== undefined
      ? new Invalid(
          `${column} ${quote(raw)} is month-first (MM/DD/YYYY), but this file's slash dates are read day-first (DD/MM/YYYY)`,
          'use YYYY-MM-DD',
        )
      : new Invalid(
          `${column} ${quote(raw)} is not a calendar date`,
          'use YYYY-MM-DD or DD/MM/YYYY',
        );
  }
  if (day < FIRST_DAY || day > LAST_DAY)
    return new Invalid(`${column} ${quote(raw)} is out of range`, 'dates must fall in 1900-2199');
  return day;
}

/** ISO text of a day number, memoised over the accepted range (writes repeat few dates). */
export function createIsoDateFormatter(): (day: number) => string {
  const texts = new Map<number, string>();
  return (day) => {
    let text = texts.get(day);
    if (text === undefined) {
      if (texts.size >= 50_000) texts.clear();
      text = formatIsoDate(day);
      texts.set(day, text);
    }
    return text;
  };
}
