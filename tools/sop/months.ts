// Calendar-month arithmetic on `YYYY-MM` strings and ISO dates (UTC, no time zones involved).

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function parseMonth(month: string, name: string): { year: number; month: number } {
  const match = monthPattern.exec(month);
  if (!match) throw new RangeError(`${name} must be a month YYYY-MM, e.g. 2026-10; got "${month}"`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

function formatMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Number of days in the month. */
export function daysInMonth(month: string): number {
  const parsed = parseMonth(month, 'month');
  return new Date(Date.UTC(parsed.year, parsed.month, 0)).getUTCDate();
}

/** First day of the month as an ISO date: monthStart('2026-10') = '2026-10-01'. */
export function monthStart(month: string): string {
  parseMonth(month, 'month');
  return `${month}-01`;
}

/** Last day of the month as an ISO date: monthEnd('2024-02') = '2024-02-29'. */
export function monthEnd(month: string): string {
  return `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
}

/** The month `count` months later (negative: earlier): addMonths('2026-11', 2) = '2027-01'. */
export function addMonths(month: string, count: number): string {
  if (!Number.isInteger(count)) throw new RangeError(`count must be an integer; got ${count}`);
  const parsed = parseMonth(month, 'month');
  const index = parsed.year * 12 + (parsed.month - 1) + count;
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** The month before: previousMonth('2026-01') = '2025-12'. */
export function previousMonth(month: string): string {
  return addMonths(month, -1);
}

/** The day before the month starts: lastDayBefore('2026-03') = '2026-02-28'. */
export function lastDayBefore(month: string): string {
  return monthEnd(previousMonth(month));
}

/** The month an ISO date falls in: monthOf('2026-10-15') = '2026-10'. */
export function monthOf(date: string): string {
  if (!datePattern.test(date))
    throw new RangeError(`date must be an ISO date YYYY-MM-DD; got "${date}"`);
  const month = date.slice(0, 7);
  parseMonth(month, 'date');
  return month;
}

/** Whole months from `from` to `to` (to - from); negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
  const start = parseMonth(from, 'from');
  const end = parseMonth(to, 'to');
  return (end.year - start.year) * 12 + (end.month - start.month);
}

/** True when the string is a valid `YYYY-MM` month. */
export function isMonth(value: string): boolean {
  return monthPattern.test(value);
}
