import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../models/calendar/dates';
import { createRandom } from '../../models/stats/random';
import type { ListingHistory } from '../tool-context';
import { estimateListingDemand } from './listing-demand';

const firstDay = 20_000;

function listing(days: number, stockoutFrom = Infinity): ListingHistory {
  const random = createRandom(11);
  return {
    sku: 'GRA-001',
    location: 'AQP',
    region: 'Arequipa',
    days: Array.from({ length: days }, (_, index) => {
      const demand = random.poisson(25);
      const out = index >= stockoutFrom;
      return {
        date: formatIsoDate(firstDay + index),
        units: out ? Math.min(demand, 5) : demand,
        price: null,
        promo: false,
        stockout: out,
      };
    }),
  };
}

describe('estimateListingDemand', () => {
  it('forecasts a steady Poisson(25) listing near 25 a day with an sd near 5 (else the demand over the lead time is off)', () => {
    const estimate = estimateListingDemand(listing(200), firstDay + 199, 30);
    expect(estimate.method).toBe('daily-model');
    expect(estimate.mean).toHaveLength(30);
    expect(estimate.dailyMean).toBeGreaterThan(22);
    expect(estimate.dailyMean).toBeLessThan(28);
    expect(estimate.dailySd).toBeGreaterThan(3.5);
    expect(estimate.dailySd).toBeLessThan(7.5);
  });

  it('leaves stockout days out, so censored sales do not pull the forecast down (else stockouts breed stockouts)', () => {
    const estimate = estimateListingDemand(listing(200, 185), firstDay + 199, 30);
    expect(estimate.dailyMean).toBeGreaterThan(21);
  });

  it("falls back to the last 28 days' mean for a short listing (else new listings get no policy)", () => {
    const short = listing(30);
    const estimate = estimateListingDemand(short, firstDay + 29, 10);
    expect(estimate.method).toBe('recent-mean');
    const recent = short.days.slice(-28).map((day) => day.units);
    expect(estimate.dailyMean).toBeCloseTo(recent.reduce((a, b) => a + b, 0) / 28, 9);
  });
});
