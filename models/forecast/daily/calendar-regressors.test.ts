import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../../calendar/dates';
import { calendarGroups, yearsObserved } from './calendar-regressors';

const first = dayNumberOf(2023, 1, 1);
const last = dayNumberOf(2025, 12, 31);

describe('calendar groups', () => {
  const groups = calendarGroups(first, last, 'Lima');
  const byName = (name: string) => groups.find((group) => group.name.startsWith(name))!;

  it('puts the shopping days before Navidad in their own group (21-24 Dec)', () => {
    const eve = byName('Víspera de Navidad');
    expect(eve.days.has(dayNumberOf(2024, 12, 21))).toBe(true);
    expect(eve.days.has(dayNumberOf(2024, 12, 24))).toBe(true);
    expect(eve.days.has(dayNumberOf(2024, 12, 25))).toBe(false);
    expect(eve.days.size).toBe(12);
  });

  it('covers Fiestas Patrias on 28-29 July and the three days before separately', () => {
    expect(byName('Fiestas Patrias').days.size).toBe(6);
    expect(byName('Víspera de Fiestas Patrias').days.has(dayNumberOf(2025, 7, 27))).toBe(true);
  });

  it('moves Jueves/Viernes Santo with Easter (2024: 28-29 March)', () => {
    const santo = byName('Jueves y Viernes Santo');
    expect(santo.days.has(dayNumberOf(2024, 3, 28))).toBe(true);
    expect(santo.days.has(dayNumberOf(2024, 3, 29))).toBe(true);
  });

  it('includes regional events only for the matching region, ignoring case', () => {
    expect(groups.map((group) => group.name)).toContain('Señor de los Milagros (Lima)');
    expect(groups.map((group) => group.name)).not.toContain('Inti Raymi (Cusco)');
    expect(calendarGroups(first, last, 'CUSCO').map((group) => group.name)).toContain(
      'Inti Raymi (Cusco)',
    );
    expect(calendarGroups(first, last).map((group) => group.name)).not.toContain(
      'Señor de los Milagros (Lima)',
    );
  });

  it('counts the years a group is observed, skipping zero-weight days', () => {
    const weights = new Float64Array(last - first + 1).fill(1);
    const navidad = byName('Navidad');
    expect(yearsObserved(navidad, first, weights)).toBe(3);
    weights[dayNumberOf(2024, 12, 25) - first] = 0;
    expect(yearsObserved(navidad, first, weights)).toBe(2);
  });
});
