import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../../calendar/dates';
import { forecastDaily } from './forecast-daily';
import { simulateDaily, WEEKDAYS } from './test-support';

const THREE_YEARS = 1095;

describe('forecastDaily recovers known effects from a seeded simulated series', () => {
  const simulated = simulateDaily({
    seed: 7,
    days: THREE_YEARS,
    horizon: 28,
    yearlyAmplitude: 0.2,
    fiestasPatriasLift: 1.4,
    promotionLift: 1.3,
    priceElasticity: -1.5,
    phi: 0.4,
    noise: 0.08,
  });
  const result = forecastDaily({
    values: simulated.values.slice(0, THREE_YEARS),
    firstDay: simulated.firstDay,
    horizon: 28,
    levels: [80, 95],
    promotion: {
      history: simulated.promotion.slice(0, THREE_YEARS),
      future: simulated.promotion.slice(THREE_YEARS),
    },
    price: {
      history: simulated.price.slice(0, THREE_YEARS),
      future: simulated.price.slice(THREE_YEARS),
    },
  });
  const { effects } = result;

  it('chooses the log scale for multiplicative data (else multipliers would be misread)', () => {
    expect(effects.transform).toBe('log1p');
  });

  it('finds the weekly profile (else "Saturdays sell 1.3x" would be wrong)', () => {
    const geometricMean = Math.exp(
      WEEKDAYS.reduce((total, value) => total + Math.log(value), 0) / 7,
    );
    effects.weekdays.forEach(({ weekday, multiplier }) => {
      expect(multiplier).toBeGreaterThan((WEEKDAYS[weekday]! / geometricMean) * 0.96);
      expect(multiplier).toBeLessThan((WEEKDAYS[weekday]! / geometricMean) * 1.04);
    });
  });

  it('estimates the Fiestas Patrias lift, significant (else holiday plans would be off)', () => {
    const fiestas = effects.events.find((event) => event.name.startsWith('Fiestas Patrias'))!;
    expect(fiestas.multiplier).toBeGreaterThan(1.25);
    expect(fiestas.multiplier).toBeLessThan(1.55);
    expect(fiestas.significant).toBe(true);
    expect(fiestas.yearsObserved).toBe(3);
    const navidad = effects.events.find((event) => event.name === 'Navidad')!;
    expect(Math.abs(Math.log(navidad.multiplier))).toBeLessThan(0.15);
  });

  it('estimates the promotion lift and price elasticity within tolerance', () => {
    expect(effects.promotion!.multiplier).toBeGreaterThan(1.25);
    expect(effects.promotion!.multiplier).toBeLessThan(1.35);
    expect(effects.promotion!.significant).toBe(true);
    expect(effects.priceElasticity!.elasticity).toBeGreaterThan(-1.8);
    expect(effects.priceElasticity!.elasticity).toBeLessThan(-1.2);
  });

  it('finds the yearly peak in December/January and the trough mid-year', () => {
    expect([12, 1]).toContain(effects.yearly!.peakMonth);
    expect([6, 7]).toContain(effects.yearly!.troughMonth);
  });

  it('forecasts the next four weeks close to the simulated mean, within nested intervals', () => {
    result.mean.forEach((value, step) => {
      const expected = Math.expm1(simulated.logMean[THREE_YEARS + step]!);
      expect(Math.abs(Math.log((value + 1) / (expected + 1)))).toBeLessThan(0.2);
      const [eighty, ninetyFive] = result.intervals;
      expect(eighty!.lower[step]!).toBeLessThanOrEqual(value);
      expect(eighty!.upper[step]!).toBeGreaterThanOrEqual(value);
      expect(ninetyFive!.lower[step]!).toBeLessThanOrEqual(eighty!.lower[step]!);
      expect(ninetyFive!.upper[step]!).toBeGreaterThanOrEqual(eighty!.upper[step]!);
    });
  });
});

describe('forecastDaily trend', () => {
  it('reports a known growth per year (else "trend +x% a year" would mislead)', () => {
    for (const seed of [1, 2, 3]) {
      const simulated = simulateDaily({
        seed,
        days: 900,
        logTrendPerYear: Math.log(1.2),
        noise: 0.06,
      });
      const { effects } = forecastDaily({
        values: simulated.values,
        firstDay: simulated.firstDay,
        horizon: 7,
      });
      expect(effects.trendPerYear).toBeGreaterThan(0.08);
      expect(effects.trendPerYear).toBeLessThan(0.32);
    }
    const flat = simulateDaily({ seed: 4, days: 900, noise: 0.06 });
    const { effects } = forecastDaily({ values: flat.values, firstDay: flat.firstDay, horizon: 7 });
    expect(Math.abs(effects.trendPerYear)).toBeLessThan(0.12);
  });
});

describe('forecastDaily basics', () => {
  it('forecasts a constant series as itself', () => {
    const result = forecastDaily({ values: new Array(400).fill(25), firstDay: 19000, horizon: 10 });
    result.mean.forEach((value) => expect(value).toBeCloseTo(25, 6));
  });

  it('continues a pure weekly Fourier series exactly', () => {
    const wave = (t: number) =>
      50 + 10 * Math.sin((2 * Math.PI * t) / 7) + 5 * Math.cos((4 * Math.PI * t) / 7);
    const firstDay = dayNumberOf(2024, 3, 1);
    const values = Array.from({ length: 200 }, (_, row) => wave(firstDay + row));
    const result = forecastDaily({ values, firstDay, horizon: 14 });
    result.mean.forEach((value, step) => expect(value).toBeCloseTo(wave(firstDay + 200 + step), 5));
  });

  it('does not let stockout days drag the level down once they are censored', () => {
    const simulated = simulateDaily({ seed: 11, days: 500, horizon: 14, noise: 0.05 });
    const values = simulated.values.slice(0, 500);
    const stockout = values.map((_, row) => row % 5 === 2 || row > 480);
    const depressed = values.map((value, row) => (stockout[row] ? value * 0.2 : value));
    const truth = simulated.logMean.slice(500).map((log) => Math.expm1(log));
    const meanOf = (list: number[]) =>
      list.reduce((total, value) => total + value, 0) / list.length;
    const censored = forecastDaily({
      values: depressed,
      firstDay: simulated.firstDay,
      horizon: 14,
      stockout,
    });
    const ignored = forecastDaily({ values: depressed, firstDay: simulated.firstDay, horizon: 14 });
    expect(Math.abs(meanOf(censored.mean) / meanOf(truth) - 1)).toBeLessThan(0.06);
    expect(meanOf(ignored.mean)).toBeLessThan(meanOf(truth) * 0.85);
    expect(censored.effects.censoredDays).toBe(stockout.filter(Boolean).length);
    expect(censored.notes.join(' ')).toMatch(/stockout/);
  });

  it('leaves missing days out, counts them, and never forecasts below zero', () => {
    const values = Array.from({ length: 120 }, (_, row) =>
      row % 9 === 0 ? Number.NaN : row % 7 === 0 ? 0 : 1,
    );
    const result = forecastDaily({ values, firstDay: 19000, horizon: 21, levels: [95] });
    expect(result.effects.missingDays).toBe(14);
    result.mean.forEach((value) => expect(value).toBeGreaterThanOrEqual(0));
    result.intervals[0]!.lower.forEach((value) => expect(value).toBeGreaterThanOrEqual(0));
  });

  it('uses the last known price and no promotion when the future is not given', () => {
    const simulated = simulateDaily({
      seed: 5,
      days: 800,
      promotionLift: 1.5,
      priceElasticity: -1,
    });
    const base = { values: simulated.values, firstDay: simulated.firstDay, horizon: 7 };
    const unknown = forecastDaily({
      ...base,
      promotion: { history: simulated.promotion },
      price: { history: simulated.price },
    });
    const planned = forecastDaily({
      ...base,
      promotion: { history: simulated.promotion, future: new Array(7).fill(0) },
      price: { history: simulated.price, future: new Array(7).fill(simulated.price.at(-1)) },
    });
    unknown.mean.forEach((value, step) => expect(value).toBeCloseTo(planned.mean[step]!, 9));
  });

  it('estimates regional events only for their region', () => {
    const simulated = simulateDaily({ seed: 3, days: 900 });
    const names = (region?: string) =>
      forecastDaily({
        values: simulated.values,
        firstDay: simulated.firstDay,
        horizon: 3,
        ...(region ? { region } : {}),
      }).effects.events.map((event) => event.name);
    expect(names('cusco')).toContain('Inti Raymi (Cusco)');
    expect(names('Lima')).not.toContain('Inti Raymi (Cusco)');
    expect(names()).not.toContain('Señor de los Milagros (Lima)');
  });

  it('rejects bad input with errors naming the field and the fix', () => {
    const values = new Array(60).fill(5);
    const base = { values, firstDay: 19000, horizon: 7 };
    expect(() => forecastDaily({ ...base, firstDay: 1.5 })).toThrow(/firstDay/);
    expect(() => forecastDaily({ ...base, firstDay: -1_000_000 })).toThrow(/firstDay.*1900-2199/);
    expect(() => forecastDaily({ ...base, values: [1, -2, ...values] })).toThrow(
      /values\[1\].*negative/,
    );
    expect(() => forecastDaily({ ...base, horizon: 0 })).toThrow(/horizon/);
    expect(() => forecastDaily({ ...base, stockout: [true] })).toThrow(/stockout/);
    expect(() => forecastDaily({ ...base, price: { history: new Array(60).fill(0) } })).toThrow(
      /price\.history\[0\]/,
    );
    expect(() => forecastDaily({ ...base, promotion: { history: [1] } })).toThrow(
      /promotion\.history/,
    );
    expect(() => forecastDaily({ ...base, values: values.slice(0, 10) })).toThrow(/seasonal naive/);
  });
});

describe('forecastDaily with scattered gaps', () => {
  it('still fits when no two consecutive days are observed (prewhitening is skipped)', () => {
    const simulated = simulateDaily({ seed: 21, days: 300, horizon: 7, noise: 0.05 });
    const values = simulated.values
      .slice(0, 300)
      .map((value, row) => (row % 2 === 0 ? value : Number.NaN));
    const result = forecastDaily({ values, firstDay: simulated.firstDay, horizon: 7 });
    expect(result.effects.missingDays).toBe(150);
    result.mean.forEach((value, step) => {
      const expected = Math.expm1(simulated.logMean[300 + step]!);
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThan(0.8 * expected);
      expect(value).toBeLessThan(1.25 * expected);
    });
  });
});
