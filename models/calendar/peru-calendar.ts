// Peru's public holidays (Ley 31788 and earlier laws) and commercial events that move food demand.
import { dayNumberOf, formatIsoDate, weekdayOf } from './dates';

export interface PeruEvent {
  date: string;
  name: string;
  kind: 'holiday' | 'event';
  /** Region where the event is local (e.g. 'Cusco'); absent for national ones. */
  region?: string;
}

/** Day number of Easter Sunday: the Anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8). */
export function easterSunday(year: number): number {
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

/** Day number of the n-th (1-based) given weekday (0 = Sunday) of a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): number {
  const first = dayNumberOf(year, month, 1);
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return first + offset + 7 * (n - 1);
}

export function peruEvents(year: number): PeruEvent[] {
  const events: PeruEvent[] = [];
  const holiday = (month: number, day: number, name: string) =>
    events.push({ date: formatIsoDate(dayNumberOf(year, month, day)), name, kind: 'holiday' });
  const event = (dayNumber: number, name: string, region?: string) =>
    events.push({ date: formatIsoDate(dayNumber), name, kind: 'event', ...(region ? { region } : {}) });

  const easter = easterSunday(year);
  holiday(1, 1, 'Año Nuevo');
  events.push({ date: formatIsoDate(easter - 3), name: 'Jueves Santo', kind: 'holiday' });
  events.push({ date: formatIsoDate(easter - 2), name: 'Viernes Santo', kind: 'holiday' });
  holiday(5, 1, 'Día del Trabajo');
  if (year >= 2024) holiday(6, 7, 'Batalla de Arica y Día de la Bandera');
  holiday(6, 29, 'San Pedro y San Pablo');
  holiday(7, 28, 'Fiestas Patrias');
  holiday(7, 29, 'Fiestas Patrias');
  if (year >= 2022) holiday(8, 6, 'Batalla de Junín');
  holiday(8, 30, 'Santa Rosa de Lima');
  holiday(10, 8, 'Combate de Angamos');
  holiday(11, 1, 'Todos los Santos');
  holiday(12, 8, 'Inmaculada Concepción');
  if (year >= 2022) holiday(12, 9, 'Batalla de Ayacucho');
  holiday(12, 25, 'Navidad');

  event(easter - 7, 'Domingo de Ramos');
  event(nthWeekdayOfMonth(year, 5, 0, 2), 'Día de la Madre');
  event(nthWeekdayOfMonth(year, 6, 0, 3), 'Día del Padre');
  event(dayNumberOf(year, 6, 24), 'Inti Raymi', 'Cusco');
  event(dayNumberOf(year, 10, 31), 'Día de la Canción Criolla');
  event(dayNumberOf(year, 12, 24), 'Nochebuena');
  event(dayNumberOf(year, 12, 31), 'Nochevieja');
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}
