// The scheduler's settings and their check (read by config.ts at start: a bad cron expression or
// time zone is a configuration error naming the variable, not a crash at the first tick).
import { Cron } from 'croner';
import type { ReportLanguage } from '../sop/report-types';

export interface SchedulerConfig {
  /** cron of the monthly summary, e.g. `0 6 2 * *` (06:00 on the 2nd) */
  summaryCron: string;
  /** cron of the forecast refresh and the anomaly scan, e.g. `30 2 * * *` */
  nightlyCron: string;
  /** IANA time zone the crons and the run keys are read in */
  timezone: string;
  /** the scheduled monthly summary's language (AYNI_SUMMARY_LANGUAGE); default the deps' */
  summaryLanguage?: ReportLanguage;
}

/** Throws a RangeError naming the setting when a cron expression or the time zone is invalid. */
export function checkSchedule(config: SchedulerConfig): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: config.timezone });
  } catch {
    throw new RangeError(
      `timezone "${config.timezone}" is not an IANA time zone: use one such as America/Lima`,
    );
  }
  for (const [name, pattern] of [
    ['summaryCron', config.summaryCron],
    ['nightlyCron', config.nightlyCron],
  ] as const) {
    try {
      new Cron(pattern, { paused: true, timezone: config.timezone }).stop();
    } catch (error) {
      throw new RangeError(
        `${name} "${pattern}" is not a cron expression (${error instanceof Error ? error.message : String(error)}): use five fields, minute hour day month weekday, such as 30 2 * * *`,
      );
    }
  }
}
