// The demand review on the demo company in a SQLite store, cross-checked by SQL written
// independently of tools/sop: the forecasts are computed once by the review, then their
// aggregation, grouping and scoping are recomputed from the sales table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCompany } from '../../assistant/store/demo/load';
import { openStore, type Store } from '../../assistant/store/store';
import { createStoreToolContext } from '../../assistant/store/tool-context';
import { buildDemandReview } from '../../tools/sop/demand-review';
import {
  forecastMonthlyJobs,
  type MonthlyForecastJob,
  type MonthlyForecastOutcome,
} from '../../tools/sop/demand-review-forecasts';
import type { DemandReview } from '../../tools/sop/sop-facts';
import type { ToolContext } from '../../tools/tool-context';

const MONTH = '2026-10';

describe('demand review on the demo store', () => {
  let directory: string;
  let store: Store;
  let context: ToolContext;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'ayni-demand-review-'));
    store = openStore({ path: join(directory, 'ayni.db') });
    loadDemoCompany(store, { seed: 3, today: '2026-11-26', skuCount: 12 });
    context = createStoreToolContext(store, {
      signal: new AbortController().signal,
      now: () => new Date('2026-11-26T12:00:00Z'),
      logger: { debug() {}, info() {}, warn() {} },
    });
  }, 120_000);

  afterAll(() => {
    store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  function reviewWithForecasts(regions?: string[]) {
    const recorded: Array<{ job: MonthlyForecastJob; outcome: MonthlyForecastOutcome }> = [];
    const section = buildDemandReview(context, MONTH, regions ? { regions } : {}, {
      forecastJobs: (jobs) => {
        const outcomes = forecastMonthlyJobs(jobs);
        outcomes.forEach((outcome, index) => recorded.push({ job: jobs[index]!, outcome }));
        return outcomes;
      },
    });
    if (section.status !== 'available') throw new Error(section.reason);
    const backtests = recorded.filter(({ job }) => job.id.startsWith('backtest:'));
    store.database.exec('DROP TABLE IF EXISTS temp.check_forecasts');
    store.database.exec('CREATE TEMP TABLE check_forecasts (sku TEXT, location TEXT, units REAL)');
    const insert = store.database.prepare('INSERT INTO temp.check_forecasts VALUES (?, ?, ?)');
    for (const { job, outcome } of backtests) insert.run(job.sku, job.location, outcome.mean[0]);
    return { review: section.data, backtests };
  }

  const actualsSql = (regionFilter: string) => `
    SELECT p.sku AS sku, l.code AS location, p.category AS category, sum(s.units) AS units
    FROM sales s JOIN products p ON p.id = s.sku_id JOIN locations l ON l.id = s.location_id
    WHERE s.date BETWEEN '2026-10-01' AND '2026-10-31' ${regionFilter}
    GROUP BY p.sku, l.code`;

  it('forecasts exactly the listings that sold in or before July (3 months before October), else the scoping is wrong', () => {
    const { backtests } = reviewWithForecasts();
    const expected = store.database
      .prepare(
        `SELECT p.sku AS sku, l.code AS location FROM sales s
         JOIN products p ON p.id = s.sku_id JOIN locations l ON l.id = s.location_id
         WHERE s.date <= '2026-10-31'
         GROUP BY p.sku, l.code HAVING min(s.date) <= '2026-07-31' ORDER BY 1, 2`,
      )
      .all() as Array<{ sku: string; location: string }>;
    const got = backtests
      .map(({ job }) => ({ sku: job.sku, location: job.location }))
      .sort((a, b) => a.sku.localeCompare(b.sku) || a.location.localeCompare(b.location));
    expect(expected.length).toBeGreaterThan(10);
    expect(got).toEqual(expected);
  });

  it("has the overall WAPE and bias of SQL's sum|actual - forecast| / sum actual over the same forecasts, else the aggregation is wrong", () => {
    const { review } = reviewWithForecasts();
    const row = store.database
      .prepare(
        `SELECT sum(abs(coalesce(a.units, 0) - f.units)) / sum(coalesce(a.units, 0)) AS wape,
           (sum(f.units) - sum(coalesce(a.units, 0))) / sum(coalesce(a.units, 0)) AS bias,
           sum(coalesce(a.units, 0)) AS actual
         FROM temp.check_forecasts f LEFT JOIN (${actualsSql('')}) a
           ON a.sku = f.sku AND a.location = f.location`,
      )
      .get() as { wape: number; bias: number; actual: number };
    expect(review.forecastSource).toBe('backtest');
    expect(review.forecastOrigin).toBe('2026-09-30');
    expect(review.overall.actualUnits).toBe(row.actual);
    expect(review.overall.wape).toBeCloseTo(row.wape, 10);
    expect(review.overall.bias).toBeCloseTo(row.bias, 10);
  });

  it('has by-category actuals equal to SQL sums over the forecast listings, else the grouping is wrong', () => {
    const { review } = reviewWithForecasts();
    const rows = store.database
      .prepare(
        `SELECT c.category AS category, sum(c.units) AS units FROM (${actualsSql('')}) c
         JOIN temp.check_forecasts f ON f.sku = c.sku AND f.location = c.location
         GROUP BY c.category`,
      )
      .all() as Array<{ category: string; units: number }>;
    const expected = Object.fromEntries(rows.map((row) => [row.category, row.units]));
    const got = Object.fromEntries(
      review.byCategory
        .filter((row) => row.actualUnits > 0)
        .map((row) => [row.category, row.actualUnits]),
    );
    expect(Object.keys(expected).length).toBeGreaterThan(1);
    expect(got).toEqual(expected);
  });

  it('scoped to a region, counts only that region, else a regional summary reports the company', () => {
    const { review } = reviewWithForecasts(['Lima']);
    const row = store.database
      .prepare(
        `SELECT sum(abs(coalesce(a.units, 0) - f.units)) / sum(coalesce(a.units, 0)) AS wape,
           sum(coalesce(a.units, 0)) AS actual
         FROM temp.check_forecasts f LEFT JOIN (${actualsSql("AND l.region = 'Lima'")}) a
           ON a.sku = f.sku AND a.location = f.location`,
      )
      .get() as { wape: number; actual: number };
    expect(review.byRegion.map((entry) => entry.region)).toEqual(['Lima']);
    expect(review.overall.actualUnits).toBe(row.actual);
    expect(review.overall.wape).toBeCloseTo(row.wape, 10);
  });

  it("names October's holidays among the drivers, else the calendar is not consulted", () => {
    const { review } = reviewWithForecasts();
    const holidays = review.drivers.filter((driver: DemandReview['drivers'][number]) =>
      ['holiday', 'event'].includes(driver.kind),
    );
    expect(holidays.some((driver) => driver.description.startsWith('Combate de Angamos'))).toBe(
      true,
    );
    expect(review.outlook.map((entry) => entry.month)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(review.outlook[0]?.lastYearUnits).toBeGreaterThan(0);
  });
});
