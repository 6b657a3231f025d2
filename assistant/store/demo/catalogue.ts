// Builds the demo catalogue: SKU codes, GS1 EAN-13 barcodes, brands, costs, CO2e, and each
// product's generative parameters (level, lifecycle, price history), all from per-SKU RNG streams.
import { formatIsoDate } from '../../../models/calendar/dates';
import type { Random } from '../../../models/stats/random';
import { CATEGORY_PROFILES, CO2E_OVERRIDES, TREND_OVERRIDES } from './categories';
import { ITEMS } from './catalogue-data';
import {
  CATEGORIES,
  type Category,
  type DemoProduct,
  type LifecycleStage,
  type ProductModel,
  type Tier,
  type YearlyPattern,
} from './types';

/** GS1 company prefix of the demo company: 775 is Peru's GS1 country prefix. */
const COMPANY_PREFIX = '7751234';

/** GS1 check digit of the first 12 digits of an EAN-13 (weights 1, 3, 1, 3, ... from the left). */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12))
    throw new RangeError(`first12: expected 12 digits, got "${first12}"`);
  let total = 0;
  for (let index = 0; index < 12; index += 1) {
    total += Number(first12[index]) * (index % 2 === 0 ? 1 : 3);
  }
  return (10 - (total % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

function makeEan(categoryIndex: number, itemIndex: number): string {
  const item = String((categoryIndex + 1) * 1000 + itemIndex + 1).padStart(5, '0');
  const first12 = `${COMPANY_PREFIX}${item}`;
  return `${first12}${ean13CheckDigit(first12)}`;
}

const LEVELS: Record<Tier, readonly [number, number]> = {
  A: [50, 160],
  B: [15, 50],
  C: [4, 15],
  S: [0.15, 0.8],
};
const DISPERSIONS: Record<Tier, readonly [number, number]> = {
  A: [10, 30],
  B: [6, 18],
  C: [3, 8],
  S: [0.3, 0.9],
};

/** Swing of item-level yearly patterns (the category default has its own amplitude). */
const PATTERN_AMPLITUDE: Record<YearlyPattern, number> = {
  flat: 0,
  summer: 0.25,
  'summer+': 0.45,
  winter: 0.15,
  'winter+': 0.32,
  christmas: 0,
  october: 0,
};

const round2 = (value: number) => Math.round(value * 100) / 100;
const logUniform = (random: Random, [low, high]: readonly [number, number]) =>
  Math.exp(random.uniform(Math.log(low), Math.log(high)));

function chooseStage(random: Random, tier: Tier, seasonal: boolean): LifecycleStage {
  if (seasonal) return 'mature';
  const draw = random.next();
  if (tier === 'S') return draw < 0.75 ? 'mature' : draw < 0.9 ? 'decline' : 'discontinued';
  if (draw < 0.05) return 'launch';
  if (draw < 0.14) return 'growth';
  if (draw < 0.78) return 'mature';
  if (draw < 0.9) return 'decline';
  return 'discontinued';
}

interface Lifecycle {
  launchDay: number;
  rampDays: number;
  declineStartDay: number | null;
  declineDays: number;
  discontinueDay: number | null;
}

function lifecycleOf(
  random: Random,
  stage: LifecycleStage,
  startDay: number,
  endDay: number,
): Lifecycle {
  const window = endDay - startDay + 1;
  const longAgo = startDay - random.int(365, 3650);
  switch (stage) {
    case 'launch':
      return {
        launchDay: endDay - random.int(25, 110),
        rampDays: random.int(15, 35),
        declineStartDay: null,
        declineDays: 1,
        discontinueDay: null,
      };
    case 'growth':
      return {
        launchDay: endDay - random.int(150, Math.min(480, window - 30)),
        rampDays: random.int(60, 120),
        declineStartDay: null,
        declineDays: 1,
        discontinueDay: null,
      };
    case 'mature':
      return {
        launchDay: longAgo,
        rampDays: 0,
        declineStartDay: null,
        declineDays: 1,
        discontinueDay: null,
      };
    case 'decline': {
      const declineStartDay = endDay - random.int(150, Math.min(450, window - 30));
      const remaining = random.uniform(0.3, 0.6);
      return {
        launchDay: longAgo,
        rampDays: 0,
        declineStartDay,
        declineDays: (endDay - declineStartDay) / Math.log(1 / remaining),
        discontinueDay: null,
      };
    }
    case 'discontinued': {
      const discontinueDay = endDay - random.int(30, Math.max(31, Math.min(600, window - 240)));
      const declineStartDay = discontinueDay - random.int(90, 200);
      const remaining = random.uniform(0.25, 0.45);
      return {
        launchDay: longAgo,
        rampDays: 0,
        declineStartDay,
        declineDays: (discontinueDay - declineStartDay) / Math.log(1 / remaining),
        discontinueDay,
      };
    }
  }
}

/** Price increases on random days of the window; the last list price is the catalogue price. */
function priceStepsOf(random: Random, current: number, startDay: number, endDay: number) {
  const count = random.int(0, 3);
  const days = Array.from({ length: count }, () => random.int(startDay + 30, endDay - 14)).sort(
    (a, b) => a - b,
  );
  const increases = days.map(() => random.uniform(0.02, 0.09));
  let price = increases.reduce((value, increase) => value / (1 + increase), current);
  const steps = [{ day: Number.NEGATIVE_INFINITY, price: Math.round(price * 10) / 10 }];
  days.forEach((day, index) => {
    price *= 1 + (increases[index] ?? 0);
    const last = index === days.length - 1;
    steps.push({ day, price: last ? current : Math.round(price * 10) / 10 });
  });
  return steps;
}

function caseOf(netKg: number, tier: Tier): number {
  if (tier === 'S') return 6;
  if (netKg >= 4) return 4;
  if (netKg >= 0.9) return 12;
  if (netKg >= 0.3) return 24;
  return 48;
}

function co2ePerKg(name: string, category: Category): number {
  for (const [pattern, value] of CO2E_OVERRIDES) if (pattern.test(name)) return value;
  return CATEGORY_PROFILES[category].co2ePerKg;
}

function trendMean(name: string, category: Category): number {
  for (const [pattern, value] of TREND_OVERRIDES) if (pattern.test(name)) return value;
  return CATEGORY_PROFILES[category].trend;
}

/** The whole catalogue (about 150 products) for a window; every product from its own stream. */
export function buildCatalogue(root: Random, startDay: number, endDay: number): DemoProduct[] {
  const products: DemoProduct[] = [];
  CATEGORIES.forEach((category, categoryIndex) => {
    const profile = CATEGORY_PROFILES[category];
    ITEMS[category].forEach((row, itemIndex) => {
      const [name, price, shelfLifeDays, netKg, tier, itemPattern] = row;
      const sku = `${profile.prefix}-${String(itemIndex + 1).padStart(3, '0')}`;
      const random = root.fork(`product:${sku}`);
      const pattern = itemPattern ?? profile.pattern;
      const seasonal = pattern === 'christmas' || pattern === 'october';
      const stage = chooseStage(random, tier, seasonal);
      const lifecycle = lifecycleOf(random, stage, startDay, endDay);
      const model: ProductModel = {
        tier,
        level: logUniform(random, LEVELS[tier]),
        dispersion: random.uniform(...DISPERSIONS[tier]),
        pattern,
        amplitude: itemPattern ? PATTERN_AMPLITUDE[itemPattern] : profile.amplitude,
        trendPerYear: Math.max(
          -0.15,
          Math.min(0.2, random.normal(trendMean(name, category), 0.05)),
        ),
        ...lifecycle,
        priceSteps: priceStepsOf(random, price, startDay, endDay),
        priceElasticity: profile.priceElasticity * random.uniform(0.8, 1.2),
        promoElasticity: profile.promoElasticity * random.uniform(0.85, 1.15),
        postPromoDip: profile.postPromoDip * random.uniform(0.8, 1.2),
        casePack: caseOf(netKg, tier),
      };
      products.push({
        index: products.length,
        sku,
        name,
        category,
        brand: profile.brands[itemIndex % profile.brands.length] ?? 'Ayni',
        uom: 'unit',
        shelfLifeDays,
        unitCost: round2(price * random.uniform(...profile.costShare)),
        price,
        lifecycleStage: stage,
        launchDate: formatIsoDate(lifecycle.launchDay),
        co2eKgPerUnit: Math.round(netKg * co2ePerKg(name, category) * 1000) / 1000,
        ean: makeEan(categoryIndex, itemIndex),
        model,
      });
    });
  });
  return products;
}

/**
 * A deterministic subset: the given categories (default all), then round-robin over categories
 * in catalogue order, so that a small company still has every category.
 */
export function selectProducts(
  catalogue: readonly DemoProduct[],
  skuCount: number | undefined,
  categories: readonly Category[] | undefined,
): DemoProduct[] {
  const wanted = categories ? new Set(categories) : undefined;
  const pool = catalogue.filter((product) => !wanted || wanted.has(product.category));
  if (skuCount === undefined || skuCount >= pool.length) return pool;
  const byCategory = CATEGORIES.map((category) =>
    pool.filter((product) => product.category === category),
  );
  const chosen: DemoProduct[] = [];
  for (let round = 0; chosen.length < skuCount; round += 1) {
    for (const list of byCategory) {
      const product = list[round];
      if (product && chosen.length < skuCount) chosen.push(product);
    }
  }
  return chosen.sort((a, b) => a.index - b.index);
}
