// The self-contained HTML report: summary per model x prompt version, the cases x (model, prompt)
// matrix coloured by outcome with every assertion's reason under <details> (no script needed),
// latency and token distributions as inline SVG, and optionally the comparison with another run.
// Nothing is fetched: styles are inline, there are no scripts, fonts or images from elsewhere.
import type { CaseResult } from '../case-result';
import type { EvalRun } from '../runner/run-eval';
import type { RunComparison } from './compare-runs';
import { shortProvider } from './console-report';
import { boxPlotSvg, histogramSvg } from './svg-charts';
import { escapeXml as escape } from './xml-text';

const style = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1d232a;background:#fff}
h1{font-size:20px}h2{font-size:17px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d5dbe1;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f2f4f7}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.pass{background:#e3f4e6}td.fail{background:#fbe2e2}td.flaky{background:#fff3cd}td.absent{background:#f7f7f7}
details summary{cursor:pointer;font-weight:600}
ul.assertions{margin:4px 0 4px 0;padding-left:18px;max-width:520px}
li.ok{color:#23652f}li.bad{color:#a11d1d}
.output{white-space:pre-wrap;background:#f7f8fa;border:1px solid #e1e5ea;padding:4px 6px;max-width:520px;font-size:12px}
.muted{color:#66707a}.chart text{font-size:11px;fill:#333}
.up{color:#23652f}.down{color:#a11d1d}
`;

const percent = (value: number | undefined) =>
  value === undefined ? '–' : `${(100 * value).toFixed(1)}%`;
const ms = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : `${Math.round(value)} ms`;

function summaryTable(run: EvalRun): string {
  const rows = run.summary.cells.map(
    (cell) =>
      `<tr><td>${escape(shortProvider(cell.provider))}</td><td>${escape(cell.prompt)}</td><td class="num">${cell.cases}</td><td class="num">${cell.runs}</td><td class="num">${cell.passed}</td><td class="num">${percent(cell.passRate)}</td><td class="num">${cell.unstableCases}</td><td class="num">${ms(cell.latencyP50Ms)}</td><td class="num">${ms(cell.latencyP95Ms)}</td><td class="num">${ms(cell.ttftP50Ms)}</td><td class="num">${cell.meanInputTokens.toFixed(0)}</td><td class="num">${cell.meanOutputTokens.toFixed(0)}</td></tr>`,
  );
  return `<table class="summary"><thead><tr><th>model</th><th>prompt</th><th>cases</th><th>runs</th><th>passed</th><th>pass rate</th><th>unstable</th><th>latency p50</th><th>p95</th><th>TTFT p50</th><th>tokens in</th><th>tokens out</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function runDetails(result: CaseResult, repeats: number): string {
  const items = result.assertions.map(
    (outcome) =>
      `<li class="${outcome.pass ? 'ok' : 'bad'}">${outcome.pass ? '✓' : '✗'} <b>${escape(outcome.type)}</b>: ${escape(outcome.reason)}</li>`,
  );
  const tools = result.output.toolCalls
    .map((call) => `${call.name}(${JSON.stringify(call.args)})`)
    .join(', ');
  return [
    repeats > 1
      ? `<div class="muted">repeat ${result.repeat + 1}: ${result.pass ? 'pass' : 'fail'}</div>`
      : '',
    `<ul class="assertions">${items.join('')}</ul>`,
    `<div class="muted">tools: ${escape(tools || 'none')} · ${result.output.steps} steps · ${ms(result.output.latencyMs)} · TTFT ${ms(result.output.ttftMs)} · ${result.output.inputTokens}/${result.output.outputTokens} tokens</div>`,
    result.output.errorMessage
      ? `<div class="bad">${escape(result.output.errorMessage)}</div>`
      : '',
    `<div class="output">${escape(result.output.output || '(no answer)')}</div>`,
  ].join('');
}

function matrix(run: EvalRun): string {
  const columns = run.summary.cells.map((cell) => ({
    provider: cell.provider,
    prompt: cell.prompt,
  }));
  const cases = new Map<string, string>();
  for (const result of run.results)
    if (!cases.has(result.caseId)) cases.set(result.caseId, result.description);
  const header = columns
    .map(
      (column) =>
        `<th>${escape(shortProvider(column.provider))}<br><span class="muted">${escape(column.prompt)}</span></th>`,
    )
    .join('');
  const rows = [...cases.entries()].map(([caseId, description]) => {
    const cells = columns.map((column) => {
      const results = run.results.filter(
        (result) =>
          result.caseId === caseId &&
          result.provider === column.provider &&
          result.prompt === column.prompt,
      );
      if (results.length === 0) return '<td class="absent"></td>';
      const passed = results.filter((result) => result.pass).length;
      const kind = passed === results.length ? 'pass' : passed === 0 ? 'fail' : 'flaky';
      const mark = kind === 'pass' ? '✓ pass' : kind === 'fail' ? '✗ fail' : '◐ flaky';
      const count = results.length > 1 ? ` ${passed}/${results.length}` : '';
      return `<td class="${kind}" data-case="${escape(caseId)}" data-provider="${escape(column.provider)}" data-prompt="${escape(column.prompt)}"><details><summary>${mark}${count}</summary>${results.map((result) => runDetails(result, run.repeat)).join('<hr>')}</details></td>`;
    });
    return `<tr><th scope="row" title="${escape(description)}">${escape(caseId)}</th>${cells.join('')}</tr>`;
  });
  return `<table class="matrix"><thead><tr><th>case</th>${header}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function distributions(run: EvalRun): string {
  const series = (pick: (result: CaseResult) => number | null) =>
    run.summary.cells.map((cell) => ({
      label: `${shortProvider(cell.provider)} ${cell.prompt}`,
      values: run.results
        .filter((result) => result.provider === cell.provider && result.prompt === cell.prompt)
        .flatMap((result) => {
          const value = pick(result);
          return value === null ? [] : [value];
        }),
    }));
  return [
    '<h3>Latency per case run</h3>',
    boxPlotSvg(
      series((result) => result.output.latencyMs),
      'ms',
      'latency per model and prompt',
    ),
    '<h3>Time to first token</h3>',
    boxPlotSvg(
      series((result) => result.output.ttftMs),
      'ms',
      'time to first token per model and prompt',
    ),
    '<h3>Output tokens per case run</h3>',
    boxPlotSvg(
      series((result) => result.output.outputTokens),
      'tokens',
      'output tokens per model and prompt',
    ),
    histogramSvg(
      run.results.map((result) => result.output.latencyMs),
      'ms',
      'latency of all case runs',
    ),
  ].join('\n');
}

/** The comparison of two runs as an HTML section. */
export function comparisonSection(comparison: RunComparison): string {
  const delta = (
    before: number | undefined,
    after: number | undefined,
    higherIsBetter: boolean,
  ) => {
    if (before === undefined || after === undefined) return '';
    const change = after - before;
    if (Math.abs(change) < 1e-9) return '';
    const better = higherIsBetter ? change > 0 : change < 0;
    return ` <span class="${better ? 'up' : 'down'}">(${change > 0 ? '+' : ''}${higherIsBetter ? `${(100 * change).toFixed(1)} pts` : `${Math.round(change)} ms`})</span>`;
  };
  const cells = comparison.cells.map(
    (cell) =>
      `<tr><td>${escape(shortProvider(cell.provider))}</td><td>${escape(cell.prompt)}</td><td class="num">${percent(cell.passRateA)}</td><td class="num">${percent(cell.passRateB)}${delta(cell.passRateA, cell.passRateB, true)}</td><td class="num">${ms(cell.latencyP50A)}</td><td class="num">${ms(cell.latencyP50B)}${delta(cell.latencyP50A, cell.latencyP50B, false)}</td><td class="num">${ms(cell.latencyP95A)}</td><td class="num">${ms(cell.latencyP95B)}${delta(cell.latencyP95A, cell.latencyP95B, false)}</td></tr>`,
  );
  const flips = comparison.flips.map(
    (flip) =>
      `<tr class="flip-${flip.direction}"><td>${escape(flip.direction)}</td><td>${escape(flip.caseId)}</td><td>${escape(shortProvider(flip.provider))} ${escape(flip.prompt)}</td><td class="num">${percent(flip.passRateA)}</td><td class="num">${percent(flip.passRateB)}</td><td>${escape(flip.reasonB ?? '')}</td></tr>`,
  );
  return [
    `<h2>Comparison: A ${escape(comparison.a.id)} (${percent(comparison.a.passRate)}) vs B ${escape(comparison.b.id)} (${percent(comparison.b.passRate)})</h2>`,
    `<table class="compare"><thead><tr><th>model</th><th>prompt</th><th>pass rate A</th><th>pass rate B</th><th>p50 A</th><th>p50 B</th><th>p95 A</th><th>p95 B</th></tr></thead><tbody>${cells.join('')}</tbody></table>`,
    flips.length > 0
      ? `<h3>Flipped cases</h3><table class="flips"><thead><tr><th>change</th><th>case</th><th>model, prompt</th><th>A</th><th>B</th><th>B's first failure</th></tr></thead><tbody>${flips.join('')}</tbody></table>`
      : '<p>No case changed its outcome.</p>',
    comparison.onlyInA.length > 0
      ? `<p class="muted">Only in A: ${escape(comparison.onlyInA.join(', '))}</p>`
      : '',
    comparison.onlyInB.length > 0
      ? `<p class="muted">Only in B: ${escape(comparison.onlyInB.join(', '))}</p>`
      : '',
  ].join('\n');
}

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>${escape(title)}</title><style>${style}</style></head><body>\n${body}\n</body></html>\n`;
}

/** The report of one run; with a comparison, its section is appended. */
export function renderHtmlReport(run: EvalRun, comparison?: RunComparison): string {
  const suites = run.suites.map((suite) => `${suite.name} (${suite.description})`).join(', ');
  const body = [
    `<h1>Ayni evaluation ${escape(run.id)}</h1>`,
    `<p>${escape(run.mode)} run of ${escape(suites)} started ${escape(run.startedAt)}; ${run.summary.passed}/${run.summary.runs} case runs passed (${percent(run.summary.passRate)}), ${run.repeat} repeat${run.repeat === 1 ? '' : 's'}, concurrency ${run.concurrency}${run.filter ? `, filter ${escape(run.filter)}` : ''}, ${(run.wallMs / 1000).toFixed(1)} s.</p>`,
    run.replayMisses.length > 0
      ? `<p class="down">${run.replayMisses.length} model request(s) had no recording; the first: ${escape(run.replayMisses[0]!)}</p>`
      : '',
    '<h2>Summary</h2>',
    summaryTable(run),
    '<h2>Cases × models</h2>',
    '<p class="muted">Open a cell for each assertion\'s reason, the tool calls and the answer.</p>',
    matrix(run),
    '<h2>Distributions</h2>',
    distributions(run),
    comparison ? comparisonSection(comparison) : '',
  ].join('\n');
  return page(`Ayni evaluation ${run.id}`, body);
}

/** A page with only the comparison of two runs (`ayni eval compare --out FILE.html`). */
export function renderComparisonHtml(comparison: RunComparison): string {
  return page(
    `Ayni evaluation: ${comparison.a.id} vs ${comparison.b.id}`,
    comparisonSection(comparison),
  );
}
