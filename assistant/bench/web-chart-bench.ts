// The forecast chart's render time in Chromium, part 4 of npm run bench:web. The forecast tool
// hands the UI at most 120 periods of history, so 3 years of daily history cannot reach the card
// through the chat; instead a page built by Vite (production build) from the app's own modules
// (forecastChartSpec of the forecast card, drawTimeChart over uPlot) draws 3 years of daily
// history plus a 90-day forecast with 80/95 bands and holiday markers, and times it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { sendMessage, waitForPage, webRoot, type WebStack } from '../../test/support/browser';

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

/** Page script: when the forecast tool's result arrived over the WebSocket, and when its card's canvas appeared and the next frame came. */
const cardChartRecorderScript = `window.__chart = [];
const NativeWebSocket = window.WebSocket;
window.WebSocket = class extends NativeWebSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', (event) => {
      if (typeof event.data !== 'string' || !event.data.includes('"type":"tool-result"')) return;
      const result = performance.now();
      const points = JSON.parse(event.data).result?.history?.tail?.length ?? 0;
      window.__chart.push({ result, points });
    });
  }
};
new MutationObserver(() => {
  const last = window.__chart.at(-1);
  if (!last || last.canvas) return;
  const cards = document.querySelectorAll('details[data-tool="forecast_demand"]');
  const card = cards[cards.length - 1];
  if (card && cards.length === window.__chart.length && card.querySelector('canvas')) {
    last.canvas = performance.now();
    requestAnimationFrame(() => (last.frame = performance.now()));
  }
}).observe(document, { subtree: true, childList: true });`;

export interface CardChartFigures {
  historyPoints: number;
  horizonDays: number;
  /** tool-result message received -> the card's canvas in the page, then -> the next frame */
  firstMs: number;
  firstToFrameMs: number;
  secondMs: number;
  secondToFrameMs: number;
}

/** The forecast card in the app: the model calls forecast_demand (daily, 90 days) twice. */
export async function measureCardChart(stack: WebStack): Promise<CardChartFigures> {
  const horizonDays = 90;
  stack.ollama.onChat((body) =>
    body.messages?.at(-1)?.role === 'tool'
      ? { kind: 'chat', content: 'Listo.' }
      : {
          kind: 'chat',
          toolCalls: [
            {
              name: 'forecast_demand',
              arguments: { product: 'QUI-500', location: 'LIM-DC1', grain: 'day', horizon: 90 },
            },
          ],
        },
  );
  const context = await stack.browser.newContext({ locale: 'en-US' });
  await context.addInitScript({ content: cardChartRecorderScript });
  const page = await context.newPage();
  await page.goto(stack.server.url, { waitUntil: 'networkidle' });
  for (const question of ['Pronóstico diario de quinua', 'Otra vez, por favor']) {
    await sendMessage(page, question);
    await waitForPage(page, 'window.__chart.at(-1)?.frame !== undefined', { timeoutMs: 60_000 });
    // the run over (Stop gone) before the next question
    await waitForPage(
      page,
      `![...document.querySelectorAll('button')].some((button) => button.textContent.trim() === 'Stop')`,
    );
  }
  const marks =
    await page.evaluate<{ result: number; points: number; canvas: number; frame: number }[]>(
      'window.__chart',
    );
  await context.close();
  const round = (value: number) => Math.round(value * 10) / 10;
  const [first, second] = marks as [(typeof marks)[0], (typeof marks)[0]];
  return {
    historyPoints: first.points,
    horizonDays,
    firstMs: round(first.canvas - first.result),
    firstToFrameMs: round(first.frame - first.result),
    secondMs: round(second.canvas - second.result),
    secondToFrameMs: round(second.frame - second.result),
  };
}
