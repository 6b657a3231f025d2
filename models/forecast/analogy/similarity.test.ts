import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../../calendar/dates';
import { kernelWeight, monthsApart, similarity } from './similarity';

const product = (price: number, year: number, month: number, location?: string) => ({
  category: 'grains',
  price,
  launchDay: dayNumberOf(year, month, 15),
  location,
});

describe('similarity', () => {
  it('measures launch months on the circle: December and January are 1 month apart, not 11', () => {
    expect(monthsApart(dayNumberOf(2025, 12, 1), dayNumberOf(2026, 1, 31))).toBe(1);
    expect(monthsApart(dayNumberOf(2025, 3, 1), dayNumberOf(2025, 9, 1))).toBe(6);
  });

  it('treats prices by ratio: 1.5x dearer and 1.5x cheaper are equally far (one unit)', () => {
    const target = product(6, 2025, 3);
    expect(similarity(target, product(9, 2025, 3)).priceDistance).toBeCloseTo(1, 12);
    expect(similarity(target, product(4, 2025, 3)).priceDistance).toBeCloseTo(1, 12);
  });

  it('adds the location mismatch only when both locations are known', () => {
    expect(
      similarity(product(6, 2025, 3, 'Lima'), product(6, 2025, 3, 'Cusco')).distance,
    ).toBeCloseTo(0.25, 12);
    expect(similarity(product(6, 2025, 3, 'Lima'), product(6, 2025, 3)).distance).toBe(0);
  });

  it('sums squared scaled parts: one season (3 months) and 1.5x price give distance 2, weight e^-1', () => {
    const parts = similarity(product(6, 2025, 3), product(9, 2024, 6));
    expect(parts.distance).toBeCloseTo(2, 12);
    expect(kernelWeight(parts.distance)).toBeCloseTo(Math.exp(-1), 12);
  });
});
