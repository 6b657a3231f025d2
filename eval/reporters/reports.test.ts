import { Window } from 'happy-dom';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-store';
import { loadSuites, type LoadedSuite } from '../load-suite';
import { snapshotOf, type CompanySnapshot } from '../runner/eval-company';
import { goodModel, ruleLlm, wrongToolModel, type Rule } from '../runner/fixtures/rule-llm';
import { runEval, type EvalRun } from '../runner/run-eval';
import { compareRuns, formatComparison } from './compare-runs';
import { formatConsoleReport } from './console-report';
import { renderHtmlReport } from './html-report';
import { formatJunit } from './junit-report';
import { escapeXml } from './xml-text';
import { elementsNamed, parseXml } from './xml-tree.fixture';

const suiteFile = fileURLToPath(new URL('../runner/fixtures/runner-suite.yaml', import.meta.url));
let suites: LoadedSuite[];
let company: CompanySnapshot;

async function run(rules: Record<string, Rule>, providers: string[]): Promise<EvalRun> {
  return runEval({
    suites,
    providers,
    promptVersions: [2],
    repeat: 1,
    concurrency: 2,
    mode: 'live',
    recordingsDir: '/nonexistent',
    ollamaHost: 'http://127.0.0.1:1',
    signal: new AbortController().signal,
    company,
    llm: ruleLlm(rules),
  });
}

function htmlDocument(html: string) {
  const window = new Window();
  window.document.write(html);
  return window.document;
}

let mixed: EvalRun;

beforeAll(async () => {
  suites = await loadSuites(suiteFile);
  const store = openTestStore();
  company = snapshotOf(store, '2024-01-15');
  store.close();
  mixed = await run({ 'good-model': goodModel, 'wrong-model': wrongToolModel }, [
    'good-model',
    'wrong-model',
  ]);
});

describe('JUnit report', () => {
  it('parses as XML with one testsuite per model x prompt and the right counts (else CI misreads the run)', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(/not well-formed/); // the check itself can fail
    const root = parseXml(formatJunit(mixed));
    expect(root.name).toBe('testsuites');
    expect(root.attributes.tests).toBe('4');
    expect(root.attributes.failures).toBe('2');
    const testsuites = elementsNamed(root, 'testsuite');
    expect(
      testsuites.map((suite) => [
        suite.attributes.name,
        suite.attributes.tests,
        suite.attributes.failures,
      ]),
    ).toEqual([
      ['ollama:chat:good-model agent-system@2', '2', '0'],
      ['ollama:chat:wrong-model agent-system@2', '2', '2'],
    ]);
    expect(elementsNamed(root, 'testcase')).toHaveLength(4);
    const failure = elementsNamed(root, 'failure')[0]!;
    expect(failure.attributes.message).toMatch(/query_sales/);
    expect(failure.text).toMatch(/grounded: .*999/);
  });

  it('stays well-formed whatever the model writes (markup, quotes, control characters, lone surrogates)', async () => {
    const nasty = 'a <b>&amp; "c" \'d\' \u0001 \u001b[0m \ud800 ]]> </system-out>';
    const weird = await run(
      {
        'good-model': (request, last) =>
          last.role === 'tool' ? { text: nasty } : goodModel(request, last),
      },
      ['good-model'],
    );
    const out = elementsNamed(parseXml(formatJunit(weird)), 'system-out')[0]!.text;
    expect(out).toBe(`a <b>&amp; "c" 'd' \\u0001 \\u001b[0m \\ud800 ]]> </system-out>`);
    expect(escapeXml('😀')).toBe('😀');
  });
});

describe('JSON, console and HTML reports', () => {
  it('keeps the wrong-tool reason in the JSON run', () => {
    const json = JSON.parse(JSON.stringify(mixed)) as EvalRun;
    const wrong = json.results.find((result) => result.provider === 'ollama:chat:wrong-model')!;
    const reason = wrong.assertions.find((outcome) => outcome.type === 'tool-called')?.reason;
    expect(reason).toMatch(/query_sales/);
    expect(reason).toMatch(/search_knowledge/);
  });

  it('prints the model x prompt table, the case matrix and the failures on the console', () => {
    const text = formatConsoleReport(mixed);
    expect(text).toMatch(/good-model\s+agent-system@2\s+2\s+2\s+2\s+100\.0%/);
    expect(text).toMatch(/wrong-model\s+agent-system@2\s+2\s+2\s+0\s+0\.0%/);
    expect(text).toMatch(/quinoa-sales-in-the-first-two-weeks\s+pass\s+FAIL/);
    expect(text).toMatch(
      /Failures:\n {2}quinoa-sales-in-the-first-two-weeks \[wrong-model agent-system@2\] tool-called: /,
    );
  });

  it('renders a self-contained HTML matrix with one coloured cell per case and column', () => {
    const html = renderHtmlReport(mixed);
    const document = htmlDocument(html);
    expect(document.querySelectorAll('table.matrix tbody tr')).toHaveLength(2);
    expect(document.querySelectorAll('table.matrix td.pass')).toHaveLength(2);
    expect(document.querySelectorAll('table.matrix td.fail')).toHaveLength(2);
    expect(document.querySelectorAll('svg.chart').length).toBeGreaterThanOrEqual(3);
    expect(document.querySelector('td.fail details li.bad')?.textContent).toMatch(/query_sales/);
    // nothing loaded from elsewhere
    expect(document.querySelectorAll('script, link, img, iframe')).toHaveLength(0);
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
  });
});

describe('compareRuns', () => {
  it('lists the cases that broke with the new reason and the pass-rate change per model x prompt', async () => {
    const before = await run({ 'good-model': goodModel }, ['good-model']);
    const after = await run({ 'good-model': wrongToolModel }, ['good-model']);
    const comparison = compareRuns(before, after);
    expect(comparison.flips.map((flip) => [flip.caseId, flip.direction])).toEqual([
      ['quinoa-sales-in-the-first-two-weeks', 'broke'],
      ['follow-up-on-yogurt-after-earlier-turns', 'broke'],
    ]);
    expect(comparison.flips[0]?.reasonB).toMatch(/^tool-called: .*query_sales/);
    expect(comparison.cells).toEqual([
      expect.objectContaining({ provider: 'ollama:chat:good-model', passRateA: 1, passRateB: 0 }),
    ]);
    expect(formatComparison(comparison)).toMatch(/pass rate 100\.0% -> 0\.0%/);
    const html = renderHtmlReport(after, comparison);
    const document = htmlDocument(html);
    expect(document.querySelectorAll('table.flips tr.flip-broke')).toHaveLength(2);
  });
});
