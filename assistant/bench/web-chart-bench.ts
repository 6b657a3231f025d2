// The forecast chart's render time in Chromium, part 4 of npm run bench:web. The forecast tool
// hands the UI at most 120 periods of history, so 3 years of daily history cannot reach the card
// through the chat; instead a page built by Vite (production build) from the app's own modules
// (forecastChartSpec of the forecast card, drawTimeChart over uPlot) draws 3 years of daily
// history plus a 90-day forecast with 80/95 bands and holiday markers, and times it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { webRoot } from '../../test/support/browser';

export interface ChartBenchFigures {
  historyDays: number;
  horizonDays: number;
  /** the first draw, loading uPlot lazily as the card does the first time */
  firstMs: number;
  /** later draws (uPlot loaded): spec from the result + uPlot draw, median and worst */
  medianMs: number;
  worstMs: number;
  /** the same, until the next animation frame (the drawn canvas on screen) */
  medianToFrameMs: number;
  runs: number;
  targetMs: 100;
}

const entry = (source: string) => `
import { forecastChartSpec } from '${join(source, 'components/results/forecast-result.ts')}';
import { drawTimeChart } from '${join(source, 'lib/charts/render.ts')}';

const day = (offset) => new Date(Date.UTC(2023, 0, 1) + offset * 86400000).toISOString().slice(0, 10);

function result(historyDays, horizonDays) {
  const tail = [];
  for (let index = 0; index < historyDays; index += 1)
    tail.push({ start: day(index), units: 120 + 30 * Math.sin(index / 7) + (index % 13) });
  const forecast = [];
  for (let index = 0; index < horizonDays; index += 1) {
    const mean = 125 + 25 * Math.sin((historyDays + index) / 7);
    forecast.push({ start: day(historyDays + index), end: day(historyDays + index), mean,
      intervals: [{ level: 80, lower: mean - 20, upper: mean + 20 }, { level: 95, lower: mean - 32, upper: mean + 32 }] });
  }
  const events = [28, 59, 88].map((offset) => ({ date: day(historyDays + offset), name: 'feriado', kind: 'holiday', region: null }));
  return { tail, forecast, events };
}

const labels = { history: 'Historia', forecast: 'Pronóstico', lower80: 'p10', upper80: 'p90', lower95: 'p2.5', upper95: 'p97.5' };
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

window.runChartBench = async (historyDays, horizonDays, runs) => {
  const data = result(historyDays, horizonDays);
  const forecastResult = { history: { tail: data.tail }, forecast: data.forecast, findings: { events: data.events } };
  const times = [];
  const toFrame = [];
  for (let run = 0; run < runs; run += 1) {
    const target = document.createElement('div');
    target.style.width = '900px';
    document.body.replaceChildren(target);
    await frame();
    const start = performance.now();
    const handle = await drawTimeChart(target, forecastChartSpec(forecastResult, labels, 'es-PE'));
    times.push(performance.now() - start);
    await frame();
    toFrame.push(performance.now() - start);
    const canvas = target.querySelector('canvas');
    if (!canvas || canvas.width === 0) throw new Error('no canvas drawn');
    if (run < runs - 1) handle.destroy();
  }
  return { times, toFrame };
};
`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

export async function measureChart(
  browser: Browser,
  options: { historyDays?: number; horizonDays?: number; runs?: number } = {},
): Promise<ChartBenchFigures> {
  const historyDays = options.historyDays ?? 3 * 365;
  const horizonDays = options.horizonDays ?? 90;
  const runs = options.runs ?? 11;
  const folder = mkdtempSync(join(tmpdir(), 'ayni-chart-bench-'));
  try {
    writeFileSync(join(folder, 'entry.js'), entry(join(webRoot, 'src')));
    writeFileSync(
      join(folder, 'index.html'),
      '<!doctype html><html><body><script type="module" src="./entry.js"></script></body></html>',
    );
    const { build } = await import('vite');
    await build({ root: folder, configFile: false, logLevel: 'error', base: './' });
    const page = await browser.newPage({ viewport: { width: 1000, height: 400 } });
    await page.route('http://chart-bench.test/**', async (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = join(folder, 'dist', path === '/' ? 'index.html' : path);
      await route.fulfill({
        body: readFileSync(file),
        contentType: contentTypes[extname(file)] ?? 'application/octet-stream',
      });
    });
    await page.goto('http://chart-bench.test/');
    await page.waitForFunction('typeof window.runChartBench === "function"');
    const figures = await page.evaluate<{ times: number[]; toFrame: number[] }>(
      `window.runChartBench(${historyDays}, ${horizonDays}, ${runs})`,
    );
    await page.close();
    const later = figures.times.slice(1).sort((a, b) => a - b);
    const laterFrames = figures.toFrame.slice(1).sort((a, b) => a - b);
    const round = (value: number) => Math.round(value * 10) / 10;
    return {
      historyDays,
      horizonDays,
      firstMs: round(figures.times[0]!),
      medianMs: round(later[Math.floor(later.length / 2)]!),
      worstMs: round(later.at(-1)!),
      medianToFrameMs: round(laterFrames[Math.floor(laterFrames.length / 2)]!),
      runs,
      targetMs: 100,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
