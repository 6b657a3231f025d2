import { describe, expect, it } from 'vitest';
import { formatIsoDate } from './dates';
import { easterSunday, peruEvents } from './peru-calendar';

describe('Peru calendar', () => {
  it('computes Easter on the known dates (Semana Santa effects would land in the wrong week)', () => {
    expect(formatIsoDate(easterSunday(2024))).toBe('2024-03-31');
    expect(formatIsoDate(easterSunday(2025))).toBe('2025-04-20');
    expect(formatIsoDate(easterSunday(2026))).toBe('2026-04-05');
    expect(formatIsoDate(easterSunday(2027))).toBe('2027-03-28');
    expect(formatIsoDate(easterSunday(2038))).toBe('2038-04-25');
  });

  it('lists moving and fixed holidays and events for a year', () => {
    const events = peruEvents(2026);
    const find = (name: string) => events.filter((event) => event.name === name).map((event) => event.date);
    expect(find('Viernes Santo')).toEqual(['2026-04-03']);
    expect(find('Jueves Santo')).toEqual(['2026-04-02']);
    expect(find('Día de la Madre')).toEqual(['2026-05-10']);
    expect(find('Día del Padre')).toEqual(['2026-06-21']);
    expect(find('Fiestas Patrias')).toEqual(['2026-07-28', '2026-07-29']);
    expect(find('Santa Rosa de Lima')).toEqual(['2026-08-30']);
    expect(events.find((event) => event.name === 'Inti Raymi')?.region).toBe('Cusco');
    expect(events.filter((event) => event.kind === 'holiday').length).toBeGreaterThanOrEqual(16);
  });

  it('adds holidays only from the year the law created them', () => {
    expect(peruEvents(2021).some((event) => event.name === 'Batalla de Junín')).toBe(false);
    expect(peruEvents(2023).some((event) => event.name.includes('Bandera'))).toBe(false);
    expect(peruEvents(2024).some((event) => event.name.includes('Bandera'))).toBe(true);
  });
});
