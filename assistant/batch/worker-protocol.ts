// Messages between the worker pool and its threads, and the shape of a job module.

/** A module run in the workers: builds, once per worker, the function that does one job. */
export interface JobHandlerModule {
  createJobHandler(options: unknown): JobHandler | Promise<JobHandler>;
}

/** Does one job; a thrown error fails that job only. Must be synchronous (CPU work). */
export type JobHandler = (job: unknown) => unknown;

export interface HostData {
  /** file: URL of the job module. */
  module: string;
  options: unknown;
}

export interface ToWorker {
  index: number;
  job: unknown;
}

export type ToPool =
  | { kind: 'ready' }
  | { kind: 'result'; index: number; value: unknown }
  | { kind: 'failure'; index: number; error: string };
