// Runs one job body in a worker thread of its own (issue 9), so the nightly jobs' minutes of CPU
// leave the server's event loop free. The worker opens the store's database file again (a second
// better-sqlite3 connection; WAL mode lets it read and write beside the server's); what the job
// runner records (job_runs, metrics, logs) stays in this thread. Aborting the signal terminates
// the worker at once and rejects with the signal's reason.
import { Worker } from 'node:worker_threads';
import type { ToolLogger } from '../../tools/tool-context';
import type { SqliteDatabase } from '../store/database';
import type { FromJobWorker, JobWorkerData } from './job-worker-protocol';

const BOOTSTRAP = new URL('./job-worker-bootstrap.js', import.meta.url);

export interface JobWorkerRequest {
  /** file: URL of the module that exports the body (see JobWorkerBody) */
  module: URL;
  body: string;
  databasePath: string;
  input: unknown;
  clock: () => Date;
  logger: ToolLogger;
  signal?: AbortSignal;
}

/** The database file a worker can open again, or undefined for an in-memory store. */
export function databaseFileOf(database: SqliteDatabase): string | undefined {
  return database.memory || database.name === '' ? undefined : database.name;
}

function errorOf(name: string, message: string): Error {
  const error =
    name === 'RangeError'
      ? new RangeError(message)
      : name === 'TypeError'
        ? new TypeError(message)
        : new Error(message);
  if (error.name !== name) error.name = name;
  return error;
}

export function runInJobWorker<Output>(request: JobWorkerRequest): Promise<Output> {
  const { signal, logger } = request;
  signal?.throwIfAborted();
  const data: JobWorkerData = {
    module: request.module.href,
    body: request.body,
    databasePath: request.databasePath,
    input: request.input,
    clockOffsetMs: request.clock().getTime() - Date.now(),
  };
  return new Promise<Output>((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { workerData: data });
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      // the worker's connection is closed before the caller goes on (e.g. closes the store)
      void worker.terminate().finally(settle);
    };
    const onAbort = () => finish(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: FromJobWorker) => {
      if (message.kind === 'log') logger[message.level](message.fields, message.message);
      else if (message.kind === 'result') finish(() => resolve(message.output as Output));
      else finish(() => reject(errorOf(message.name, message.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`the job worker exited with code ${code} before it answered`))),
    );
  });
}
