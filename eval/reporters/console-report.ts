// The console report: one row per provider x prompt version (pass rate, latency p50/p95, time to
// first token, tokens), then the cases x (provider, prompt) matrix with passes over repeats, then
// the failures with their first reason.
import type { EvalRun } from '../runner/run-eval';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

const ms = (value: number | null) =>
  value === null || Number.isNaN(value)
    ? '-'
    : value >= 10_000
      ? `${(value / 1000).toFixed(1)} s`
      : `${Math.round(value)} ms`;
const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

/** A short model name for columns: 'ollama:chat:qwen3:8b' -> 'qwen3:8b'. */
export function shortProvider(provider: string): string {
  return provider.replace(/^ollama:chat:/, '');
}

export function formatConsoleReport(run: EvalRun, options: { failures?: number } = {}): string {
  const { summary } = run;
  const cells = table(
    [
      'model',
      'prompt',
      'cases',
      'runs',
      'passed',
      'pass rate',
      'unstable',
      'latency p50',
      'p95',
      'ttft p50',
      'tokens in',
      'tokens out',
    ],
    summary.cells.map((cell) => [
      shortProvider(cell.provider),
      cell.prompt,
      String(cell.cases),
      String(cell.runs),
      String(cell.passed),
      percent(cell.passRate),
      String(cell.unstableCases),
      ms(cell.latencyP50Ms),
      ms(cell.latencyP95Ms),
      ms(cell.ttftP50Ms),
      cell.meanInputTokens.toFixed(0),
      cell.meanOutputTokens.toFixed(0),
    ]),
  );
  const columns = summary.cells.map((cell) => ({ provider: cell.provider, prompt: cell.prompt }));
  const caseIds = [...new Set(summary.cases.map((entry) => entry.caseId))];
  const matrix = table(
    [
      'case',
      ...columns.map(
        (column) =>
          `${shortProvider(column.provider)} ${column.prompt.replace('agent-system', 'v').replace('@', '')}`,
      ),
    ],
    caseIds.map((caseId) => [
      caseId,
      ...columns.map((column) => {
        const entry = summary.cases.find(
          (item) =>
            item.caseId === caseId &&
            item.provider === column.provider &&
            item.prompt === column.prompt,
        );
        if (!entry) return '';
        const mark = entry.passed === entry.runs ? 'pass' : entry.passed === 0 ? 'FAIL' : 'flaky';
        return run.repeat > 1 ? `${mark} ${entry.passed}/${entry.runs}` : mark;
      }),
    ]),
  );
  const limit = options.failures ?? 20;
  const failed = run.results.filter((result) => !result.pass);
  const failures = failed.slice(0, limit).map((result) => {
    const first = result.assertions.find((outcome) => !outcome.pass);
    const reason = first ? `${first.type}: ${first.reason}` : `score ${result.score.toFixed(2)}`;
    const repeat = run.repeat > 1 ? ` #${result.repeat + 1}` : '';
    return `  ${result.caseId}${repeat} [${shortProvider(result.provider)} ${result.prompt}] ${reason}`;
  });
  if (failed.length > limit)
    failures.push(`  ... and ${failed.length - limit} more (see the JSON or HTML report)`);
  return [
    `Run ${run.id} (${run.mode}): ${summary.passed}/${summary.runs} case runs passed (${percent(summary.passRate)}) in ${ms(run.wallMs)}`,
    '',
    cells,
    '',
    matrix,
    ...(failures.length > 0 ? ['', 'Failures:', ...failures] : []),
    '',
  ].join('\n');
}
