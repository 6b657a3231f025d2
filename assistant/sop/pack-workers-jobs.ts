// The worker-thread job module of the S&OP pack (pack-workers.ts): one demand-review forecast or
// one supply-review policy search per job, both plain data in and out.
import type { JobHandler } from '../batch/worker-protocol';
import {
  forecastMonthlyJobs,
  type MonthlyForecastJob,
} from '../../tools/sop/demand-review-forecasts';
import { recommendSupplyPolicy, type SupplyPolicyJob } from '../../tools/sop/supply-review-listing';

export type PackJob =
  { kind: 'forecast'; job: MonthlyForecastJob } | { kind: 'policy'; job: SupplyPolicyJob };

/** Runs one pack job in this thread (the workers' handler, and the in-process path). */
export function runPackJob(packJob: PackJob): unknown {
  if (packJob.kind === 'forecast') {
    const [outcome] = forecastMonthlyJobs([packJob.job]);
    return outcome;
  }
  return recommendSupplyPolicy(packJob.job);
}

export function createJobHandler(): JobHandler {
  return (job) => runPackJob(job as PackJob);
}
