// Calendar regressors for daily demand from Peru's holidays and events (peru-calendar.ts):
// one 0/1 indicator per group of days, so each group has a single lift estimable from 2-3
// years. Lead days before Navidad, Año Nuevo and Fiestas Patrias (shopping happens before the
// holiday, the holiday itself is often quiet), the weekend before Día de la Madre / del Padre;
// the minor one-day national holidays share one coefficient. Regional events count only for
// the matching region. (Indicator regressors with leads: Hyndman & Athanasopoulos, FPP3 7.4.)
import { partsOf } from '../../calendar/dates';
import { peruEvents } from '../../calendar/peru-calendar';
import { dayNumberOf } from '../../calendar/dates';

interface GroupSpec {
  name: string;
  /** Event names in peruEvents() whose dates anchor the group. */
  anchors: readonly string[];
  /** Days relative to each anchor date, inclusive. */
  from: number;
  to: number;
  region?: string;
}

const GROUPS: readonly GroupSpec[] = [
  { name: 'Víspera de Navidad (21-24 dic)', anchors: ['Navidad'], from: -4, to: -1 },
  { name: 'Navidad', anchors: ['Navidad'], from: 0, to: 0 },
  { name: 'Fin de año (30-31 dic)', anchors: ['Nochevieja'], from: -1, to: 0 },
  { name: 'Año Nuevo', anchors: ['Año Nuevo'], from: 0, to: 0 },
  {
    name: 'Víspera de Fiestas Patrias (25-27 jul)',
    anchors: ['Fiestas Patrias'],
    from: -3,
    to: -1,
  },
  { name: 'Fiestas Patrias (28-29 jul)', anchors: ['Fiestas Patrias'], from: 0, to: 0 },
  { name: 'Jueves y Viernes Santo', anchors: ['Jueves Santo', 'Viernes Santo'], from: 0, to: 0 },
  { name: 'Día de la Madre (viernes a domingo)', anchors: ['Día de la Madre'], from: -2, to: 0 },
  { name: 'Día del Padre (viernes a domingo)', anchors: ['Día del Padre'], from: -2, to: 0 },
  { name: 'Día de la Canción Criolla', anchors: ['Día de la Canción Criolla'], from: 0, to: 0 },
  {
    name: 'Otros feriados nacionales',
    anchors: [
      'Día del Trabajo',
      'Batalla de Arica y Día de la Bandera',
      'San Pedro y San Pablo',
      'Día de la Fuerza Aérea del Perú',
      'Batalla de Junín',
      'Santa Rosa de Lima',
      'Combate de Angamos',
      'Todos los Santos',
      'Inmaculada Concepción',
      'Batalla de Ayacucho',
    ],
    from: 0,
    to: 0,
  },
  { name: 'Inti Raymi (Cusco)', anchors: ['Inti Raymi'], from: 0, to: 0, region: 'Cusco' },
  {
    name: 'Señor de los Milagros (Lima)',
    anchors: ['Señor de los Milagros'],
    from: 0,
    to: 0,
    region: 'Lima',
  },
];

export interface CalendarGroup {
  name: string;
  /** Day numbers covered by the group between the first and last day asked for. */
  days: ReadonlySet<number>;
}

function sameRegion(left: string, right: string): boolean {
  return left.localeCompare(right, 'es', { sensitivity: 'base' }) === 0;
}

/** Every group's days from firstDay to lastDay (day numbers), regional ones only for `region`. */
export function calendarGroups(
  firstDay: number,
  lastDay: number,
  region?: string,
): CalendarGroup[] {
  const firstYear = partsOf(firstDay).year;
  const lastYear = partsOf(lastDay).year;
  const anchorsByName = new Map<string, number[]>();
  // One year either side so leads/lags crossing New Year are covered.
  for (let year = firstYear - 1; year <= lastYear + 1; year += 1) {
    for (const event of peruEvents(year)) {
      const [y, m, d] = event.date.split('-').map(Number) as [number, number, number];
      const list = anchorsByName.get(event.name) ?? [];
      list.push(dayNumberOf(y, m, d));
      anchorsByName.set(event.name, list);
    }
  }
  const groups: CalendarGroup[] = [];
  for (const spec of GROUPS) {
    if (spec.region !== undefined && (region === undefined || !sameRegion(spec.region, region))) {
      continue;
    }
    const days = new Set<number>();
    for (const anchor of spec.anchors) {
      for (const day of anchorsByName.get(anchor) ?? []) {
        for (let offset = spec.from; offset <= spec.to; offset += 1) {
          const target = day + offset;
          if (target >= firstDay && target <= lastDay) days.add(target);
        }
      }
    }
    groups.push({ name: spec.name, days });
  }
  return groups;
}

/** The distinct years in which the group has at least one day with positive weight. */
export function yearsObserved(
  group: CalendarGroup,
  firstDay: number,
  weights: Float64Array,
): number {
  const years = new Set<number>();
  for (const day of group.days) {
    const index = day - firstDay;
    if (index >= 0 && index < weights.length && weights[index]! > 0) years.add(partsOf(day).year);
  }
  return years.size;
}
