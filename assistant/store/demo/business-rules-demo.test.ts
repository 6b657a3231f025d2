// The feed-outage and impossible-value rules against the demo company's injected anomalies:
// every outage the stock counts can show is found, and nothing else is called an outage.
import { describe, expect, it } from 'vitest';
import {
  runBusinessRules,
  type RuleAlert,
  type RuleDay,
} from '../../../models/anomaly/business-rules';
import { generateDemoCompany } from './generate';
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
