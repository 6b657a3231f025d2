// Messages between a job worker thread (job-worker-host.ts) and the thread that started it
// (job-worker.ts), and the shape of a body the worker runs.
import type { ToolContext } from '../../tools/tool-context';
import type { Store } from '../store/store';

/**
 * A job's work, run in the worker over the worker's own store connection: plain data in, plain
 * (structured-cloneable) data out.
 */
export type JobWorkerBody = (context: ToolContext, store: Store, input: never) => unknown;

export interface JobWorkerData {
  /** file: URL of the module exporting the body */
  module: string;
  /** the body's export name */
  body: string;
  /** the store's database file (opened again in the worker: WAL allows a second connection) */
  databasePath: string;
  input: unknown;
  /** the starting thread's clock minus Date.now(), so the worker's clock agrees with it */
  clockOffsetMs: number;
}

export type LogLevel = 'debug' | 'info' | 'warn';

export type FromJobWorker =
  | { kind: 'log'; level: LogLevel; fields: Record<string, unknown>; message: string }
  | { kind: 'result'; output: unknown }
  | { kind: 'failure'; name: string; message: string };
