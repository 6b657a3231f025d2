// Runs inside a job worker thread: opens the store at the path it was given (its own connection),
// runs the named body once with a tool context over it, posts the output or the error, and closes
// the connection. The tool context's log lines go to the starting thread's logger.
import { parentPort, workerData } from 'node:worker_threads';
import type { ToolLogger } from '../../tools/tool-context';
import { openStore } from '../store/store';
import { createStoreToolContext } from '../store/tool-context';
import type { FromJobWorker, JobWorkerBody, JobWorkerData, LogLevel } from './job-worker-protocol';

const port = parentPort;
if (port === null) throw new Error('job-worker-host.ts runs only inside a worker thread');
const data = workerData as JobWorkerData;
const post = (message: FromJobWorker) => port.postMessage(message);

const line =
  (level: LogLevel) =>
  (fields: Record<string, unknown>, message: string): void => {
    try {
      post({ kind: 'log', level, fields, message });
    } catch {
      // fields that cannot be cloned: the message alone
      post({ kind: 'log', level, fields: {}, message });
    }
  };
const logger: ToolLogger = { debug: line('debug'), info: line('info'), warn: line('warn') };

const store = openStore({ path: data.databasePath });
try {
  const loaded = (await import(data.module)) as Record<string, unknown>;
  const body = loaded[data.body];
  if (typeof body !== 'function')
    throw new TypeError(`${data.module} does not export a job body named ${data.body}`);
  const context = createStoreToolContext(store, {
    // the starting thread stops a run by terminating this thread
    signal: new AbortController().signal,
    now: () => new Date(Date.now() + data.clockOffsetMs),
    logger,
  });
  const output: unknown = await (body as JobWorkerBody)(context, store, data.input as never);
  post({ kind: 'result', output });
} catch (error) {
  post({
    kind: 'failure',
    name: error instanceof Error ? error.name : 'Error',
    message: error instanceof Error ? error.message : String(error),
  });
} finally {
  store.close();
}
