// Seeded data for the inventory tool's tests: two listings at Arequipa run under a known cover
// policy (order when the position falls to 10 days of demand, up to 24 days; 3-day lead time),
// so the inferred current policy and the recommendations can be checked.
import { formatIsoDate } from '../../models/calendar/dates';
import { createRandom } from '../../models/stats/random';
import type { MemoryData, MemorySalesRow, MemoryStockRow } from '../memory-tool-context';
import type { CatalogProduct } from '../tool-context';

export const TEST_REORDER_DAYS = 10;
export const TEST_ORDER_UP_TO_DAYS = 24;
export const TEST_FIRST_DAY = 20_000; // 2024-10-04
export const TEST_DAYS = 240;

export const testProducts: CatalogProduct[] = [
  {
    sku: 'GRA-001',
    name: 'Arroz extra 5 kg',
    category: 'grains',
    launchDate: null,
    lifecycleStage: 'mature',
    shelfLifeDays: 365,
    unitCost: 18,
    price: 24,
  },
  {
    sku: 'LAC-001',
    name: 'Yogurt bebible fresa 1 L',
    category: 'dairy',
    launchDate: null,
    lifecycleStage: 'mature',
    shelfLifeDays: 28,
    unitCost: 4,
    price: 6.5,
    co2eKgPerUnit: 1.6,
  },
];

const dailyMeans: Record<string, number> = { 'GRA-001': 30, 'LAC-001': 20 };

export function inventoryTestData(): MemoryData {
  const random = createRandom(5);
  const sales: MemorySalesRow[] = [];
  const stock: MemoryStockRow[] = [];
  for (const product of testProducts) {
    const rate = dailyMeans[product.sku]!;
    let onHand = TEST_ORDER_UP_TO_DAYS * rate;
    const pipeline: { day: number; quantity: number }[] = [];
    for (let index = 0; index < TEST_DAYS; index += 1) {
      const day = TEST_FIRST_DAY + index;
      for (const order of pipeline.filter((entry) => entry.day === day)) onHand += order.quantity;
      const demand = random.poisson(rate);
      const sold = Math.min(demand, onHand);
      onHand -= sold;
      let onOrder = pipeline
        .filter((entry) => entry.day > day)
        .reduce((sum, entry) => sum + entry.quantity, 0);
      if (onHand + onOrder <= TEST_REORDER_DAYS * rate) {
        const quantity = TEST_ORDER_UP_TO_DAYS * rate - onHand - onOrder;
        pipeline.push({ day: day + 3, quantity });
        onOrder += quantity;
      }
      const date = formatIsoDate(day);
      sales.push({
        date,
        sku: product.sku,
        location: 'AQP',
        units: sold,
        stockout: sold < demand,
        price: product.price ?? null,
      });
      stock.push({ date, sku: product.sku, location: 'AQP', onHand, onOrder });
    }
  }
  return {
    products: testProducts,
    locations: [{ code: 'AQP', name: 'CD Arequipa', region: 'Arequipa', city: 'Arequipa' }],
    sales,
    stock,
    supply: testProducts.map((product) => ({
      sku: product.sku,
      location: 'AQP',
      leadTimeDays: 3,
      leadTimeSdDays: 0.5,
      moq: 12,
    })),
  };
}

/** The day after the data: what the tool sees as today. */
export const testToday = () => new Date(`${formatIsoDate(TEST_FIRST_DAY + TEST_DAYS)}T12:00:00Z`);

const QUINOA_DAYS = 120;

/**
 * The quinoa listings of the test store (test/support/test-store.ts: QUI-500 at S/ 4.20, 10 a day
 * at LIM-DC1 and 2-3 a day at AQP-DC from 2024-01-01) with the stock history of the web inventory
 * test: run under (s, S) = (30, 90) with a 2-day lead time at Lima, ending at 12 units and nothing
 * on order (an order of 205 units is due), and (20, 60) at Arequipa ending at 45.
 */
export function quinoaTestStoreData(): MemoryData {
  const sales: MemorySalesRow[] = [];
  const stock: MemoryStockRow[] = [];
  const listings = [
    { location: 'LIM-DC1', units: () => 10, s: 30, S: 90, leadDays: 2, lastOnHand: 12 },
    {
      location: 'AQP-DC',
      units: (day: number) => 2 + (day % 2),
      s: 20,
      S: 60,
      leadDays: 3,
      lastOnHand: 45,
    },
  ];
  for (const listing of listings) {
    let onHand = listing.S;
    const arriving: { day: number; units: number }[] = [];
    for (let day = 0; day < QUINOA_DAYS; day += 1) {
      const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
      const units = listing.units(day);
      sales.push({
        date,
        sku: 'QUI-500',
        location: listing.location,
        units,
        revenue: listing.location === 'LIM-DC1' ? units * 7.9 : null,
        price: listing.location === 'LIM-DC1' ? 7.9 : null,
        promo: listing.location === 'LIM-DC1' && day === 2,
        stockout: false,
      });
      for (const order of arriving.filter((entry) => entry.day === day)) onHand += order.units;
      onHand = Math.max(0, onHand - units);
      let onOrder = arriving
        .filter((entry) => entry.day > day)
        .reduce((sum, entry) => sum + entry.units, 0);
      if (onHand + onOrder <= listing.s) {
        const quantity = listing.S - onHand - onOrder;
        arriving.push({ day: day + listing.leadDays, units: quantity });
        onOrder += quantity;
      }
      const last = day === QUINOA_DAYS - 1;
      stock.push({
        date,
        sku: 'QUI-500',
        location: listing.location,
        onHand: last ? listing.lastOnHand : onHand,
        onOrder: last ? 0 : onOrder,
      });
    }
  }
  return {
    products: [
      {
        sku: 'QUI-500',
        name: 'Quinoa blanca 500 g',
        category: 'grains',
        launchDate: null,
        lifecycleStage: 'mature',
        shelfLifeDays: 365,
        unitCost: 4.2,
        price: 7.9,
        co2eKgPerUnit: 0.6,
      },
    ],
    locations: [
      { code: 'LIM-DC1', name: 'Lima DC Callao', region: 'Lima', city: 'Lima' },
      { code: 'AQP-DC', name: 'Arequipa DC', region: 'Sur', city: 'Arequipa' },
    ],
    sales,
    stock,
  };
}

/** The day after the quinoa data (2024-04-30). */
export const quinoaToday = () => new Date('2024-04-30T12:00:00Z');
