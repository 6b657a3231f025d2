import { beforeAll, describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../models/calendar/dates';
import { generateDemoCompany, type DemoCompany } from './generate';
import { anomalyVisibility, collectSeries } from './test-support';
import type { DemoAnomaly, ListingSeries } from './types';

let company: DemoCompany;
let labelled: Array<{ anomaly: DemoAnomaly; series: ListingSeries }>;

beforeAll(() => {
  company = generateDemoCompany({ seed: 11, startDate: '2023-09-01', endDate: '2026-08-31' });
  labelled = collectSeries(company).flatMap((series) =>
    series.anomalies.map((anomaly) => ({ anomaly, series })),
  );
});

describe('labelled anomalies of the full demo company', () => {
  it('injects 40-80 anomalies of all five kinds', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(40);
    expect(labelled.length).toBeLessThanOrEqual(80);
    const kinds = new Set(labelled.map(({ anomaly }) => anomaly.kind));
    expect([...kinds].sort()).toEqual(['drop', 'feed_outage', 'level_shift', 'spike', 'typo']);
  });

  it('makes every labelled anomaly visible in the recorded units (a typo day ~10x its neighbours, etc.)', () => {
    const hidden = labelled
      .map(({ anomaly, series }) => ({ anomaly, measured: anomalyVisibility(series, anomaly) }))
      .filter(({ measured }) => !measured.visible)
      .map(
        ({ anomaly, measured }) =>
          `${anomaly.kind} ${anomaly.sku}@${anomaly.location} ${anomaly.startDate}: ratio ${measured.ratio}`,
      );
    expect(hidden).toEqual([]);
    const typos = labelled.filter(({ anomaly }) => anomaly.kind === 'typo');
    for (const { anomaly, series } of typos) {
      expect(anomalyVisibility(series, anomaly).ratio).toBeGreaterThan(5);
    }
  });

  it('labels consistent windows and magnitudes inside the sales window, on the right listing', () => {
    for (const { anomaly, series } of labelled) {
      const start = parseIsoDate(anomaly.startDate);
      const end = parseIsoDate(anomaly.endDate);
      expect(end).toBeGreaterThanOrEqual(start);
      expect(start).toBeGreaterThanOrEqual(series.firstDay);
      expect(end).toBeLessThan(series.firstDay + series.length);
      expect(anomaly.sku).toBe(series.listing.product.sku);
      expect(anomaly.location).toBe(series.listing.location.code);
      expect(anomaly.note.length).toBeGreaterThan(10);
      if (anomaly.kind === 'typo') expect(anomaly.magnitude).toBe(10);
      if (anomaly.kind === 'feed_outage') expect(anomaly.magnitude).toBe(0);
      if (anomaly.kind === 'spike') expect(anomaly.magnitude).toBeGreaterThan(2);
      if (anomaly.kind === 'drop') expect(anomaly.magnitude).toBeLessThan(0.5);
    }
  });

  it('keeps anomalies off promotion days, so they are not explained by a promotion', () => {
    for (const { anomaly, series } of labelled) {
      const start = parseIsoDate(anomaly.startDate) - series.firstDay;
      const end = parseIsoDate(anomaly.endDate) - series.firstDay;
      for (let index = start; index <= end; index += 1) expect(series.promo[index]).toBe(0);
    }
  });

  it('records a feed outage as zero sales while the stock keeps falling', () => {
    const outages = labelled.filter(({ anomaly }) => anomaly.kind === 'feed_outage');
    expect(outages.length).toBeGreaterThan(0);
    for (const { anomaly, series } of outages) {
      const start = parseIsoDate(anomaly.startDate) - series.firstDay;
      const end = parseIsoDate(anomaly.endDate) - series.firstDay;
      let sold = 0;
      for (let index = start; index <= end; index += 1) {
        expect(series.units[index]).toBe(0);
        sold += series.demand[index] ?? 0;
      }
      expect(sold).toBeGreaterThan(0);
    }
  });
});
