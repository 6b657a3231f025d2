import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import {
  createMemoryToolContext,
  type MemoryData,
  type MemorySalesRow,
  type MemoryStockRow,
} from '../memory-tool-context';
import { findRuleAlerts } from './rule-alerts';

const start = parseIsoDate('2024-03-01');
const dateOf = (index: number) => formatIsoDate(start + index);
const DAYS = 60;

/** 60 days of 10 a day at three listings, each with a daily stock count shaped by `stock`. */
function data(): MemoryData {
  const sales: MemorySalesRow[] = [];
  const stock: MemoryStockRow[] = [];
  const add = (
    sku: string,
    location: string,
    units: (index: number) => number,
    onHand: (index: number) => number,
  ) => {
    for (let index = 0; index < DAYS; index += 1) {
      sales.push({ date: dateOf(index), sku, location, units: units(index) });
      stock.push({ date: dateOf(index), sku, location, onHand: onHand(index), onOrder: 0 });
    }
  };
  // running low at the end: 600 down by 10 a day, 10 left on the last day
  add(
    'YOG-1L',
    'LIM-DC1',
    () => 10,
    (index) => 600 - 10 * (index + 1) + (index === DAYS - 1 ? 10 : 0),
  );
  // healthy: restocked to 300 every 15 days
  add(
    'QUI-500',
    'LIM-DC1',
    () => 10,
    (index) => 300 - 10 * (index % 15),
  );
  // feed broken on days 50..53 (stock still falls) and on days 5..7 (before the window)
  const broken = (index: number) => (index >= 50 && index <= 53) || (index >= 5 && index <= 7);
  add(
    'QUI-500',
    'AQP-DC',
    (index) => (broken(index) ? 0 : 10),
    (index) => 900 - 10 * (index + 1),
  );
  return {
    products: [
      {
        sku: 'YOG-1L',
        name: 'Yogurt fresa 1 L',
        category: 'dairy',
        launchDate: null,
        lifecycleStage: 'mature',
        price: 6.5,
        unitCost: 3,
        shelfLifeDays: 21,
      },
      {
        sku: 'QUI-500',
        name: 'Quinoa blanca 500 g',
        category: 'grains',
        launchDate: null,
        lifecycleStage: 'mature',
        price: 7.9,
        unitCost: 4.2,
        shelfLifeDays: 365,
      },
    ],
    locations: [
      { code: 'LIM-DC1', name: 'Lima DC', region: 'Lima', city: 'Lima' },
      { code: 'AQP-DC', name: 'Arequipa DC', region: 'Sur', city: 'Arequipa' },
    ],
    sales,
    stock,
    supply: [
      { sku: 'YOG-1L', location: 'LIM-DC1', leadTimeDays: 5, leadTimeSdDays: 1, moq: 50 },
      { sku: 'QUI-500', location: 'LIM-DC1', leadTimeDays: 7, leadTimeSdDays: null, moq: null },
      { sku: 'QUI-500', location: 'AQP-DC', leadTimeDays: 7, leadTimeSdDays: null, moq: null },
    ],
  };
}

describe('findRuleAlerts', () => {
  it('runs the rules per listing with its stock, supply and product terms, keeping alerts that touch the window', () => {
    const context = createMemoryToolContext(data());
    const result = findRuleAlerts(context, { from: dateOf(30), to: dateOf(DAYS - 1) });
    expect(result.listingsChecked).toBe(3);
    expect(
      result.alerts.map((alert) => [alert.rule, alert.sku, alert.location, alert.start, alert.end]),
    ).toEqual([
      // the outage (40 units x S/ 7.90 = S/ 316) outranks the stockout (5 x 10 - 10 = 40 x S/ 6.50 = S/ 260)
      ['feed_outage', 'QUI-500', 'AQP-DC', dateOf(50), dateOf(53)],
      ['projected_stockout', 'YOG-1L', 'LIM-DC1', dateOf(59), dateOf(64)],
    ]);
    const [outage, stockout] = result.alerts;
    expect(outage).toMatchObject({ product: 'Quinoa blanca 500 g', region: 'Sur' });
    expect(outage!.valueAtRisk).toBeCloseTo(40 * 7.9, 9);
    expect(stockout!.valueAtRisk).toBeCloseTo(40 * 6.5, 9);
    expect(stockout!.explanation).toMatch(
      /^order \d+ units now: on-hand 10 covers 1 day at 10 a day, lead time is 5 days/,
    );
    expect(result.notes).toEqual([]);
  });

  it('reports the outage before the window only when the window includes it (else old incidents crowd today)', () => {
    const context = createMemoryToolContext(data());
    const early = findRuleAlerts(context, {
      skus: ['QUI-500'],
      locations: ['AQP-DC'],
      to: dateOf(20),
    });
    expect(early.alerts.map((alert) => [alert.rule, alert.start])).toEqual([
      ['feed_outage', dateOf(5)],
    ]);
  });

  it('falls back to the latest count for listings read without daily counts, and notes listings without supply terms', () => {
    const memory = data();
    const context = createMemoryToolContext({ ...memory, supply: [] });
    const listings = context.sales.listings({ skus: ['YOG-1L'] });
    const result = findRuleAlerts(context, {}, { listings });
    expect(result.notes).toEqual([
      {
        sku: 'YOG-1L',
        location: 'LIM-DC1',
        note: 'no supply row (lead time): stockout and safety-stock rules not run',
      },
    ]);
    // a perishable with 10 on hand at 10 a day: no expiry risk, and no other alert without supply
    expect(result.alerts).toEqual([]);
    const expiring = createMemoryToolContext({
      ...memory,
      supply: [],
      stock: [
        { date: dateOf(DAYS - 1), sku: 'YOG-1L', location: 'LIM-DC1', onHand: 400, onOrder: null },
      ],
    });
    const alerts = findRuleAlerts(expiring, {}, { listings }).alerts;
    // 400 on hand at 10 a day against 21 days of shelf life: 190 units at S/ 3 of cost
    expect(alerts.map((alert) => [alert.rule, alert.valueAtRisk])).toEqual([['expiry_risk', 570]]);
  });

  it('stops when the caller gives up (an aborted signal)', () => {
    const controller = new AbortController();
    controller.abort();
    const context = createMemoryToolContext(data(), { signal: controller.signal });
    expect(() => findRuleAlerts(context, {})).toThrow();
  });
});
