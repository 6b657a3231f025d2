// Runs inside a worker thread: loads the job module named by the pool, builds its handler once,
// then answers each { index, job } message with a result or the error's message. A throwing job
// is reported for that job only; the worker goes on with the next.
import { parentPort, workerData } from 'node:worker_threads';
import type { HostData, JobHandlerModule, ToPool, ToWorker } from './worker-protocol';

const port = parentPort;
if (port === null) throw new Error('worker-host.ts runs only inside a worker thread');
const data = workerData as HostData;
const loaded = (await import(data.module)) as Partial<JobHandlerModule>;
if (typeof loaded.createJobHandler !== 'function')
  throw new TypeError(`${data.module} does not export createJobHandler(options)`);
const handle = await loaded.createJobHandler(data.options);

port.on('message', (message: ToWorker) => {
  let reply: ToPool;
  try {
    reply = { kind: 'result', index: message.index, value: handle(message.job) };
  } catch (error) {
    reply = {
      kind: 'failure',
      index: message.index,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  port.postMessage(reply);
});
port.postMessage({ kind: 'ready' } satisfies ToPool);
