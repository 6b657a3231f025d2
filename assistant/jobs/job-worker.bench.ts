// Bench (issue 9): how long GET /healthz takes while the nightly anomaly scan runs on the demo
// company, with the scan in the server's thread and in a job worker thread.
//   npx tsx assistant/jobs/job-worker.bench.ts --db DEMO.db [--mode thread|worker|both]
// The database is copied first (the scan writes its findings). The real app (createApp) listens on
// a local port; a child process asks /healthz every 250 ms (its clock is not blocked by ours) and
// reports each answer's time. Timings on a shared machine are noisy: the load average is printed.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { loadConfig } from '../config';
import { createMetrics } from '../metrics/metrics';
import { createApp } from '../server/create-app';
import { openStore } from '../store/store';
import { createStoreToolContext } from '../store/tool-context';
import { createScheduler } from './scheduler';

const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const source = argument('--db');
if (source === undefined) throw new Error('--db: give the demo company database file');
const modeFlag = argument('--mode') ?? 'both';
const modes = modeFlag === 'both' ? ['thread', 'worker'] : [modeFlag];

const probe = `
const url = process.argv[1];
const times = [];
let failures = 0;
let stop = false;
process.stdin.on('data', () => { stop = true; });
(async () => {
  while (!stop) {
    const started = performance.now();
    // a request held past the server's headers timeout (60 s) is reset when the loop frees up
    const ok = await fetch(url).then((response) => response.text()).then(() => true, () => false);
    times.push(performance.now() - started);
    if (!ok) failures += 1;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.stdout.write(JSON.stringify({ times, failures }));
  process.exit(0);
})();
`;

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

async function measure(mode: string): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'ayni-job-bench-'));
  const path = join(folder, 'ayni.db');
  copyFileSync(source!, path);
  const store = openStore({ path });
  const config = loadConfig({ AYNI_DATA_DIR: folder });
  const logger = pino({ level: 'silent' });
  const metrics = createMetrics(new Registry());
  const app = createApp({
    store,
    config,
    logger,
    metrics,
    ollama: {
      status: () => Promise.reject(new Error('no Ollama in this bench')),
    },
    importer: { run: () => Promise.reject(new Error('no import in this bench')) },
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}/healthz`;
  const child = spawn(process.execPath, ['-e', probe, url], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const now = () => new Date('2026-11-23T07:30:00Z');
  const scheduler = createScheduler(
    {
      store,
      toolContext: (signal) => createStoreToolContext(store, { signal, now, logger }),
      clock: now,
      report: { logger },
      language: 'es',
      logger,
      hasSales: () => true,
      inWorker: mode === 'worker',
    },
    { summaryCron: '0 6 2 * *', nightlyCron: '30 2 * * *', timezone: 'America/Lima' },
  );
  const load = loadavg()[0]!.toFixed(1);
  const started = performance.now();
  const outcome = await scheduler.runNow('anomaly-scan', { key: '2026-11-23', force: true });
  const scanSeconds = (performance.now() - started) / 1000;
  child.stdin.write('stop\n');
  await exited;
  server.close();
  store.close();
  rmSync(folder, { recursive: true, force: true });
  const answers = JSON.parse(output) as { times: number[]; failures: number };
  const times = answers.times.sort((a, b) => a - b);
  console.log(
    `${mode}: scan ${outcome.status} in ${scanSeconds.toFixed(1)} s (load ${load} at start, ` +
      `${loadavg()[0]!.toFixed(1)} at end); /healthz ${times.length} requests (${answers.failures} reset), p50 ` +
      `${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms, ` +
      `max ${(times[times.length - 1] ?? Number.NaN).toFixed(1)} ms`,
  );
}

for (const mode of modes) await measure(mode);
