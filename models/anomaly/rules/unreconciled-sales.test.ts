import { describe, expect, it } from 'vitest';
import { makeDays } from './test-days';
import type { RuleDay } from './types';
import { unreconciledSales } from './unreconciled-sales';

const settings = { minimumGap: 3, minimumShare: 0.5, minimumMultiple: 2.5 };

/** 40 days selling 8 a day out of a stock of 400 with nothing on order. */
function ledger(change: (days: RuleDay[]) => void = () => {}): RuleDay[] {
  const days = makeDays('2025-06-01', 40, () => ({ units: 8, onOrder: 0 }));
  change(days);
  let onHand = 400;
  for (const day of days) {
    onHand -= day.units;
    day.onHand = onHand;
  }
  return days;
}

describe('unreconciledSales', () => {
  it('flags a bulk order that did not leave the stock, with the unmatched units and value (else direct shipments inflate this DC’s demand)', () => {
    const days = ledger();
    // 30 units recorded on days 32-33 while the count still fell by the usual 8
    for (const index of [32, 33]) days[index]!.units = 30;
    let onHand = 400;
    for (const [index, day] of days.entries()) {
      onHand -= index === 32 || index === 33 ? 8 : day.units;
      day.onHand = onHand;
    }
    const alerts = unreconciledSales('GRA-016', 'PIU', days, settings, 5);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule: 'unreconciled_sales',
      start: days[32]!.date,
      end: days[33]!.date,
      figures: { days: 2, units: 60, unmatched: 44 },
      valueAtRisk: 220,
    });
    expect(alerts[0]!.explanation).toMatch(/44 of the 60 units/);
  });

  it('stays quiet when the stock fell by what was sold, however big the day (else every busy day is an alarm)', () => {
    const days = ledger((all) => {
      all[32]!.units = 30;
    });
    expect(unreconciledSales('A', 'L', days, settings, 5)).toEqual([]);
  });

  it('stays quiet when a delivery could have come (something on order) or the shelf ended empty (else a delivery sold the same day reads as a phantom sale)', () => {
    const days = ledger();
    days[32]!.units = 30;
    days[31]!.onOrder = 48;
    expect(unreconciledSales('A', 'L', days, settings, 5)).toEqual([]);
    const emptied = ledger();
    emptied[32]!.units = 30;
    emptied[32]!.onHand = 0;
    expect(unreconciledSales('A', 'L', emptied, settings, 5)).toEqual([]);
  });

  it('needs the day to sell several times its usual and a gap of at least 3 units (else rounding in counts is an alarm)', () => {
    const days = ledger();
    days[32]!.units = 18;
    days[32]!.onHand = days[31]!.onHand! - 8;
    // 18 is 2.25x the usual 8: under the 2.5x multiple
    expect(unreconciledSales('A', 'L', days, settings, 5)).toEqual([]);
    expect(unreconciledSales('A', 'L', days, { ...settings, minimumMultiple: 2 }, 5)).toHaveLength(
      1,
    );
  });
});
