import { describe, expect, it } from 'vitest';
import { estimateStockBatches, projectExpiry, type StockCountDay } from './stock-age';

// 100 on hand on day 0, 10 sold a day, a receipt of 50 on day 5: 100 on hand again on day 5
const history: StockCountDay[] = [
  { day: 0, units: 10, onHand: 100 },
  { day: 1, units: 10, onHand: 90 },
  { day: 2, units: 10, onHand: 80 },
  { day: 3, units: 10, onHand: 70 },
  { day: 4, units: 10, onHand: 60 },
  { day: 5, units: 10, onHand: 100 },
];

describe('estimateStockBatches', () => {
  it('splits the count into the latest receipt and older stock dated at the first count (else FIFO ages are wrong)', () => {
    expect(estimateStockBatches(history, 5)).toEqual([
      { receivedDay: 0, units: 50 },
      { receivedDay: 5, units: 50 },
    ]);
  });

  it('adds the sales of uncounted days to the receipt between two counts (else receipts are understated)', () => {
    const gappy = history.map((entry) =>
      entry.day === 4 || entry.day === 3 ? { ...entry, onHand: null } : entry,
    );
    // between the counts of day 2 (80) and day 5 (100): 30 sold, so 50 received
    expect(estimateStockBatches(gappy, 5)).toEqual([
      { receivedDay: 0, units: 50 },
      { receivedDay: 5, units: 50 },
    ]);
  });

  it('attributes the whole count to the latest receipt when it covers it (else stock looks older)', () => {
    const receipts: StockCountDay[] = [
      { day: 0, units: 0, onHand: 20 },
      { day: 1, units: 20, onHand: 200 },
    ];
    expect(estimateStockBatches(receipts, 1)).toEqual([{ receivedDay: 1, units: 200 }]);
  });

  it('refuses a stock day without a count, naming stockDay', () => {
    expect(() => estimateStockBatches(history, 9)).toThrow(/stockDay/);
  });
});

describe('projectExpiry', () => {
  const batches = [
    { receivedDay: 0, units: 50 },
    { receivedDay: 5, units: 50 },
  ];

  it('finds no risk when demand sells each batch before its life ends (else false alarms)', () => {
    expect(
      projectExpiry(batches, {
        stockDay: 5,
        lifeOnArrivalDays: 10,
        dailyDemand: 10,
        withinDays: 30,
      }),
    ).toEqual({ atRiskUnits: 0, atRiskWithinUnits: 0, daysLeft: null });
  });

  it('puts what half the demand cannot sell at risk, oldest batch first (else FIFO is not applied)', () => {
    // batch 1: 5 days left, sells 25 of 50; batch 2 starts on day 5 with 5 days left, sells 25
    expect(
      projectExpiry(batches, { stockDay: 5, lifeOnArrivalDays: 10, dailyDemand: 5, withinDays: 7 }),
    ).toEqual({ atRiskUnits: 50, atRiskWithinUnits: 25, daysLeft: 5 });
  });

  it('counts stock already beyond its life as at risk with 0 days left (else expired stock is hidden)', () => {
    expect(
      projectExpiry([{ receivedDay: 0, units: 40 }], {
        stockDay: 12,
        lifeOnArrivalDays: 10,
        dailyDemand: 100,
        withinDays: 30,
      }),
    ).toEqual({ atRiskUnits: 40, atRiskWithinUnits: 40, daysLeft: 0 });
  });

  it('puts all stock at risk when nothing sells (else a dead item looks safe)', () => {
    expect(
      projectExpiry(batches, { stockDay: 5, lifeOnArrivalDays: 10, dailyDemand: 0, withinDays: 30 })
        .atRiskUnits,
    ).toBe(100);
  });
});
