// The scheduled jobs (bounded: these are the `job` label of the job metrics).
export const jobNames = ['monthly-summary', 'forecast-refresh', 'anomaly-scan'] as const;
export type JobName = (typeof jobNames)[number];

export function isJobName(value: string): value is JobName {
  return (jobNames as readonly string[]).includes(value);
}
