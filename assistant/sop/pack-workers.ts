// The S&OP pack's facts with the per-listing work in worker threads (issue 9, ARCHITECTURE.md 4):
// the demand review's forecasts (one Theta fit per SKU x location) and the supply review's policy
// searches (a simulation per perishable listing) are plain jobs from prepareDemandReview and
// prepareSupplyReview; they run in the batch worker pool when there are many, in this thread when
// few (starting the workers costs about a second), and the sections are completed from their
// outcomes by the same code as the in-process builders, so every number is identical.
import { availableParallelism } from 'node:os';
import { runPool } from '../batch/worker-pool';
import { assembleSopFacts, type SopFactsRequest } from '../../tools/sop/build-sop-facts';
import { createSopBuilders } from '../../tools/sop/build-sop-facts-builders';
import type { MonthlyForecastOutcome } from '../../tools/sop/demand-review-forecasts';
import { prepareDemandReview, type DemandReviewPlan } from '../../tools/sop/demand-review';
import { createMonthlyListingsCache } from '../../tools/sop/monthly-listings';
import { resolveSopScope } from '../../tools/sop/resolve-sop-scope';
import type { SopFacts } from '../../tools/sop/sop-facts';
import { prepareSupplyReview, type SupplyReviewPlan } from '../../tools/sop/supply-review';
import type { SupplyPolicyOutcome } from '../../tools/sop/supply-review-listing';
import type { ToolContext } from '../../tools/tool-context';
import { runPackJob, type PackJob } from './pack-workers-jobs';

/** Below this many jobs the pack runs them in this thread. */
export const DEFAULT_WORKER_THRESHOLD = 5_000;

export interface PackWorkerOptions {
  /** worker threads; default os.availableParallelism() */
  threads?: number;
  /** fewest jobs that go to worker threads; default DEFAULT_WORKER_THRESHOLD */
  workerThreshold?: number;
}

const JOB_MODULE = new URL('./pack-workers-jobs.ts', import.meta.url);

type Prepared<Plan> = { plan: Plan } | { error: unknown };

function prepare<Plan>(context: ToolContext, section: string, make: () => Plan): Prepared<Plan> {
  const started = performance.now();
  try {
    return { plan: make() };
  } catch (error) {
    // rethrown by the section's builder, which reports it as the in-process path does
    if (context.signal.aborted) throw error;
    return { error };
  } finally {
    context.logger.debug(
      { section: `${section}.prepare`, ms: Math.round(performance.now() - started) },
      'S&OP section prepared',
    );
  }
}

async function runJobs(
  jobs: PackJob[],
  context: ToolContext,
  options: PackWorkerOptions,
): Promise<Map<string, { value: unknown } | { error: string }>> {
  const results = new Map<string, { value: unknown } | { error: string }>();
  const threshold = options.workerThreshold ?? DEFAULT_WORKER_THRESHOLD;
  const started = performance.now();
  if (jobs.length < threshold) {
    for (const job of jobs) {
      context.signal.throwIfAborted();
      try {
        results.set(job.job.id, { value: runPackJob(job) });
      } catch (error) {
        results.set(job.job.id, { error: error instanceof Error ? error.message : String(error) });
      }
    }
  } else {
    const outcomes = runPool<PackJob, unknown>(jobs, {
      jobModule: JOB_MODULE,
      threads: options.threads ?? availableParallelism(),
      signal: context.signal,
    });
    for await (const outcome of outcomes)
      results.set(
        outcome.job.job.id,
        outcome.ok ? { value: outcome.value } : { error: outcome.error },
      );
  }
  context.logger.debug(
    {
      section: 'listingJobs',
      ms: Math.round(performance.now() - started),
      jobs: jobs.length,
      workers: jobs.length >= threshold,
    },
    'S&OP listing jobs run',
  );
  return results;
}

/** The outcomes of a plan's jobs; throws the first failed job's message (the section's reason). */
function outcomesOf<Outcome>(
  jobs: readonly { id: string }[],
  results: ReadonlyMap<string, { value: unknown } | { error: string }>,
): Outcome[] {
  return jobs.map((job) => {
    const result = results.get(job.id);
    if (result === undefined) throw new RangeError(`outcomes: no result for job ${job.id}`);
    if ('error' in result) throw new Error(result.error);
    return result.value as Outcome;
  });
}

/**
 * The facts of one month and scope, as buildSopFacts gives them, with the demand forecasts and the
 * supply policies of a large scope run in worker threads.
 */
export async function buildSopFactsInWorkers(
  context: ToolContext,
  request: SopFactsRequest,
  options: PackWorkerOptions = {},
): Promise<SopFacts> {
  const listings = createMonthlyListingsCache();
  const builders = createSopBuilders(listings);
  // without sales (or with an unknown scope) the assembly throws its own error: nothing to prepare
  if (context.sales.dateRange() === undefined) return assembleSopFacts(context, request, builders);
  const { salesScope } = resolveSopScope(context, request.scope);
  const demand: Prepared<DemandReviewPlan> = prepare(context, 'demandReview', () =>
    prepareDemandReview(context, request.month, salesScope, listings),
  );
  const supply: Prepared<SupplyReviewPlan> = prepare(context, 'supplyReview', () =>
    prepareSupplyReview(
      context,
      request.month,
      salesScope,
      builders.stockListings?.(request.month),
    ),
  );
  const jobs: PackJob[] = [
    ...('plan' in demand && demand.plan.status === 'ready'
      ? demand.plan.jobs.map((job): PackJob => ({ kind: 'forecast', job }))
      : []),
    ...('plan' in supply && supply.plan.status === 'ready'
      ? supply.plan.jobs.map((job): PackJob => ({ kind: 'policy', job }))
      : []),
  ];
  const results = await runJobs(jobs, context, options);
  return assembleSopFacts(context, request, {
    ...builders,
    demandReview: () => {
      if ('error' in demand) throw demand.error;
      const { plan } = demand;
      if (plan.status === 'not_available') return plan;
      return plan.complete(outcomesOf<MonthlyForecastOutcome>(plan.jobs, results));
    },
    supplyReview: () => {
      if ('error' in supply) throw supply.error;
      const { plan } = supply;
      if (plan.status === 'not_available') return plan;
      return plan.complete(outcomesOf<SupplyPolicyOutcome>(plan.jobs, results));
    },
  });
}
