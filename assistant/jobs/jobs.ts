// The three scheduled jobs behind one shape: which key a run on a given local day has (the month
// just closed for the summary, the day for the nightly jobs) and what the run does.
import type { ToolContext } from '../../tools/tool-context';
import { monthOf, previousMonth } from '../../tools/sop/months';
import type { GenerateReportDeps } from '../sop/generate-report';
import type { ReportLanguage } from '../sop/report-types';
import type { Store } from '../store/store';
import { scanAnomalies } from './anomaly-scan-job';
import { refreshForecasts } from './forecast-refresh-job';
import type { JobName } from './job-names';
import { generateMonthlySummary } from './monthly-summary-job';

export interface JobDeps {
  store: Pick<Store, 'database' | 'planning' | 'reports'>;
  toolContext(signal: AbortSignal): ToolContext;
  clock: () => Date;
  /** what the monthly summary needs besides the store (the model, when one narrates it) */
  report: Omit<GenerateReportDeps, 'store' | 'toolContext' | 'clock'>;
  language: ReportLanguage;
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
    run: (deps, key, signal) =>
      generateMonthlySummary(
        {
          ...deps.report,
          store: deps.store,
          toolContext: deps.toolContext,
          clock: deps.clock,
        },
        key,
        deps.language,
        signal,
      ),
  },
  'forecast-refresh': {
    keyFor: (localDay) => localDay,
    checkKey: (key) =>
      dayKey.test(key) ? undefined : `"${key}" is not a day: use YYYY-MM-DD such as 2026-11-02`,
    run: (deps, key, signal) =>
      Promise.resolve(refreshForecasts(deps.toolContext(signal), deps.store.planning, key)),
  },
  'anomaly-scan': {
    keyFor: (localDay) => localDay,
    checkKey: (key) =>
      dayKey.test(key) ? undefined : `"${key}" is not a day: use YYYY-MM-DD such as 2026-11-02`,
    run: (deps, key, signal) =>
      Promise.resolve(
        scanAnomalies(deps.toolContext(signal), deps.store.planning, key, deps.clock),
      ),
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
