// S&OP summary benchmark (issue 9): the whole pack (facts of every section, KPI card, decisions,
// the template narrative, stored, rendered as Markdown and HTML; no model) timed (a) for the demo
// company (target < 3 s) and (b) for a company of about 30,000 SKU x location series (target
// < 60 s). Generating and loading the data is not timed. Per-section times come from the facts
// assembly's own debug log.
//   npm run bench:summary -- [--series 30000] [--days 400] [--skip-demo] [--skip-scale]
//     [--live-anomalies] [--workers-only] [--threads N]
// The scale company is synthetic (sop-bench-store.ts): the demo generator tops out near 1,000 series.
// Before the pack, the nightly anomaly scan runs (timed apart, not in the pack) so the anomaly
// section reads its stored findings as the scheduled summary does; --live-anomalies skips it. The
// facts are also timed with the per-listing work in worker threads (assistant/sop/pack-workers.ts);
// --workers-only times that path alone. No forecast refresh runs: the demand review backtests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanAnomalies } from '../jobs/anomaly-scan-job';
import { generateReport } from '../sop/generate-report';
import { buildSopFactsInWorkers } from '../sop/pack-workers';
import { renderReportHtml } from '../sop/render-html';
import { renderReportMarkdown } from '../sop/render-markdown';
import { loadDemoCompany } from '../store/demo/load';
import { loadScaleCompany } from './sop-bench-store';
import { openStore, type Store } from '../store/store';
import { createStoreToolContext } from '../store/tool-context';

const today = '2026-11-01';
const month = '2026-10';

interface PackTiming {
  series: number;
  salesRows: number;
  sections: Record<string, number>;
  factsAndNarrativeMs: number;
  renderMs: number;
  totalMs: number;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function benchLogger(sections: Record<string, number>) {
  return {
    debug: (fields: Record<string, unknown>) => {
      if (typeof fields.section === 'string' && typeof fields.ms === 'number')
        sections[fields.section] = fields.ms;
    },
    info: () => undefined,
    warn: (fields: Record<string, unknown>, message: string) =>
      process.stderr.write(`  warning: ${message} ${JSON.stringify(fields)}\n`),
  };
}

const clock = () => new Date(`${today}T08:00:00Z`);

function seriesCounts(store: Store): { series: number; rows: number } {
  return (
    store.database
      .prepare<[], { series: number; rows: number }>(
        "SELECT count(DISTINCT sku_id || '/' || location_id) AS series, count(*) AS rows FROM sales",
      )
      .get() ?? { series: 0, rows: 0 }
  );
}

async function timePack(store: Store): Promise<PackTiming> {
  const sections: Record<string, number> = {};
  const logger = benchLogger(sections);
  const started = performance.now();
  const report = await generateReport(
    {
      store,
      toolContext: (signal) => createStoreToolContext(store, { signal, now: clock, logger }),
      clock,
      logger,
    },
    { month, scope: {}, language: 'es', trigger: 'manual', narrate: false },
  );
  const generated = performance.now();
  renderReportMarkdown(report);
  renderReportHtml(report);
  const done = performance.now();
  for (const [name, section] of Object.entries({
    demandReview: report.facts.demandReview,
    supplyReview: report.facts.supplyReview,
    anomalies: report.facts.anomalies,
    quality: report.facts.quality,
    lifecycle: report.facts.lifecycle,
  }))
    if (section.status === 'not_available')
      process.stderr.write(`  ${name} not available: ${section.reason}\n`);
  const counts = seriesCounts(store);
  return {
    series: counts.series,
    salesRows: counts.rows,
    sections,
    factsAndNarrativeMs: generated - started,
    renderMs: done - generated,
    totalMs: done - started,
  };
}

async function timeWorkerFacts(
  store: Store,
): Promise<{ ms: number; sections: Record<string, number> }> {
  const sections: Record<string, number> = {};
  const logger = benchLogger(sections);
  const context = createStoreToolContext(store, {
    signal: new AbortController().signal,
    now: clock,
    logger,
  });
  const started = performance.now();
  const threads = argument('--threads');
  await buildSopFactsInWorkers(
    context,
    { month, scope: {} },
    { workerThreshold: 1, ...(threads !== undefined && { threads: Number(threads) }) },
  );
  return { ms: performance.now() - started, sections };
}

function print(label: string, timing: PackTiming, targetMs: number): void {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `${label}: ${timing.series.toLocaleString('en')} series, ${timing.salesRows.toLocaleString('en')} sales rows`,
  );
  for (const [section, ms] of Object.entries(timing.sections))
    console.log(`  ${section.padEnd(14)} ${seconds(ms)}`);
  console.log(`  facts + narrative + save ${seconds(timing.factsAndNarrativeMs)}`);
  console.log(`  render md + html          ${seconds(timing.renderMs)}`);
  console.log(
    `  whole pack                ${seconds(timing.totalMs)} (target < ${seconds(targetMs)}: ${timing.totalMs < targetMs ? 'met' : 'MISSED'})`,
  );
}

async function benchCompany(
  label: string,
  options: { scaleSeries?: number; days: number },
  targetMs: number,
): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'ayni-sop-bench-'));
  const store = openStore({ path: join(folder, 'ayni.db') });
  try {
    const loadStarted = performance.now();
    if (options.scaleSeries === undefined) loadDemoCompany(store, { seed: 1, today, years: 3 });
    else
      loadScaleCompany(store, { series: options.scaleSeries, days: options.days, today, seed: 1 });
    console.log(
      `${label}: data generated and loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s (not timed)`,
    );
    if (!process.argv.includes('--live-anomalies')) {
      const scanStarted = performance.now();
      const context = createStoreToolContext(store, {
        signal: new AbortController().signal,
        now: clock,
        logger: benchLogger({}),
      });
      scanAnomalies(context, store.planning, today, clock);
      console.log(
        `${label}: nightly anomaly scan in ${((performance.now() - scanStarted) / 1000).toFixed(1)} s (a scheduled job, not in the pack)`,
      );
    }
    if (!process.argv.includes('--workers-only')) print(label, await timePack(store), targetMs);
    const workers = await timeWorkerFacts(store);
    const counts = seriesCounts(store);
    console.log(
      `${label} with worker threads: ${counts.series.toLocaleString('en')} series, ${counts.rows.toLocaleString('en')} sales rows`,
    );
    for (const [section, ms] of Object.entries(workers.sections))
      console.log(`  ${section.padEnd(22)} ${(ms / 1000).toFixed(2)} s`);
    console.log(
      `  facts (no narrative, render) ${(workers.ms / 1000).toFixed(2)} s (target < ${(targetMs / 1000).toFixed(2)} s for the pack: ${workers.ms < targetMs ? 'met' : 'MISSED'})`,
    );
  } finally {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

const seriesTarget = Number(argument('--series') ?? 30_000);
const days = Number(argument('--days') ?? 400);
if (!process.argv.includes('--skip-demo'))
  await benchCompany('demo company', { days: 3 * 365 }, 3_000);
if (!process.argv.includes('--skip-scale'))
  await benchCompany(
    `synthetic company (${seriesTarget.toLocaleString('en')} series, ${days} days)`,
    { scaleSeries: seriesTarget, days },
    60_000,
  );
