// Peru's national public holidays (Decreto Legislativo 713, art. 6, as amended: Ley 31530 added
// 6 Aug and 9 Dec from 2022, Ley 31822 added 23 Jul from 2023, Ley 31788 added 7 Jun from 2024)
// and the commercial events that move food demand (fixed, moving with Easter, or nth Sundays).
import { dayNumberOf, formatIsoDate, weekdayOf } from './dates';

export interface PeruEvent {
  /** ISO date */
  date: string;
  name: string;
  kind: 'holiday' | 'event';
  /** Region where the event is local (e.g. 'Cusco' for Inti Raymi); absent for national ones. */
  region?: string;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`year: expected a Gregorian year from 1583 to 9999, got ${year}`);
  }
}

/**
 * Day number of Easter Sunday: the Anonymous Gregorian algorithm (Meeus-Jones-Butcher; Meeus,
 * Astronomical Algorithms, 2nd ed., ch. 8).
 */
export function easterSunday(year: number): number {
  checkYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month, day);
}

/** Day number of the n-th (1-based) weekday (0 = Sunday ... 6 = Saturday) of a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): number {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`month: expected 1-12, got ${month}`);
  }
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
    throw new RangeError(`weekday: expected 0 (Sunday) to 6 (Saturday), got ${weekday}`);
  }
  if (!Number.isInteger(n) || n < 1 || n > 4) throw new RangeError(`n: expected 1-4, got ${n}`);
  const first = dayNumberOf(year, month, 1);
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return first + offset + 7 * (n - 1);
}

/** Holidays and events of one year, sorted by date then name. Semana Santa is one event per day. */
export function peruEvents(year: number): PeruEvent[] {
  checkYear(year);
  const events: PeruEvent[] = [];
  const add = (dayNumber: number, name: string, kind: PeruEvent['kind'], region?: string) => {
    const event: PeruEvent = { date: formatIsoDate(dayNumber), name, kind };
    if (region !== undefined) event.region = region;
    events.push(event);
  };
  const holiday = (month: number, day: number, name: string) =>
    add(dayNumberOf(year, month, day), name, 'holiday');

  const easter = easterSunday(year);
  holiday(1, 1, 'Año Nuevo');
  add(easter - 3, 'Jueves Santo', 'holiday');
  add(easter - 2, 'Viernes Santo', 'holiday');
  holiday(5, 1, 'Día del Trabajo');
  if (year >= 2024) holiday(6, 7, 'Batalla de Arica y Día de la Bandera');
  holiday(6, 29, 'San Pedro y San Pablo');
  if (year >= 2023) holiday(7, 23, 'Día de la Fuerza Aérea del Perú');
  holiday(7, 28, 'Fiestas Patrias');
  holiday(7, 29, 'Fiestas Patrias');
  if (year >= 2022) holiday(8, 6, 'Batalla de Junín');
  holiday(8, 30, 'Santa Rosa de Lima');
  holiday(10, 8, 'Combate de Angamos');
  holiday(11, 1, 'Todos los Santos');
  holiday(12, 8, 'Inmaculada Concepción');
  if (year >= 2022) holiday(12, 9, 'Batalla de Ayacucho');
  holiday(12, 25, 'Navidad');

  add(easter - 46, 'Miércoles de Ceniza', 'event');
  add(easter - 7, 'Domingo de Ramos', 'event');
  for (let day = easter - 7; day < easter; day += 1) add(day, 'Semana Santa', 'event');
  add(easter, 'Domingo de Pascua', 'event');
  add(nthWeekdayOfMonth(year, 5, 0, 2), 'Día de la Madre', 'event');
  add(nthWeekdayOfMonth(year, 6, 0, 3), 'Día del Padre', 'event');
  add(dayNumberOf(year, 6, 24), 'Inti Raymi', 'event', 'Cusco');
  add(dayNumberOf(year, 10, 18), 'Señor de los Milagros', 'event', 'Lima');
  add(dayNumberOf(year, 10, 31), 'Día de la Canción Criolla', 'event');
  add(dayNumberOf(year, 12, 24), 'Nochebuena', 'event');
  add(dayNumberOf(year, 12, 31), 'Nochevieja', 'event');
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}
