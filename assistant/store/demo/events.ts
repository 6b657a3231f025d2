// Holiday and event effects on demand by category, as multipliers on days around each event, and
// the calendar rows (national, or per location for regional events) that go to the store.
import { parseIsoDate, partsOf } from '../../../models/calendar/dates';
import { peruEvents } from '../../../models/calendar/peru-calendar';
import type { Category, DemoCalendarEvent, DemoLocation } from './types';

interface EventRule {
  /** the event whose first day (in its year) anchors the window */
  anchor: string;
  from: number;
  to: number;
  effects: Partial<Record<Category, number>>;
  /** multiplier for categories not in effects (default 1) */
  others?: number;
}

const RULES: readonly EventRule[] = [
  // Fiestas Patrias: gatherings and travel; beverages and snacks bought in the days before
  {
    anchor: 'Fiestas Patrias',
    from: -6,
    to: -1,
    effects: {
      beverages: 1.9,
      snacks: 1.6,
      condiments: 1.25,
      fresh_produce: 1.2,
      grains: 1.1,
      dairy: 1.1,
      canned_fish: 1.05,
    },
  },
  {
    anchor: 'Fiestas Patrias',
    from: 0,
    to: 0,
    effects: { beverages: 1.5, snacks: 1.3 },
    others: 0.85,
  },
  {
    anchor: 'Fiestas Patrias',
    from: 1,
    to: 1,
    effects: { beverages: 1.2, snacks: 1.1 },
    others: 0.75,
  },
  // Semana Santa: no meat, fish and legume dishes (the siete potajes)
  {
    anchor: 'Domingo de Pascua',
    from: -7,
    to: -4,
    effects: { canned_fish: 2.4, grains: 1.3, fresh_produce: 1.1 },
  },
  {
    anchor: 'Domingo de Pascua',
    from: -3,
    to: -3,
    effects: { canned_fish: 2, grains: 1.2 },
    others: 0.9,
  },
  { anchor: 'Domingo de Pascua', from: -2, to: -2, effects: { canned_fish: 1.2 }, others: 0.65 },
  { anchor: 'Domingo de Pascua', from: -1, to: -1, effects: { canned_fish: 1.1 } },
  { anchor: 'Domingo de Pascua', from: 0, to: 0, effects: {}, others: 0.9 },
  { anchor: 'Miércoles de Ceniza', from: 0, to: 38, effects: { canned_fish: 1.2 } },
  {
    anchor: 'Día de la Madre',
    from: -4,
    to: -1,
    effects: { dairy: 1.3, snacks: 1.5, beverages: 1.15, fresh_produce: 1.1 },
  },
  { anchor: 'Día de la Madre', from: 0, to: 0, effects: { snacks: 1.2, dairy: 1.1 }, others: 0.9 },
  {
    anchor: 'Día del Padre',
    from: -3,
    to: -1,
    effects: { beverages: 1.35, snacks: 1.2, condiments: 1.15 },
  },
  {
    anchor: 'Inti Raymi',
    from: -6,
    to: 0,
    effects: { beverages: 1.8, snacks: 1.5, grains: 1.15, dairy: 1.1 },
  },
  { anchor: 'Señor de los Milagros', from: 0, to: 10, effects: { snacks: 1.12 } },
  {
    anchor: 'Día de la Canción Criolla',
    from: -2,
    to: 0,
    effects: { beverages: 1.25, snacks: 1.2 },
  },
  // Christmas: chocolatada, panetón, the Nochebuena dinner; 25 December is quiet
  {
    anchor: 'Nochebuena',
    from: -10,
    to: -2,
    effects: {
      snacks: 1.35,
      dairy: 1.3,
      beverages: 1.3,
      fresh_produce: 1.2,
      condiments: 1.2,
      grains: 1.05,
    },
  },
  { anchor: 'Nochebuena', from: -1, to: -1, effects: {}, others: 1.5 },
  { anchor: 'Nochebuena', from: 0, to: 0, effects: {}, others: 1.35 },
  { anchor: 'Nochebuena', from: 1, to: 1, effects: {}, others: 0.4 },
  // New Year's Eve: toasts and the twelve grapes; 1 January is quiet
  {
    anchor: 'Nochevieja',
    from: -2,
    to: -1,
    effects: { beverages: 1.5, snacks: 1.3, fresh_produce: 1.3 },
  },
  {
    anchor: 'Nochevieja',
    from: 0,
    to: 0,
    effects: { beverages: 1.6, fresh_produce: 1.4, snacks: 1.2 },
    others: 0.9,
  },
  { anchor: 'Nochevieja', from: 1, to: 1, effects: {}, others: 0.45 },
];

/** Holidays with their own rules above; every other holiday gets the generic day-off effect. */
const OWN_RULES = new Set([
  'Año Nuevo',
  'Jueves Santo',
  'Viernes Santo',
  'Fiestas Patrias',
  'Navidad',
]);
const HOLIDAY_EVE = 1.1;
const HOLIDAY = 0.8;

/**
 * Multipliers on days startDay..startDay+length-1 for a category at a location in `region`: the
 * product of every rule window covering the day (national events, and this region's).
 */
export function eventMultipliers(
  category: Category,
  region: string,
  startDay: number,
  length: number,
): Float64Array {
  const factors = new Float64Array(length).fill(1);
  const apply = (day: number, factor: number) => {
    const index = day - startDay;
    if (index >= 0 && index < length) factors[index] = (factors[index] ?? 1) * factor;
  };
  const firstYear = partsOf(startDay).year - 1;
  const lastYear = partsOf(startDay + length).year + 1;
  for (let year = firstYear; year <= lastYear; year += 1) {
    const anchors = new Map<string, number>();
    for (const event of peruEvents(year)) {
      if (event.region !== undefined && event.region !== region) continue;
      const day = parseIsoDate(event.date);
      if (!anchors.has(event.name)) anchors.set(event.name, day);
      if (event.kind === 'holiday' && !OWN_RULES.has(event.name)) {
        apply(day - 1, HOLIDAY_EVE);
        apply(day, HOLIDAY);
      }
    }
    for (const rule of RULES) {
      const anchor = anchors.get(rule.anchor);
      if (anchor === undefined) continue;
      const factor = rule.effects[category] ?? rule.others ?? 1;
      if (factor === 1) continue;
      for (let offset = rule.from; offset <= rule.to; offset += 1) apply(anchor + offset, factor);
    }
  }
  return factors;
}

/**
 * Calendar rows for the years firstYear..lastYear: national events once (location null), regional
 * events once per location in that region (none when no such location is in the company).
 */
export function calendarRows(
  firstYear: number,
  lastYear: number,
  locations: readonly DemoLocation[],
): DemoCalendarEvent[] {
  const rows: DemoCalendarEvent[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    for (const event of peruEvents(year)) {
      if (event.region === undefined) {
        rows.push({ date: event.date, name: event.name, kind: event.kind, location: null });
        continue;
      }
      for (const location of locations) {
        if (location.region === event.region) {
          rows.push({
            date: event.date,
            name: event.name,
            kind: event.kind,
            location: location.code,
          });
        }
      }
    }
  }
  return rows;
}
