// Seeded test data shared by the forecast_demand strategy tests: a 'grains' category of ten SKUs
// (two mature, six launched in 2025, one new, one delisted) at two DCs, daily Poisson sales
// from 2024-01-01 to 2026-06-17 with Saturday peaks and an 8-weekly promotion of GRA-001 in Lima.
import { dayNumberOf, formatIsoDate, partsOf } from '../../models/calendar/dates';
import { createRandom } from '../../models/stats/random';
import { createMemoryToolContext, type MemorySalesRow } from '../memory-tool-context';
import type { CatalogLocation, CatalogProduct, PlannedPromotion } from '../tool-context';

export const seededFirstDay = dayNumberOf(2024, 1, 1);
export const seededLastDay = dayNumberOf(2026, 6, 17); // a Wednesday
export const seededNow = () => new Date('2026-06-18T09:00:00Z');

export const seededLocations: CatalogLocation[] = [
  { code: 'LIM-1', name: 'CD Lima', region: 'Lima', city: 'Lima' },
  { code: 'CUZ-1', name: 'CD Cusco', region: 'Cusco', city: 'Cusco' },
];

interface Spec {
  sku: string;
  price: number;
  launch?: number;
  level: number;
  until?: number;
}

const specs: Spec[] = [
  { sku: 'GRA-001', price: 8, level: 30 },
  { sku: 'GRA-002', price: 9, level: 20 },
  ...[0, 1, 2, 3, 4, 5].map((index) => ({
    sku: `GRA-1${index}`,
    price: 7 + index * 0.5,
    launch: dayNumberOf(2025, 2 + index, 3),
    level: 10 + 2 * index,
  })),
  { sku: 'GRA-NEW', price: 8.5, launch: seededLastDay - 24, level: 16 },
  { sku: 'GRA-OLD', price: 6, level: 12, until: seededLastDay - 60 },
];

export const seededProducts: CatalogProduct[] = specs.map((spec) => ({
  sku: spec.sku,
  name: `Producto ${spec.sku}`,
  category: 'grains',
  launchDate: spec.launch === undefined ? null : formatIsoDate(spec.launch),
  lifecycleStage: spec.launch === undefined ? 'mature' : 'launch',
  price: spec.price,
}));

/** Promotion every 8th week (Monday-Sunday) of GRA-001 in Lima, selling 1.6x. */
const promoWeek = (day: number) => Math.floor((day - seededFirstDay) / 7) % 8 === 3;

/** Seeded Poisson demand: Saturdays 1.5x, launches ramp up over 4 weeks, Cusco half of Lima. */
function sales(): MemorySalesRow[] {
  const random = createRandom(4242);
  const rows: MemorySalesRow[] = [];
  for (let day = seededFirstDay; day <= seededLastDay; day += 1) {
    const saturday = partsOf(day).weekday === 6 ? 1.5 : 1;
    for (const spec of specs) {
      const start = spec.launch ?? seededFirstDay;
      if (day < start || (spec.until !== undefined && day > spec.until)) continue;
      const ramp = Math.min(1, (day - start + 7) / 28);
      for (const location of seededLocations) {
        const promo = spec.sku === 'GRA-001' && location.code === 'LIM-1' && promoWeek(day);
        const rate =
          spec.level * ramp * saturday * (location.code === 'CUZ-1' ? 0.5 : 1) * (promo ? 1.6 : 1);
        rows.push({
          date: formatIsoDate(day),
          sku: spec.sku,
          location: location.code,
          units: random.poisson(rate),
          promo,
          price: promo ? spec.price * 0.8 : spec.price,
        });
      }
    }
  }
  return rows;
}

export const seededRows: readonly MemorySalesRow[] = sales();

export function seededContext(
  data: readonly MemorySalesRow[] = seededRows,
  promotions: PlannedPromotion[] = [],
) {
  return createMemoryToolContext(
    { products: seededProducts, locations: seededLocations, sales: data, promotions },
    { now: seededNow },
  );
}
