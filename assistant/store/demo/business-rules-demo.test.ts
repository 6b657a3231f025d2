// The feed-outage and impossible-value rules against the demo company's injected anomalies:
// every outage the stock counts can show is found, and nothing else is called an outage.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import {
  runBusinessRules,
  type RuleAlert,
  type RuleDay,
} from '../../../models/anomaly/business-rules';
import { findRuleAlerts } from '../../../tools/anomaly/rule-alerts';
import { openStore } from '../store';
import { createStoreToolContext } from '../tool-context';
import { generateDemoCompany } from './generate';
import { loadDemoCompany } from './load';
import type { DemoAnomaly } from './types';

const overlaps = (alert: RuleAlert, label: DemoAnomaly) =>
  alert.start <= label.endDate && alert.end >= label.startDate;

function scan(seed: number) {
  const company = generateDemoCompany({
    seed,
    startDate: '2024-01-01',
    endDate: '2025-12-31',
    skuCount: 80,
  });
  let labels = 0;
  let found = 0;
  let outageAlerts = 0;
  let falseOutages = 0;
  let impossibleAlerts = 0;
  let impossibleOnLabels = 0;
  for (const series of company.series()) {
    const days: RuleDay[] = Array.from({ length: series.length }, (_, index) => ({
      date: company.isoDate(series.firstDay + index),
      units: series.units[index] ?? 0,
      promo: series.promo[index] === 1,
      stockout: series.stockout[index] === 1,
      onHand: series.onHand[index] ?? null,
      onOrder: series.onOrder[index] ?? null,
    }));
    const { product, location, supply } = series.listing;
    const { alerts } = runBusinessRules({
      sku: product.sku,
      location: location.code,
      days,
      supply,
      shelfLifeDays: product.shelfLifeDays,
      unitCost: product.unitCost,
      price: product.price,
    });
    const outages = alerts.filter((alert) => alert.rule === 'feed_outage');
    const labelled = series.anomalies.filter((label) => label.kind === 'feed_outage');
    labels += labelled.length;
    found += labelled.filter((label) => outages.some((alert) => overlaps(alert, label))).length;
    outageAlerts += outages.length;
    falseOutages += outages.filter(
      (alert) => !labelled.some((label) => overlaps(alert, label)),
    ).length;
    const impossible = alerts.filter((alert) => alert.rule === 'impossible_value');
    impossibleAlerts += impossible.length;
    impossibleOnLabels += impossible.filter((alert) =>
      series.anomalies.some((label) => overlaps(alert, label)),
    ).length;
  }
  return { labels, found, outageAlerts, falseOutages, impossibleAlerts, impossibleOnLabels };
}

describe('business rules on the demo company', () => {
  it('finds the injected feed outages and raises no other outage alert (else planners learn to ignore it)', () => {
    const result = scan(11);
    expect(result.labels).toBeGreaterThanOrEqual(2);
    expect(result.found).toBe(result.labels);
    expect(result.falseOutages).toBe(0);
    // impossible values in the demo are the injected typos and direct-from-plant spikes only
    expect(result.impossibleOnLabels).toBe(result.impossibleAlerts);
  });
});

describe('findRuleAlerts on the demo company loaded into a store', () => {
  it('reads daily counts, supply rows and product terms through the store and finds the same outages', () => {
    const store = openStore({ path: ':memory:' });
    loadDemoCompany(store, { seed: 11, today: '2026-01-01', years: 2, skuCount: 80 });
    const context = createStoreToolContext(store, {
      signal: new AbortController().signal,
      now: () => new Date('2026-01-01T00:00:00Z'),
      logger: pino({ level: 'silent' }),
    });
    const codes = new Map(store.products.list().map((product) => [product.id, product.sku]));
    const places = new Map(store.locations.list().map((location) => [location.id, location.code]));
    const labels = store.labelledAnomalies
      .list()
      .filter((label) => label.kind === 'feed_outage')
      .map((label) => ({
        sku: codes.get(label.skuId),
        location: places.get(label.locationId),
        startDate: label.startDate,
        endDate: label.endDate,
      }));
    const { alerts, listingsChecked } = findRuleAlerts(context, {});
    expect(listingsChecked).toBeGreaterThan(100);
    const outages = alerts.filter((alert) => alert.rule === 'feed_outage');
    expect(labels.length).toBeGreaterThanOrEqual(2);
    expect(
      outages.map((alert) => `${alert.sku}@${alert.location} ${alert.start}..${alert.end}`).sort(),
    ).toEqual(
      labels
        .map((label) => `${label.sku}@${label.location} ${label.startDate}..${label.endDate}`)
        .sort(),
    );
    // the stock rules judged the last day with the supply rows: some listings sit below their buffer
    expect(
      alerts.some(
        (alert) => alert.rule === 'below_safety_stock' || alert.rule === 'projected_stockout',
      ),
    ).toBe(true);
    store.close();
  });
});
