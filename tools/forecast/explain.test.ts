import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../../models/calendar/dates';
import { createRandom } from '../../models/stats/random';
import { eventsInHorizon, seasonalStrength, seasonalityFinding, trendFinding } from './explain';

const pattern = [5, 1, 2, 3, 4, 2, 9];

describe('seasonalStrength (Wang, Smith & Hyndman 2006)', () => {
  it('is 1 for an exactly repeating pattern, or a pure cycle would read as noise', () => {
    const values = Array.from({ length: 56 }, (_, index) => 10 + (pattern[index % 7] as number));
    expect(seasonalStrength(values, 7)).toBeCloseTo(1, 10);
  });

  it('is near 0 for white noise and null without two cycles', () => {
    const random = createRandom(7);
    const noise = Array.from({ length: 700 }, () => random.normal(100, 10));
    expect(seasonalStrength(noise, 7)).toBeLessThan(0.1);
    expect(seasonalStrength(noise.slice(0, 13), 7)).toBeNull();
  });
});

describe('seasonalityFinding', () => {
  it('names the weekday of the peak from the dates, not from the position in the cycle', () => {
    // starts on a Wednesday, so position 6 (value 9) falls on Tuesdays
    const first = dayNumberOf(2024, 1, 3);
    const values = Array.from({ length: 42 }, (_, index) => 10 + (pattern[index % 7] as number));
    const starts = values.map((_, index) => first + index);
    expect(seasonalityFinding(values, starts, 7, 'day')).toMatchObject({
      label: 'strong',
      significant: true,
      peak: 'Tuesdays',
      trough: 'Thursdays',
    });
  });

  it('reports no seasonality for noise even when the decomposition fits some', () => {
    const random = createRandom(11);
    const noise = Array.from({ length: 156 }, () => random.normal(100, 10));
    const starts = noise.map((_, index) => dayNumberOf(2023, 1, 2) + 7 * index);
    const finding = seasonalityFinding(noise, starts, 52, 'week');
    expect(finding.strength).toBeGreaterThan(0.2);
    expect(finding).toMatchObject({ significant: false, label: 'none', peak: null });
  });
});

describe('trendFinding', () => {
  it('compares a seasonal forecast with the same periods a season earlier', () => {
    const history = [10, 20, 10, 20, 11, 22];
    expect(trendFinding(history, [11, 22], 2, 'month')).toMatchObject({
      direction: 'flat',
      changePercent: 0,
      comparedWith: 'same periods a season earlier',
    });
    expect(trendFinding(history, [15, 30], 1, 'month').direction).toBe('up');
  });

  it('compares the last 12 months with the same months a year earlier', () => {
    const history = Array.from({ length: 30 }, (_, index) => (index < 18 ? 100 : 110));
    // the last 12 months all sold 110 or 100: months 18-29 vs months 6-17
    expect(trendFinding(history, [110], 1, 'month')).toMatchObject({
      yearOverYearPercent: 10,
      yearOverYearWindow: 12,
    });
    expect(trendFinding(history.slice(-23), [110], 1, 'month').yearOverYearPercent).toBeNull();
  });
});

describe('eventsInHorizon', () => {
  it('places Fiestas Patrias in its week and leaves Inti Raymi to Cusco', () => {
    const weeks = [dayNumberOf(2026, 6, 22), dayNumberOf(2026, 6, 29), dayNumberOf(2026, 7, 27)];
    const lima = eventsInHorizon(weeks, 'week', ['Lima']);
    expect(
      lima.filter((event) => event.name === 'Fiestas Patrias').map((event) => event.periodStart),
    ).toEqual(['2026-07-27', '2026-07-27']);
    expect(lima.map((event) => event.name)).not.toContain('Inti Raymi');
    const cusco = eventsInHorizon(weeks, 'week', ['Cusco']);
    expect(cusco.find((event) => event.name === 'Inti Raymi')).toMatchObject({
      region: 'Cusco',
      periodStart: '2026-06-22',
    });
  });
});
