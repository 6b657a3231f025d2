// The demo company's distribution centres: two in Lima, six in the regions. Iquitos has no road
// link: dry goods go by river from Yurimaguas/Pucallpa (two weeks), chilled goods by air.
import type { DemoLocation } from './types';

export const LOCATIONS: readonly DemoLocation[] = [
  {
    code: 'LIM-CALLAO',
    name: 'CD Lima Callao',
    region: 'Lima',
    city: 'Callao',
    kind: 'dc',
    sizeFactor: 1,
    leadTimeDays: 2,
    leadTimeSdDays: 0.5,
    freshLeadTimeDays: 1,
    freshLeadTimeSdDays: 0.3,
    orderCost: 80,
    climate: 1,
    listingProbability: 0.97,
    perishableListingProbability: 0.97,
  },
  {
    code: 'LIM-ATE',
    name: 'CD Lima Ate',
    region: 'Lima',
    city: 'Lima',
    kind: 'dc',
    sizeFactor: 0.8,
    leadTimeDays: 1,
    leadTimeSdDays: 0.4,
    freshLeadTimeDays: 1,
    freshLeadTimeSdDays: 0.3,
    orderCost: 70,
    climate: 1,
    listingProbability: 0.95,
    perishableListingProbability: 0.95,
  },
  {
    code: 'AQP',
    name: 'CD Arequipa',
    region: 'Arequipa',
    city: 'Arequipa',
    kind: 'dc',
    sizeFactor: 0.42,
    leadTimeDays: 4,
    leadTimeSdDays: 1,
    freshLeadTimeDays: 2,
    freshLeadTimeSdDays: 0.5,
    orderCost: 150,
    climate: 0.6,
    listingProbability: 0.82,
    perishableListingProbability: 0.72,
  },
  {
    code: 'TRU',
    name: 'CD Trujillo',
    region: 'La Libertad',
    city: 'Trujillo',
    kind: 'dc',
    sizeFactor: 0.38,
    leadTimeDays: 3,
    leadTimeSdDays: 0.8,
    freshLeadTimeDays: 2,
    freshLeadTimeSdDays: 0.5,
    orderCost: 130,
    climate: 1,
    listingProbability: 0.8,
    perishableListingProbability: 0.75,
  },
  {
    code: 'CIX',
    name: 'CD Chiclayo',
    region: 'Lambayeque',
    city: 'Chiclayo',
    kind: 'dc',
    sizeFactor: 0.3,
    leadTimeDays: 3,
    leadTimeSdDays: 1,
    freshLeadTimeDays: 2,
    freshLeadTimeSdDays: 0.5,
    orderCost: 140,
    climate: 0.9,
    listingProbability: 0.72,
    perishableListingProbability: 0.65,
  },
  {
    code: 'PIU',
    name: 'CD Piura',
    region: 'Piura',
    city: 'Piura',
    kind: 'dc',
    sizeFactor: 0.28,
    leadTimeDays: 4,
    leadTimeSdDays: 1.2,
    freshLeadTimeDays: 2,
    freshLeadTimeSdDays: 0.6,
    orderCost: 150,
    climate: 0.9,
    listingProbability: 0.7,
    perishableListingProbability: 0.6,
  },
  {
    code: 'CUS',
    name: 'CD Cusco',
    region: 'Cusco',
    city: 'Cusco',
    kind: 'dc',
    sizeFactor: 0.24,
    leadTimeDays: 5,
    leadTimeSdDays: 1.5,
    freshLeadTimeDays: 2,
    freshLeadTimeSdDays: 0.7,
    orderCost: 180,
    climate: 0.4,
    listingProbability: 0.68,
    perishableListingProbability: 0.55,
  },
  {
    code: 'IQT',
    name: 'CD Iquitos',
    region: 'Loreto',
    city: 'Iquitos',
    kind: 'dc',
    sizeFactor: 0.12,
    leadTimeDays: 14,
    leadTimeSdDays: 4,
    freshLeadTimeDays: 3,
    freshLeadTimeSdDays: 1,
    orderCost: 420,
    climate: 0.2,
    listingProbability: 0.5,
    perishableListingProbability: 0.3,
  },
];

/** Regional tastes: products that sell better (or worse) in some places. */
const REGIONAL_TASTES: ReadonlyArray<readonly [RegExp, readonly string[], number]> = [
  [/^(Chifles|King Kong|Camote frito)/, ['PIU', 'CIX', 'TRU'], 2],
  [/camu camu|^Agua de coco/, ['IQT'], 4],
  [/^(Quinoa|Cañihua|Kiwicha|Mate de coca|Harina de maca)/, ['CUS', 'AQP'], 1.6],
  [/^Queso (paria|andino)/, ['AQP', 'CUS'], 1.5],
  [/^(Turrón|Sazonador para anticuchos)/, ['LIM-CALLAO', 'LIM-ATE'], 1.3],
  [/^(Emoliente|Mate de coca)/, ['IQT', 'PIU'], 0.4],
];

/** Multiplier on a product's level at a location from regional tastes (1 when none applies). */
export function regionalTaste(productName: string, locationCode: string): number {
  let factor = 1;
  for (const [pattern, codes, multiplier] of REGIONAL_TASTES) {
    if (pattern.test(productName) && codes.includes(locationCode)) factor *= multiplier;
  }
  return factor;
}

export function locationByCode(code: string): DemoLocation | undefined {
  return LOCATIONS.find((location) => location.code === code);
}
