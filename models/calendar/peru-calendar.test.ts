import { describe, expect, it } from 'vitest';
import { formatIsoDate, weekdayOf, parseIsoDate } from './dates';
import { easterSunday, nthWeekdayOfMonth, peruEvents } from './peru-calendar';

const datesOf = (year: number, name: string) =>
  peruEvents(year)
    .filter((event) => event.name === name)
    .map((event) => event.date);

describe('easterSunday', () => {
  it('gives the known Easter dates (otherwise Semana Santa effects land in the wrong week)', () => {
    expect(formatIsoDate(easterSunday(2024))).toBe('2024-03-31');
    expect(formatIsoDate(easterSunday(2025))).toBe('2025-04-20');
    expect(formatIsoDate(easterSunday(2026))).toBe('2026-04-05');
    expect(formatIsoDate(easterSunday(2027))).toBe('2027-03-28');
    expect(formatIsoDate(easterSunday(2038))).toBe('2038-04-25');
    expect(formatIsoDate(easterSunday(2008))).toBe('2008-03-23');
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2200; year += 1) {
      const easter = easterSunday(year);
      expect(weekdayOf(easter)).toBe(0);
      const text = formatIsoDate(easter).slice(5);
      expect(text >= '03-22' && text <= '04-25').toBe(true);
    }
  });
});

describe('nthWeekdayOfMonth', () => {
  it('finds the 2nd Sunday of May and 3rd Sunday of June', () => {
    expect(formatIsoDate(nthWeekdayOfMonth(2026, 5, 0, 2))).toBe('2026-05-10');
    expect(formatIsoDate(nthWeekdayOfMonth(2024, 5, 0, 2))).toBe('2024-05-12');
    expect(formatIsoDate(nthWeekdayOfMonth(2025, 6, 0, 3))).toBe('2025-06-15');
    expect(() => nthWeekdayOfMonth(2025, 13, 0, 1)).toThrow(/month/);
  });
});

describe('peruEvents', () => {
  it('lists the fixed and moving holidays and events of 2026 on their dates', () => {
    expect(datesOf(2026, 'Año Nuevo')).toEqual(['2026-01-01']);
    expect(datesOf(2026, 'Jueves Santo')).toEqual(['2026-04-02']);
    expect(datesOf(2026, 'Viernes Santo')).toEqual(['2026-04-03']);
    expect(datesOf(2026, 'Día de la Madre')).toEqual(['2026-05-10']);
    expect(datesOf(2026, 'Día del Padre')).toEqual(['2026-06-21']);
    expect(datesOf(2026, 'Fiestas Patrias')).toEqual(['2026-07-28', '2026-07-29']);
    expect(datesOf(2026, 'Santa Rosa de Lima')).toEqual(['2026-08-30']);
    expect(datesOf(2026, 'Navidad')).toEqual(['2026-12-25']);
    expect(datesOf(2026, 'Semana Santa')).toEqual([
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
      '2026-04-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-04',
    ]);
  });

  it('has the 16 national holiday days of 2024 (Ley 31788 list plus 23 July)', () => {
    const holidays = peruEvents(2024).filter((event) => event.kind === 'holiday');
    expect(holidays.map((event) => event.date)).toEqual([
      '2024-01-01',
      '2024-03-28',
      '2024-03-29',
      '2024-05-01',
      '2024-06-07',
      '2024-06-29',
      '2024-07-23',
      '2024-07-28',
      '2024-07-29',
      '2024-08-06',
      '2024-08-30',
      '2024-10-08',
      '2024-11-01',
      '2024-12-08',
      '2024-12-09',
      '2024-12-25',
    ]);
    expect(holidays.every((event) => event.region === undefined)).toBe(true);
  });

  it('adds holidays only from the year the law created them', () => {
    expect(datesOf(2021, 'Batalla de Junín')).toEqual([]);
    expect(datesOf(2022, 'Batalla de Junín')).toEqual(['2022-08-06']);
    expect(datesOf(2022, 'Día de la Fuerza Aérea del Perú')).toEqual([]);
    expect(datesOf(2023, 'Día de la Fuerza Aérea del Perú')).toEqual(['2023-07-23']);
    expect(datesOf(2023, 'Batalla de Arica y Día de la Bandera')).toEqual([]);
    expect(datesOf(2024, 'Batalla de Arica y Día de la Bandera')).toEqual(['2024-06-07']);
  });

  it('marks regional events with their region and keeps the list sorted by date', () => {
    const events = peruEvents(2025);
    expect(events.find((event) => event.name === 'Inti Raymi')).toEqual({
      date: '2025-06-24',
      name: 'Inti Raymi',
      kind: 'event',
      region: 'Cusco',
    });
    const days = events.map((event) => parseIsoDate(event.date));
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(() => peruEvents(2025.5)).toThrow(/year/);
  });
});
