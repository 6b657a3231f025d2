// Measures the generated numbers of the full demo company (generation alone takes about a second):
// the effects the demand model promises must be visible in the recorded sales.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../models/calendar/dates';
import { easterSunday } from '../../../models/calendar/peru-calendar';
import { generateDemoCompany, type DemoCompany } from './generate';
import {
  collectSeries,
  dailyTotals,
  mean,
  median,
  monthProfile,
  promotionRatios,
  unitsBetween,
  uplift,
  weekdayProfile,
} from './test-support';
import type { ListingSeries } from './types';

const day = parseIsoDate;
let company: DemoCompany;
let all: ListingSeries[];
let length: number;
const ofCategory = (category: string) =>
  all.filter((series) => series.listing.product.category === category);
const totals = (seriesList: ListingSeries[]) => dailyTotals(seriesList, company.startDay, length);

beforeAll(() => {
  company = generateDemoCompany({ seed: 11, startDate: '2023-09-01', endDate: '2026-08-31' });
  all = collectSeries(company);
  length = company.endDay - company.startDay + 1;
});

describe('seasonality in the generated sales', () => {
  it('has a weekly pattern that differs by category (beverages peak on Saturday, dairy is flat)', () => {
    const beverages = weekdayProfile(ofCategory('beverages'));
    const dairy = weekdayProfile(ofCategory('dairy'));
    expect((beverages[6] ?? 0) / (beverages[2] ?? 1)).toBeGreaterThan(1.4);
    expect(Math.max(...dairy) / Math.min(...dairy)).toBeLessThan(1.2);
  });

  it('has a yearly pattern that differs by category (beverages in summer, grains in winter)', () => {
    const summerOverWinter = (category: string) => {
      const months = monthProfile(ofCategory(category));
      return ((months[0] ?? 0) + (months[1] ?? 0)) / ((months[5] ?? 0) + (months[6] ?? 0));
    };
    expect(summerOverWinter('beverages')).toBeGreaterThan(1.3);
    expect(summerOverWinter('grains')).toBeLessThan(0.92);
    expect(summerOverWinter('dairy')).toBeGreaterThan(0.9);
    expect(summerOverWinter('dairy')).toBeLessThan(1.2);
  });

  it('puts panetón sales in December', () => {
    const paneton = all.filter((series) => series.listing.product.name === 'Panetón 900 g');
    const months = monthProfile(paneton);
    expect(months[11]).toBeGreaterThan(3 * (months[3] ?? Infinity));
  });
});

describe('holidays and events in the generated sales', () => {
  it('lifts beverages in Fiestas Patrias week (22-29 July) over the weeks around it, every year', () => {
    const beverages = totals(ofCategory('beverages'));
    for (const year of [2024, 2025, 2026]) {
      const ratio = uplift(
        beverages,
        company.startDay,
        [day(`${year}-07-22`), day(`${year}-07-29`)],
        [
          [day(`${year}-07-01`), day(`${year}-07-14`)],
          [day(`${year}-08-05`), day(`${year}-08-18`)],
        ],
      );
      expect(ratio, `Fiestas Patrias ${year}`).toBeGreaterThan(1.4);
    }
  });

  it('lifts canned fish strongly in Semana Santa (Palm Sunday to Holy Thursday), every year', () => {
    const cannedFish = totals(ofCategory('canned_fish'));
    for (const year of [2024, 2025, 2026]) {
      const easter = easterSunday(year);
      const ratio = uplift(
        cannedFish,
        company.startDay,
        [easter - 7, easter - 3],
        [
          [easter - 60, easter - 47],
          [easter + 14, easter + 27],
        ],
      );
      expect(ratio, `Semana Santa ${year}`).toBeGreaterThan(1.7);
    }
  });

  it('lifts beverages for Inti Raymi in Cusco only', () => {
    const beverages = ofCategory('beverages');
    const cusco = totals(beverages.filter((series) => series.listing.location.code === 'CUS'));
    const lima = totals(beverages.filter((series) => series.listing.location.region === 'Lima'));
    for (const year of [2024, 2025, 2026]) {
      const window = [day(`${year}-06-18`), day(`${year}-06-24`)] as const;
      const around = [
        [day(`${year}-05-25`), day(`${year}-06-07`)],
        [day(`${year}-07-01`), day(`${year}-07-14`)],
      ] as const;
      const inCusco = uplift(cusco, company.startDay, window, around);
      expect(inCusco, `Inti Raymi ${year}`).toBeGreaterThan(1.4);
      expect(inCusco - uplift(lima, company.startDay, window, around)).toBeGreaterThan(0.3);
    }
  });
});

describe('promotions and lifecycles in the generated sales', () => {
  it('lifts units during promotions and dips them in the week after (pantry loading)', () => {
    const everything = promotionRatios(company, all);
    expect(everything.uplift.length).toBeGreaterThan(200);
    expect(median(everything.uplift)).toBeGreaterThan(1.4);
    const storable = promotionRatios(
      company,
      all.filter((series) =>
        ['grains', 'canned_fish', 'condiments'].includes(series.listing.product.category),
      ),
    );
    expect(median(storable.after)).toBeLessThan(0.95);
  });

  it('ramps launches up, runs declines down and ends discontinued products before today', () => {
    const stage = (name: string) =>
      all.filter((series) => series.listing.product.lifecycleStage === name);
    const young = [...stage('launch'), ...stage('growth')].filter((series) => series.length > 56);
    expect(young.length).toBeGreaterThan(5);
    const ramps = young.map(
      (series) =>
        mean(Array.from(series.units.subarray(series.length - 28))) /
        Math.max(0.5, mean(Array.from(series.units.subarray(0, 28)))),
    );
    expect(median(ramps)).toBeGreaterThan(1.5);
    const declining = stage('decline').filter((series) => typicalUnits(series) >= 3);
    expect(declining.length).toBeGreaterThan(0);
    const ratios = declining.map((series) => {
      const end = series.firstDay + series.length - 1;
      return (
        mean(unitsBetween(series, end - 89, end)) / mean(unitsBetween(series, end - 729, end - 640))
      );
    });
    expect(median(ratios)).toBeLessThan(0.75);
    const discontinued = stage('discontinued');
    expect(discontinued.length).toBeGreaterThan(0);
    for (const series of discontinued) {
      expect(series.firstDay + series.length - 1).toBeLessThan(company.endDay);
    }
  });
});

function typicalUnits(series: ListingSeries): number {
  return median(Array.from(series.units));
}

describe('stock in the generated sales', () => {
  it('has stockout days (1-6% of rows) whose units sit far below the listing’s typical level', () => {
    let rows = 0;
    let stockouts = 0;
    const relative: number[] = [];
    for (const series of all) {
      const typical = typicalUnits(series);
      for (let index = 0; index < series.length; index += 1) {
        rows += 1;
        if (!series.stockout[index]) continue;
        stockouts += 1;
        if (typical >= 5) relative.push((series.units[index] ?? 0) / typical);
      }
    }
    expect(stockouts / rows).toBeGreaterThan(0.005);
    expect(stockouts / rows).toBeLessThan(0.06);
    expect(relative.length).toBeGreaterThan(500);
    expect(mean(relative)).toBeLessThan(0.6);
  });

  it('has intermittent slow movers with mostly zero days, while fast movers in Lima rarely have any', () => {
    const zeroShare = (series: ListingSeries) =>
      Array.from(series.units).filter((units) => units === 0).length / series.length;
    const slow = all.filter((series) => series.listing.product.model.tier === 'S');
    const fastInLima = all.filter(
      (series) =>
        series.listing.product.model.tier === 'A' && series.listing.location.region === 'Lima',
    );
    expect(slow.length).toBeGreaterThan(50);
    expect(median(slow.map(zeroShare))).toBeGreaterThan(0.5);
    expect(Math.max(...fastInLima.map(zeroShare))).toBeLessThan(0.1);
  });

  it('throws away expired perishables but never canned fish', () => {
    const wasted = (category: string) =>
      ofCategory(category).reduce(
        (total, series) => total + series.expired.reduce((sum, units) => sum + units, 0),
        0,
      );
    expect(wasted('fresh_produce')).toBeGreaterThan(0);
    expect(wasted('dairy')).toBeGreaterThan(0);
    expect(wasted('canned_fish')).toBe(0);
  });
});
