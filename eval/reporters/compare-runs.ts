// Two runs side by side (`ayni eval compare RUN_A RUN_B`): per provider x prompt version the pass
// rate and latency before and after, and the cases whose outcome flipped.
import type { EvalRun } from '../runner/run-eval';
import { shortProvider } from './console-report';

export interface CellChange {
  provider: string;
  prompt: string;
  /** undefined when the cell is not in that run */
  passRateA?: number;
  passRateB?: number;
  latencyP50A?: number;
  latencyP50B?: number;
  latencyP95A?: number;
  latencyP95B?: number;
}

export interface CaseFlip {
  caseId: string;
  provider: string;
  prompt: string;
  passRateA: number;
  passRateB: number;
  /** fixed: failed in A and passes in B; broke: the reverse; changed: the pass rate moved */
  direction: 'fixed' | 'broke' | 'changed';
  /** the first failed assertion's reason in B, when B failed */
  reasonB?: string;
}

export interface RunComparison {
  a: { id: string; startedAt: string; passRate: number };
  b: { id: string; startedAt: string; passRate: number };
  cells: CellChange[];
  flips: CaseFlip[];
  /** "case [model prompt]" present in only one run */
  onlyInA: string[];
  onlyInB: string[];
}

const keyOf = (entry: { caseId?: string; provider: string; prompt: string }) =>
  JSON.stringify([entry.provider, entry.prompt, entry.caseId ?? '']);

export function compareRuns(a: EvalRun, b: EvalRun): RunComparison {
  const cellKeys = new Map<string, { provider: string; prompt: string }>();
  for (const cell of [...a.summary.cells, ...b.summary.cells])
    cellKeys.set(keyOf(cell), { provider: cell.provider, prompt: cell.prompt });
  const cells = [...cellKeys.entries()].map(([key, { provider, prompt }]) => {
    const before = a.summary.cells.find((cell) => keyOf(cell) === key);
    const after = b.summary.cells.find((cell) => keyOf(cell) === key);
    return {
      provider,
      prompt,
      ...(before && {
        passRateA: before.passRate,
        latencyP50A: before.latencyP50Ms,
        latencyP95A: before.latencyP95Ms,
      }),
      ...(after && {
        passRateB: after.passRate,
        latencyP50B: after.latencyP50Ms,
        latencyP95B: after.latencyP95Ms,
      }),
    };
  });
  const casesA = new Map(a.summary.cases.map((entry) => [keyOf(entry), entry]));
  const casesB = new Map(b.summary.cases.map((entry) => [keyOf(entry), entry]));
  const label = (entry: { caseId: string; provider: string; prompt: string }) =>
    `${entry.caseId} [${shortProvider(entry.provider)} ${entry.prompt}]`;
  const flips: CaseFlip[] = [];
  for (const [key, before] of casesA) {
    const after = casesB.get(key);
    if (!after || after.passRate === before.passRate) continue;
    const direction =
      before.passRate === 0 && after.passRate === 1
        ? 'fixed'
        : before.passRate === 1 && after.passRate === 0
          ? 'broke'
          : 'changed';
    const failedB = b.results.find((result) => keyOf(result) === key && !result.pass);
    const reason = failedB?.assertions.find((outcome) => !outcome.pass);
    flips.push({
      caseId: before.caseId,
      provider: before.provider,
      prompt: before.prompt,
      passRateA: before.passRate,
      passRateB: after.passRate,
      direction,
      ...(reason ? { reasonB: `${reason.type}: ${reason.reason}` } : {}),
    });
  }
  return {
    a: { id: a.id, startedAt: a.startedAt, passRate: a.summary.passRate },
    b: { id: b.id, startedAt: b.startedAt, passRate: b.summary.passRate },
    cells,
    flips,
    onlyInA: [...casesA.entries()]
      .filter(([key]) => !casesB.has(key))
      .map(([, entry]) => label(entry)),
    onlyInB: [...casesB.entries()]
      .filter(([key]) => !casesA.has(key))
      .map(([, entry]) => label(entry)),
  };
}

const percent = (value: number | undefined) =>
  value === undefined ? '-' : `${(100 * value).toFixed(1)}%`;
const ms = (value: number | undefined) => (value === undefined ? '-' : `${Math.round(value)} ms`);

export function formatComparison(comparison: RunComparison): string {
  const lines = [
    `A ${comparison.a.id}: ${percent(comparison.a.passRate)}   B ${comparison.b.id}: ${percent(comparison.b.passRate)}`,
    '',
    ...comparison.cells.map(
      (cell) =>
        `${shortProvider(cell.provider)} ${cell.prompt}: pass rate ${percent(cell.passRateA)} -> ${percent(cell.passRateB)}, latency p50 ${ms(cell.latencyP50A)} -> ${ms(cell.latencyP50B)}, p95 ${ms(cell.latencyP95A)} -> ${ms(cell.latencyP95B)}`,
    ),
  ];
  if (comparison.flips.length > 0) {
    lines.push('', 'Flipped cases:');
    for (const flip of comparison.flips)
      lines.push(
        `  ${flip.direction.padEnd(7)} ${flip.caseId} [${shortProvider(flip.provider)} ${flip.prompt}] ${percent(flip.passRateA)} -> ${percent(flip.passRateB)}${flip.reasonB ? `: ${flip.reasonB}` : ''}`,
      );
  } else lines.push('', 'No case changed its outcome.');
  if (comparison.onlyInA.length > 0) lines.push('', `Only in A: ${comparison.onlyInA.join(', ')}`);
  if (comparison.onlyInB.length > 0) lines.push('', `Only in B: ${comparison.onlyInB.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
