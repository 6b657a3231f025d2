// The one place that loads the `highs` package: HiGHS (Huangfu & Hall 2018, "Parallelizing the dual
// revised simplex method", Math. Prog. Comp. 10; branch-and-cut MIP) compiled to WebAssembly. A
// solver call is computation, not I/O, so it lives under models/: no files, no clock, no env. The
// WebAssembly instance is loaded once and cached; each solve() makes a fresh native solver inside it.
import type { Highs } from 'highs';

/** What the solver concluded, in our own words (HiGHS's text is kept in `highsStatus`). */
export type LinearProgramStatus =
  'optimal' | 'infeasible' | 'unbounded' | 'time-limit' | 'iteration-limit' | 'error';

export interface LinearProgramRow {
  name: string;
  /** Row activity (the left-hand side at the solution). */
  activity: number;
  /** Shadow price ∂objective/∂bound; present for LPs only (HiGHS gives no MIP duals). */
  dual: number | undefined;
}

export interface LinearProgramSolution {
  status: LinearProgramStatus;
  /** HiGHS's own status text, e.g. "Optimal", "Infeasible", "Time limit reached". */
  highsStatus: string;
  /** Objective value; NaN where no solution was established. */
  objective: number;
  /** Column values by column name (empty where no solution was established). */
  columns: ReadonlyMap<string, number>;
  /** Rows in the model's order (empty where no solution was established). */
  rows: readonly LinearProgramRow[];
  /** Whether the solution carries duals (a continuous model solved to optimality). */
  hasDuals: boolean;
}

export interface SolveOptions {
  /** Wall-clock limit of the solve in seconds (HiGHS `time_limit`); default unlimited. */
  timeLimitSeconds?: number;
  /** MIP relative gap at which HiGHS stops (HiGHS `mip_rel_gap`); default HiGHS's 1e-4. */
  mipRelativeGap?: number;
}

let highsInstance: Promise<Highs> | undefined;

/** The cached HiGHS WebAssembly instance (loaded on first use). */
function loadHighs(): Promise<Highs> {
  if (highsInstance === undefined) {
    highsInstance = import('highs').then((module) => module.default());
    // a failed load must not poison every later call
    highsInstance.catch(() => {
      highsInstance = undefined;
    });
  }
  return highsInstance;
}

const statusOfHighs: Readonly<Record<string, LinearProgramStatus>> = {
  Optimal: 'optimal',
  Infeasible: 'infeasible',
  'Primal infeasible or unbounded': 'infeasible',
  Unbounded: 'unbounded',
  'Time limit reached': 'time-limit',
  'Iteration limit reached': 'iteration-limit',
};

function validateOptions(options: SolveOptions): void {
  const { timeLimitSeconds, mipRelativeGap } = options;
  if (timeLimitSeconds !== undefined && !(timeLimitSeconds > 0)) {
    throw new RangeError(`timeLimitSeconds: must be > 0, got ${timeLimitSeconds}`);
  }
  if (mipRelativeGap !== undefined && !(mipRelativeGap >= 0 && mipRelativeGap < 1)) {
    throw new RangeError(`mipRelativeGap: must be in [0, 1), got ${mipRelativeGap}`);
  }
}

/**
 * Solve a model written in CPLEX LP format (the format HiGHS reads: Minimize/Maximize, Subject To,
 * Bounds, Generals, Binaries, End). Infeasible and unbounded models are results, not exceptions;
 * text HiGHS cannot read throws a TypeError carrying HiGHS's message.
 */
export async function solveLinearProgram(
  lpText: string,
  options: SolveOptions = {},
): Promise<LinearProgramSolution> {
  if (typeof lpText !== 'string' || lpText.trim() === '') {
    throw new TypeError('lpText: expected the model as non-empty CPLEX LP text');
  }
  validateOptions(options);
  const highs = await loadHighs();
  const highsOptions: Record<string, number | boolean | string> = { output_flag: false };
  if (options.timeLimitSeconds !== undefined) highsOptions.time_limit = options.timeLimitSeconds;
  if (options.mipRelativeGap !== undefined) highsOptions.mip_rel_gap = options.mipRelativeGap;
  let result: ReturnType<Highs['solve']>;
  try {
    result = highs.solve(lpText, highsOptions);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new TypeError(`lpText: HiGHS could not read or solve the model: ${message}`);
  }
  const status = statusOfHighs[result.Status] ?? 'error';
  // Limit statuses may carry the best solution found; read it when the columns hold values.
  const columns = new Map<string, number>();
  const rows: LinearProgramRow[] = [];
  let hasDuals = false;
  let solved = false;
  for (const [name, column] of Object.entries(result.Columns ?? {})) {
    if (!('Primal' in column) || typeof column.Primal !== 'number') continue;
    solved = true;
    columns.set(name, column.Primal);
  }
  if (solved) {
    for (const row of result.Rows ?? []) {
      if (!('Primal' in row) || typeof row.Primal !== 'number') continue;
      const dual = 'Dual' in row && typeof row.Dual === 'number' ? row.Dual : undefined;
      if (dual !== undefined) hasDuals = true;
      rows.push({
        name: 'Name' in row ? String(row.Name) : `row${row.Index}`,
        activity: row.Primal,
        dual,
      });
    }
  }
  return {
    status,
    highsStatus: result.Status,
    objective: solved ? result.ObjectiveValue : Number.NaN,
    columns,
    rows,
    hasDuals: hasDuals && status === 'optimal',
  };
}
