// Figures of an evaluation run: per provider x prompt version (pass rate, latency and TTFT
// percentiles, tokens, model time) and per case (pass rate over the repeats: stability).
import type { CaseResult } from '../case-result';

export interface MatrixCell {
  provider: string;
  prompt: string;
  /** distinct cases */
  cases: number;
  /** case runs (cases x repeats) */
  runs: number;
  passed: number;
  passRate: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  ttftP50Ms: number | null;
  meanOutputTokens: number;
  meanInputTokens: number;
  modelMs: number;
  /** cases that passed in some repeats and failed in others */
  unstableCases: number;
}

export interface CaseStability {
  caseId: string;
  provider: string;
  prompt: string;
  runs: number;
  passed: number;
  passRate: number;
}

export interface EvalSummary {
  runs: number;
  passed: number;
  passRate: number;
  cells: MatrixCell[];
  cases: CaseStability[];
}

/** Quantile by linear interpolation between order statistics (Hyndman & Fan 1996, type 7, R's default). */
export function quantile(values: readonly number[], probability: number): number {
  if (values.length === 0) return Number.NaN;
  if (!(probability >= 0 && probability <= 1))
    throw new RangeError(`probability must be in [0, 1], got ${probability}`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * probability;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

export function summarize(results: readonly CaseResult[]): EvalSummary {
  const cases: CaseStability[] = [];
  for (const group of groupBy(results, (result) =>
    JSON.stringify([result.provider, result.prompt, result.caseId]),
  ).values()) {
    const first = group[0]!;
    const passed = group.filter((result) => result.pass).length;
    cases.push({
      caseId: first.caseId,
      provider: first.provider,
      prompt: first.prompt,
      runs: group.length,
      passed,
      passRate: passed / group.length,
    });
  }
  const cells: MatrixCell[] = [];
  for (const group of groupBy(results, (result) =>
    JSON.stringify([result.provider, result.prompt]),
  ).values()) {
    const first = group[0]!;
    const passed = group.filter((result) => result.pass).length;
    const latencies = group.map((result) => result.output.latencyMs);
    const ttfts = group.flatMap((result) =>
      result.output.ttftMs === null ? [] : [result.output.ttftMs],
    );
    const ownCases = cases.filter(
      (entry) => entry.provider === first.provider && entry.prompt === first.prompt,
    );
    cells.push({
      provider: first.provider,
      prompt: first.prompt,
      cases: ownCases.length,
      runs: group.length,
      passed,
      passRate: passed / group.length,
      latencyP50Ms: quantile(latencies, 0.5),
      latencyP95Ms: quantile(latencies, 0.95),
      ttftP50Ms: ttfts.length > 0 ? quantile(ttfts, 0.5) : null,
      meanOutputTokens: mean(group.map((result) => result.output.outputTokens)),
      meanInputTokens: mean(group.map((result) => result.output.inputTokens)),
      modelMs: group.reduce((sum, result) => sum + result.output.modelMs, 0),
      unstableCases: ownCases.filter((entry) => entry.passed > 0 && entry.passed < entry.runs)
        .length,
    });
  }
  const passed = results.filter((result) => result.pass).length;
  return {
    runs: results.length,
    passed,
    passRate: results.length === 0 ? 0 : passed / results.length,
    cells,
    cases,
  };
}
