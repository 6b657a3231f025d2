// The evaluation HTML report opened in Chromium: the cases x models matrix renders, a failing
// cell opens to show its assertion's reason, nothing is requested from the network and the
// console stays free of errors.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSuites } from '../../eval/load-suite';
import { compareRuns } from '../../eval/reporters/compare-runs';
import { renderHtmlReport } from '../../eval/reporters/html-report';
import { snapshotOf } from '../../eval/runner/eval-company';
import { goodModel, ruleLlm, wrongToolModel } from '../../eval/runner/fixtures/rule-llm';
import { runEval, type EvalRun } from '../../eval/runner/run-eval';
import { launchBrowser, repositoryRoot } from '../support/browser';
import { openTestStore } from '../support/test-store';

const suiteFile = fileURLToPath(
  new URL('../../eval/runner/fixtures/runner-suite.yaml', import.meta.url),
);
const artifacts = join(repositoryRoot, 'test-artifacts', 'eval');

let browser: Browser;
let folder: string;
let reportFile: string;

async function evaluate(
  rules: Parameters<typeof ruleLlm>[0],
  providers: string[],
): Promise<EvalRun> {
  const store = openTestStore();
  const company = snapshotOf(store, '2024-01-15');
  store.close();
  return runEval({
    suites: await loadSuites(suiteFile),
    providers,
    repeat: 2,
    concurrency: 2,
    mode: 'live',
    recordingsDir: '/nonexistent',
    ollamaHost: 'http://127.0.0.1:1',
    signal: new AbortController().signal,
    company,
    llm: ruleLlm(rules),
  });
}

beforeAll(async () => {
  const before = await evaluate({ 'good-model': goodModel, 'wrong-model': goodModel }, [
    'good-model',
    'wrong-model',
  ]);
  const after = await evaluate({ 'good-model': goodModel, 'wrong-model': wrongToolModel }, [
    'good-model',
    'wrong-model',
  ]);
  folder = mkdtempSync(join(tmpdir(), 'ayni-eval-report-'));
  reportFile = join(folder, 'report.html');
  writeFileSync(reportFile, renderHtmlReport(after, compareRuns(before, after)));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the evaluation HTML report in Chromium', () => {
  it('renders the matrix, opens a failure reason, requests nothing and logs no console error', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(reportFile).href);

    // 2 cases x (2 models x 2 prompt versions)
    await expect(page.locator('table.matrix tbody tr').count()).resolves.toBe(2);
    await expect(page.locator('table.matrix td.pass').count()).resolves.toBe(4);
    await expect(page.locator('table.matrix td.fail').count()).resolves.toBe(4);

    const cell = page.locator('table.matrix td.fail').first();
    const reason = cell.locator('li.bad').first();
    await expect(reason.isVisible()).resolves.toBe(false);
    await cell.locator('summary').click();
    await expect(reason.isVisible()).resolves.toBe(true);
    await expect(reason.textContent()).resolves.toMatch(/tool-called: .*query_sales/);

    await expect(page.locator('svg.chart').count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(page.locator('table.flips tr.flip-broke').count()).resolves.toBe(4);

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'eval-report.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    await page.close();
  });
});
