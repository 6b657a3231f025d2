import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import { createRandom } from '../../models/stats/random';
import type { ListingDay, ListingHistory } from '../tool-context';
import { findMultivariateOutliers, OUTLIER_SCORE } from './multivariate-outliers';

const first = parseIsoDate('2026-01-01');

function listing(sku: string, seed: number, plant?: number): ListingHistory {
  const random = createRandom(seed);
  const days: ListingDay[] = [];
  let onHand = 400;
  for (let index = 0; index < 150; index += 1) {
    const units = random.negativeBinomial(20, 15);
    onHand = onHand - units < 60 ? 400 : onHand - units;
    days.push({
      date: formatIsoDate(first + index),
      units,
      price: 10,
      promo: false,
      stockout: false,
      onHand,
    });
  }
  if (plant !== undefined) {
    // a promotion at 70% of the price with the shelf empty: lost promotion sales
    days[plant] = { ...days[plant]!, units: 0, price: 7, promo: true, stockout: true, onHand: 0 };
  }
  return { sku, location: 'AQP', region: 'Arequipa', days };
}

const supply = () => ({ leadTimeDays: 5, leadTimeSdDays: null, moq: null });

describe('findMultivariateOutliers', () => {
  const histories = [listing('A', 1), listing('B', 2, 120), listing('C', 3), listing('D', 4)];
  const found = findMultivariateOutliers(histories, '2026-03-01', '2026-05-30', supply);

  it('puts the promotion day with an empty shelf first (else the combination planners lose money on is missed)', () => {
    expect(found[0]).toMatchObject({ sku: 'B', date: formatIsoDate(first + 120) });
    expect(found[0]!.score).toBeGreaterThanOrEqual(OUTLIER_SCORE);
    expect(found[0]!.explanation).toMatch(/on promotion/);
    expect(found[0]!.explanation).toMatch(/shelf empty/);
  });

  it('lists only days in the window with s >= 0.75, strongest first (else ordinary days crowd the review list)', () => {
    for (const outlier of found) {
      expect(outlier.date >= '2026-03-01' && outlier.date <= '2026-05-30').toBe(true);
      expect(outlier.score).toBeGreaterThanOrEqual(OUTLIER_SCORE);
    }
    const scores = found.map((outlier) => outlier.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('is deterministic and needs enough days to fit (else reviews flicker, or tiny scopes give noise)', () => {
    expect(findMultivariateOutliers(histories, '2026-03-01', '2026-05-30', supply)).toEqual(found);
    expect(findMultivariateOutliers(histories, '2026-05-20', '2026-05-30', supply)).toEqual([]);
  });
});
