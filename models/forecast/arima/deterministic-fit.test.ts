import { describe, expect, it } from 'vitest';
import { fitConstant, fitDeterministic } from './deterministic-fit';
import { differenceSeries } from './estimate';

describe('deterministic fits', () => {
  it('a constant series gets its mean, fixed, with nothing estimated', () => {
    const fit = fitConstant(new Float64Array([5, 5, Number.NaN, 5]));
    expect(fit.constantValue).toBe(5);
    expect(fit.estimatedCount).toBe(0);
  });

  it('a seasonal pattern plus a trend gets ARIMA(0,0,0)(0,1,0) with drift = slope', () => {
    const x = Float64Array.from(
      { length: 24 },
      (_, index) => [1, 5, 3, 2][index % 4]! + 0.5 * index,
    );
    const dx = differenceSeries(x, {
      p: 0,
      d: 0,
      q: 0,
      seasonalP: 0,
      seasonalD: 1,
      seasonalQ: 0,
      period: 4,
    });
    const fit = fitDeterministic(x, dx, 0, 1, 4);
    expect(fit.constant).toBe('drift');
    expect(fit.constantValue).toBeCloseTo(0.5, 12);
  });

  it('a quadratic gets ARIMA(0,2,0) without a constant', () => {
    const x = Float64Array.from({ length: 10 }, (_, index) => index * index);
    const dx = differenceSeries(x, {
      p: 0,
      d: 2,
      q: 0,
      seasonalP: 0,
      seasonalD: 0,
      seasonalQ: 0,
      period: 1,
    });
    const fit = fitDeterministic(x, dx, 2, 0, 1);
    expect(fit.constant).toBe('none');
    expect(fit.order.d).toBe(2);
  });
});
