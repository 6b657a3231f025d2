import { describe, expect, it } from 'vitest';
import { expectRelative } from './expect-relative';
import { standardNormalLoss } from './loss-functions';
import {
  leadTimeDemand,
  safetyStockForCycleServiceLevel,
  safetyStockForFillRate,
} from './safety-stock';

// The lead-time-uncertainty example of Chopra & Meindl (Supply Chain Management, "impact of supply
// uncertainty on safety inventory"): D = 2,500/day, σ_D = 500, L = 7 days, CSL = 0.90.
const chopra = { demandMean: 2500, demandSd: 500, leadTimeMean: 7 };

describe('safety_stock_alpha', () => {
  it('σ_LTD = √(Lσ_d² + d²σ_L²) and SS = z_α σ_LTD, else lead-time variability is mishandled', () => {
    const fixedLead = safetyStockForCycleServiceLevel({ ...chopra, cycleServiceLevel: 0.9 });
    expectRelative(fixedLead.leadTimeDemandSd, Math.sqrt(7 * 500 ** 2), 1e-14);
    expectRelative(fixedLead.safetyStock, 1.2815515655446004 * Math.sqrt(1_750_000), 1e-9);
    const variableLead = safetyStockForCycleServiceLevel({
      ...chopra,
      leadTimeSd: 1,
      cycleServiceLevel: 0.9,
    });
    expectRelative(variableLead.leadTimeDemandSd, Math.sqrt(8_000_000), 1e-14);
    expect(Math.round(variableLead.safetyStock)).toBe(3625);
    expectRelative(variableLead.reorderPoint, 17_500 + variableLead.safetyStock, 1e-14);
  });

  it('z_0.95 = 1.644854 (Φ⁻¹), else the cycle service level maps to the wrong quantile', () => {
    const result = safetyStockForCycleServiceLevel({
      demandMean: 100,
      demandSd: 20,
      leadTimeMean: 4,
      cycleServiceLevel: 0.95,
    });
    expectRelative(result.safetyFactor, 1.6448536269514722, 1e-9);
    expectRelative(result.safetyStock, 1.6448536269514722 * 40, 1e-9);
  });

  it('rejects service levels outside (0, 1) and no variability at all, else bad input would give a number', () => {
    expect(() => safetyStockForCycleServiceLevel({ ...chopra, cycleServiceLevel: 1 })).toThrow(
      /cycle_service_level/,
    );
    expect(() => leadTimeDemand({ demandMean: 10, demandSd: 0, leadTimeMean: 2 })).toThrow(
      /demand_sd/,
    );
    expect(() => leadTimeDemand({ demandMean: 10, demandSd: 1, leadTimeMean: 0 })).toThrow(
      /lead_time_mean/,
    );
  });
});

describe('safety_stock_beta', () => {
  it('meets the fill rate exactly: 1 - σ_LTD·L(z)/Q = β, else the loss function is inverted wrongly', () => {
    for (const fillRate of [0.95, 0.98, 0.995]) {
      const result = safetyStockForFillRate({
        ...chopra,
        leadTimeSd: 1,
        fillRate,
        orderQuantity: 10_000,
      });
      const achieved =
        1 - (result.leadTimeDemandSd * standardNormalLoss(result.safetyFactor)) / 10_000;
      expectRelative(achieved, fillRate, 1e-10);
    }
  });

  it('is never negative and grows with β, else a higher target could lower the buffer', () => {
    let previous = -1;
    for (let fillRate = 0.5; fillRate < 0.9999; fillRate += 0.01) {
      const { safetyStock } = safetyStockForFillRate({ ...chopra, fillRate, orderQuantity: 5_000 });
      expect(safetyStock).toBeGreaterThanOrEqual(0);
      expect(safetyStock).toBeGreaterThanOrEqual(previous);
      previous = safetyStock;
    }
    expect(previous).toBeGreaterThan(0);
  });

  it('needs a positive order quantity', () => {
    expect(() => safetyStockForFillRate({ ...chopra, fillRate: 0.9, orderQuantity: 0 })).toThrow(
      /order_quantity/,
    );
  });
});
