// The three scheduled jobs behind one shape: which key a run on a given local day has (the month
// just closed for the summary, the day for the nightly jobs) and what the run does. Over a
// database file the heavy work (the anomaly scan, the forecast refresh, the summary's facts) runs
// in a worker thread of its own (job-worker.ts), so the server keeps answering; an in-memory
// store (tests) has no file to open again and runs it in this thread.
import type { SopFactsRequest } from '../../tools/sop/build-sop-facts';
import type { SopFacts } from '../../tools/sop/sop-facts';
import type { ToolContext } from '../../tools/tool-context';
import { monthOf, previousMonth } from '../../tools/sop/months';
import type { GenerateReportDeps } from '../sop/generate-report';
import type { ReportLanguage } from '../sop/report-types';
import type { Store } from '../store/store';
import { scanAnomalies, type AnomalyScanSummary } from './anomaly-scan-job';
import { refreshForecasts, type ForecastRefreshResult } from './forecast-refresh-job';
import { JOB_BODIES } from './job-worker-bodies';
import { databaseFileOf, runInJobWorker } from './job-worker';
import type { JobName } from './job-names';
import { generateMonthlySummary } from './monthly-summary-job';

export interface JobDeps {
  store: Pick<Store, 'database' | 'planning' | 'reports'>;
  toolContext(signal: AbortSignal): ToolContext;
  clock: () => Date;
  /** what the monthly summary needs besides the store (the model, when one narrates it) */
  report: Omit<GenerateReportDeps, 'store' | 'toolContext' | 'clock'>;
  language: ReportLanguage;
  /** false: run the job bodies in this thread even over a database file (default true) */
  inWorker?: boolean;
}

/** The database file the job worker opens, or undefined when the work stays in this thread. */
function workerDatabase(deps: JobDeps): string | undefined {
  return deps.inWorker === false ? undefined : databaseFileOf(deps.store.database);
}

function inWorker<Output>(
  deps: JobDeps,
  databasePath: string,
  body: string,
  input: unknown,
  signal: AbortSignal,
): Promise<Output> {
  return runInJobWorker<Output>({
    module: JOB_BODIES,
    body,
    databasePath,
    input,
    clock: deps.clock,
    logger: deps.report.logger,
    signal,
  });
}

const monthKey = /^\d{4}-(0[1-9]|1[0-2])$/;
const dayKey = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export interface JobDefinition {
  /** the key a run on `localDay` (ISO date in the scheduler's time zone) works on */
  keyFor(localDay: string): string;
  /** a reason when `key` is not a key of this job, else undefined */
  checkKey(key: string): string | undefined;
  run(deps: JobDeps, key: string, signal: AbortSignal): Promise<unknown>;
}

export const jobDefinitions: Record<JobName, JobDefinition> = {
  'monthly-summary': {
    keyFor: (localDay) => previousMonth(monthOf(localDay)),
    checkKey: (key) =>
      monthKey.test(key) ? undefined : `"${key}" is not a month: use YYYY-MM such as 2026-10`,
    run: (deps, key, signal) => {
      const databasePath = workerDatabase(deps);
      return generateMonthlySummary(
        {
          ...deps.report,
          store: deps.store,
          toolContext: deps.toolContext,
          clock: deps.clock,
          ...(databasePath !== undefined && {
            buildFacts: (context, request) =>
              inWorker<SopFacts>(
                deps,
                databasePath,
                'sopFactsBody',
                request satisfies SopFactsRequest,
                context.signal,
              ),
          }),
        },
        key,
        deps.language,
        signal,
      );
    },
  },
  'forecast-refresh': {
    keyFor: (localDay) => localDay,
    checkKey: (key) =>
      dayKey.test(key) ? undefined : `"${key}" is not a day: use YYYY-MM-DD such as 2026-11-02`,
    run: (deps, key, signal) => {
      const databasePath = workerDatabase(deps);
      return databasePath === undefined
        ? Promise.resolve(refreshForecasts(deps.toolContext(signal), deps.store.planning, key))
        : inWorker<ForecastRefreshResult>(
            deps,
            databasePath,
            'forecastRefreshBody',
            { madeOn: key },
            signal,
          );
    },
  },
  'anomaly-scan': {
    keyFor: (localDay) => localDay,
    checkKey: (key) =>
      dayKey.test(key) ? undefined : `"${key}" is not a day: use YYYY-MM-DD such as 2026-11-02`,
    run: (deps, key, signal) => {
      const databasePath = workerDatabase(deps);
      return databasePath === undefined
        ? Promise.resolve(
            scanAnomalies(deps.toolContext(signal), deps.store.planning, key, deps.clock),
          )
        : inWorker<AnomalyScanSummary>(
            deps,
            databasePath,
            'anomalyScanBody',
            { scannedOn: key },
            signal,
          );
    },
  },
};

/** The ISO date of `instant` in `timeZone` (an IANA name such as America/Lima). */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
