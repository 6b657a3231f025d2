import { describe, expect, it } from 'vitest';
import { expectRelative } from './expect-relative';
import { discreteDistribution, poissonPmf } from './loss-functions';
import {
  newsvendorDiscrete,
  newsvendorLognormal,
  newsvendorNormal,
  newsvendorNormalCost,
  newsvendorNormalExplicit,
  newsvendorPoisson,
} from './newsvendor';

// Snyder & Shen 2nd ed. Example 4.1: h = 0.18, p = 0.70, D ~ N(50, 8²).
const example41 = { holdingCost: 0.18, stockoutCost: 0.7, demandMean: 50, demandSd: 8 };

describe('newsvendor_normal', () => {
  it('reproduces Snyder & Shen 2nd ed. Example 4.3 (S* = 56.60, g* = 1.9976), else the critical fractile is wrong', () => {
    const result = newsvendorNormal(example41);
    expectRelative(result.baseStockLevel, 56.60395592743389);
    expectRelative(result.cost, 1.9976051931766445);
  });

  it('newsvendor_normal_cost reproduces Example 4.1 (g(60) = 2.1561) and equals g* at S*, else cost and optimum disagree', () => {
    expectRelative(newsvendorNormalCost({ ...example41, baseStockLevel: 60 }), 2.156131552870387);
    const best = newsvendorNormal(example41);
    expectRelative(
      newsvendorNormalCost({ ...example41, baseStockLevel: best.baseStockLevel }),
      best.cost,
      1e-12,
    );
  });

  it('the cost is least at S*, else S* is not the minimiser', () => {
    const best = newsvendorNormal(example41);
    for (const offset of [-5, -1, -0.1, 0.1, 1, 5])
      expect(
        newsvendorNormalCost({ ...example41, baseStockLevel: best.baseStockLevel + offset }),
      ).toBeGreaterThan(best.cost);
  });

  it('a lead time L covers L + 1 periods of demand (stockpyl convention), else lead time is mishandled', () => {
    const withLead = newsvendorNormal({ ...example41, leadTime: 3 });
    const fourPeriods = newsvendorNormal({ ...example41, demandMean: 200, demandSd: 16 });
    expectRelative(withLead.baseStockLevel, fourPeriods.baseStockLevel, 1e-12);
    expectRelative(withLead.cost, fourPeriods.cost, 1e-12);
  });

  it('rejects a non-positive sd or a negative cost, naming the field, else bad input would give a number', () => {
    expect(() => newsvendorNormal({ ...example41, demandSd: 0 })).toThrow(/demand_sd/);
    expect(() => newsvendorNormal({ ...example41, holdingCost: -1 })).toThrow(/holding_cost/);
    expect(() => newsvendorNormal({ ...example41, leadTime: -1 })).toThrow(/lead_time/);
  });
});

describe('newsvendor_normal_explicit', () => {
  it('reproduces Snyder & Shen 2nd ed. Example 4.2 (r = 1, c = 0.3, v = 0.12: S* = 56.60, π* = 33.0024), else the formula or its convention differs from the book', () => {
    const result = newsvendorNormalExplicit({
      revenue: 1,
      purchaseCost: 0.3,
      salvageValue: 0.12,
      demandMean: 50,
      demandSd: 8,
    });
    expectRelative(result.baseStockLevel, 56.60395592743389);
    expectRelative(result.profit, 33.002394806823354);
  });

  it('rejects revenue below purchase cost and salvage above it, else bad input would give a number', () => {
    const base = { revenue: 1, purchaseCost: 0.3, salvageValue: 0.12, demandMean: 50, demandSd: 8 };
    expect(() => newsvendorNormalExplicit({ ...base, revenue: 0.2 })).toThrow(/revenue/);
    expect(() => newsvendorNormalExplicit({ ...base, salvageValue: 0.5 })).toThrow(/salvage_value/);
  });
});

describe('newsvendor_poisson', () => {
  it("reproduces stockpyl's Example 4.1 Poisson variant (λ = 50: S* = 56, g = 1.7972), else the formula or its convention differs from the book", () => {
    const result = newsvendorPoisson({ holdingCost: 0.18, stockoutCost: 0.7, demandMean: 50 });
    expect(result.baseStockLevel).toBe(56);
    expectRelative(result.cost, 1.797235211809178);
  });

  it('no other integer level costs less, else the fractile search stops at the wrong S', () => {
    const input = { holdingCost: 0.18, stockoutCost: 0.7, demandMean: 50 };
    const best = newsvendorPoisson(input);
    const pmf = Array.from({ length: 200 }, (_, k) => [k, poissonPmf(k, 50)] as const);
    const demand = discreteDistribution(
      pmf.map(([k, p]) => [k, p]),
      'pmf',
    );
    for (let level = 30; level <= 80; level += 1) {
      let cost = 0;
      demand.values.forEach((value, index) => {
        const p = demand.probabilities[index]!;
        cost += p * (value > level ? 0.7 * (value - level) : 0.18 * (level - value));
      });
      expect(cost).toBeGreaterThanOrEqual(best.cost - 1e-12);
    }
  });
});

describe('newsvendor_discrete', () => {
  it('reproduces Snyder & Shen 2nd ed. Example 4.7 (Poisson(6) pmf, h = 1, p = 4: S* = 8, g = 3.5701), else the formula or its convention differs from the book', () => {
    const pmf = Array.from({ length: 41 }, (_, k) => [k, poissonPmf(k, 6)] as const);
    const result = newsvendorDiscrete({
      holdingCost: 1,
      stockoutCost: 4,
      demand: discreteDistribution(pmf),
    });
    expect(result.baseStockLevel).toBe(8);
    expectRelative(result.cost, 3.570106945770941);
  });
});

describe('newsvendor_continuous (lognormal)', () => {
  it('reproduces Snyder & Shen 2nd ed. Problem 4.8(b) (ln D ~ N(6, 0.3²), h = 1, p = 0.1765: S* = 295.63, g = 29.4425), else the formula or its convention differs from the book', () => {
    const result = newsvendorLognormal({
      holdingCost: 1,
      stockoutCost: 0.1765,
      logMean: 6,
      logSd: 0.3,
    });
    expectRelative(result.baseStockLevel, 295.6266448071368);
    expectRelative(result.cost, 29.44254351324322);
  });
});
