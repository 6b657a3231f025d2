// What differs between categories in the demo company: weekly shape, default yearly shape, price
// and promotion response, pantry loading after promotions, trend, costs, brands and suppliers.
import type { Category, YearlyPattern } from './types';

export interface CategoryProfile {
  prefix: string;
  /** multipliers Sunday..Saturday (normalised to mean 1 when used) */
  weekly: readonly [number, number, number, number, number, number, number];
  pattern: YearlyPattern;
  /** amplitude of the category's own summer/winter swing (item patterns use their own) */
  amplitude: number;
  priceElasticity: number;
  promoElasticity: number;
  postPromoDip: number;
  /** mean log growth per year */
  trend: number;
  /** unit cost as a share of the list price: [min, max] */
  costShare: readonly [number, number];
  holdingCostRate: number;
  /** kg CO2e per kg of product, farm to DC incl. packaging (rounded from Poore & Nemecek 2018) */
  co2ePerKg: number;
  /** past promotions a year for a fast mover */
  promotionsPerYear: number;
  brands: readonly string[];
  /** central suppliers; fresh produce is bought from local wholesalers instead */
  suppliers: readonly string[];
}

export const CATEGORY_PROFILES: Record<Category, CategoryProfile> = {
  grains: {
    prefix: 'GRA',
    weekly: [0.8, 1.05, 0.95, 0.95, 1, 1.1, 1.15],
    pattern: 'winter',
    amplitude: 0.1,
    priceElasticity: 0.5,
    promoElasticity: 2.2,
    postPromoDip: 0.22,
    trend: 0.03,
    costShare: [0.66, 0.78],
    holdingCostRate: 0.18,
    co2ePerKg: 1.6,
    promotionsPerYear: 2.5,
    brands: ['Ayni', 'Sierra Viva', 'Granos del Ande'],
    suppliers: [
      'Molino Ayni (Lurín)',
      'Cooperativa Agraria de Puno',
      'Molinera del Norte (Chiclayo)',
    ],
  },
  dairy: {
    prefix: 'LAC',
    weekly: [0.9, 1.05, 1, 1, 1, 1, 1.05],
    pattern: 'summer',
    amplitude: 0.04,
    priceElasticity: 0.8,
    promoElasticity: 2.4,
    postPromoDip: 0.08,
    trend: 0.02,
    costShare: [0.6, 0.72],
    holdingCostRate: 0.32,
    co2ePerKg: 3.2,
    promotionsPerYear: 2.5,
    brands: ['Lácteos Mantaro', 'Pradera Andina', 'Ayni'],
    suppliers: ['Planta láctea Arequipa', 'Lácteos Mantaro (Huancayo)', 'Planta láctea Cajamarca'],
  },
  beverages: {
    prefix: 'BEB',
    weekly: [1.25, 0.8, 0.8, 0.85, 0.95, 1.2, 1.4],
    pattern: 'summer',
    amplitude: 0.28,
    priceElasticity: 1.3,
    promoElasticity: 3,
    postPromoDip: 0.18,
    trend: 0.01,
    costShare: [0.48, 0.62],
    holdingCostRate: 0.2,
    co2ePerKg: 0.4,
    promotionsPerYear: 3,
    brands: ['Costa Fresca', 'Ayni', 'Selva Viva'],
    suppliers: [
      'Embotelladora Ayni (Ate)',
      'Envasadora del Sur (Arequipa)',
      'Tostaduría Chanchamayo',
    ],
  },
  snacks: {
    prefix: 'SNA',
    weekly: [1.15, 0.85, 0.85, 0.9, 0.95, 1.15, 1.3],
    pattern: 'summer',
    amplitude: 0.08,
    priceElasticity: 1.5,
    promoElasticity: 3.2,
    postPromoDip: 0.12,
    trend: 0.04,
    costShare: [0.45, 0.6],
    holdingCostRate: 0.22,
    co2ePerKg: 2.8,
    promotionsPerYear: 3,
    brands: ['Crocantes del Norte', 'Dulce Tradición', 'Ayni'],
    suppliers: [
      'Planta de snacks Ayni (Lurín)',
      'Panificadora San Martín (Lima)',
      'Dulces de Lambayeque',
    ],
  },
  canned_fish: {
    prefix: 'CON',
    weekly: [0.8, 1, 1, 1, 1.05, 1.15, 1],
    pattern: 'winter',
    amplitude: 0.06,
    priceElasticity: 1.1,
    promoElasticity: 2.8,
    postPromoDip: 0.3,
    trend: 0,
    costShare: [0.6, 0.72],
    holdingCostRate: 0.18,
    co2ePerKg: 4.2,
    promotionsPerYear: 2.5,
    brands: ['Mar de Grau', 'Bahía Paracas', 'Ayni'],
    suppliers: ['Conservera de Chimbote', 'Conservera de Paita', 'Pesquera del Callao'],
  },
  fresh_produce: {
    prefix: 'FRE',
    weekly: [1.2, 0.85, 0.9, 0.9, 0.95, 1.05, 1.3],
    pattern: 'flat',
    amplitude: 0,
    priceElasticity: 0.6,
    promoElasticity: 1.8,
    postPromoDip: 0.03,
    trend: 0.02,
    costShare: [0.55, 0.7],
    holdingCostRate: 0.45,
    co2ePerKg: 0.5,
    promotionsPerYear: 1.5,
    brands: ['Campo Ayni', 'Valle Fértil'],
    suppliers: ['Mercado Mayorista'],
  },
  condiments: {
    prefix: 'SAZ',
    weekly: [0.95, 1, 0.95, 0.95, 1, 1.05, 1.1],
    pattern: 'winter',
    amplitude: 0.06,
    priceElasticity: 0.6,
    promoElasticity: 2.2,
    postPromoDip: 0.2,
    trend: 0.03,
    costShare: [0.5, 0.62],
    holdingCostRate: 0.2,
    co2ePerKg: 2.2,
    promotionsPerYear: 2,
    brands: ['Sazón Criolla', 'Ayni'],
    suppliers: ['Planta de salsas Ayni (Lurín)', 'Aceitera del Pacífico (Callao)'],
  },
};

/** kg CO2e per kg for products far from their category's mean (rounded from Poore & Nemecek 2018). */
export const CO2E_OVERRIDES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^Arroz/, 2.7],
  [/^(Queso|Requesón)/, 10.5],
  [/^Mantequilla/, 9.3],
  [/^Café/, 16.5],
  [/^Chocola|^Chocotejas/, 18.7],
  [/^Aceite de oliva/, 5.4],
  [/^Aceite/, 3.3],
  [/^Palta/, 1.3],
  [/^Pulpo/, 6.5],
];

/** Superfood grains and a few others grow faster than their category (log growth a year). */
export const TREND_OVERRIDES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(Quinoa|Kiwicha|Cañihua|Harina de maca|Barra de quinoa|Cereal de quinoa)/, 0.1],
  [/^Gaseosa/, -0.03],
  [/^(Leche sin lactosa|Yogurt griego|Kéfir)/, 0.09],
];

/** Sunday..Saturday multipliers with mean exactly 1. */
export function normalisedWeekly(category: Category): Float64Array {
  const weekly = CATEGORY_PROFILES[category].weekly;
  const mean = weekly.reduce((total, value) => total + value, 0) / 7;
  return Float64Array.from(weekly, (value) => value / mean);
}

export function isPerishable(shelfLifeDays: number): boolean {
  return shelfLifeDays <= 45;
}
