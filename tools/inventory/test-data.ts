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
