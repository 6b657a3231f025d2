// The whole process as a user runs it: `ayni serve` in a child process, real HTTP, a fake Ollama
// speaking /api/tags, CSV import over HTTP, then SIGTERM and a clean exit.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from '../support/fake-ollama';

const cli = join(import.meta.dirname, '../../bin/ayni.js');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ayni-e2e-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface Started {
  child: ChildProcessWithoutNullStreams;
  url: string;
  exited: Promise<{ code: number | null; stderr: string }>;
}

function serve(environment: Record<string, string>, args: string[] = []): Promise<Started> {
  const child = spawn(process.execPath, [cli, 'serve', ...args], {
    env: { ...process.env, AYNI_LOG_LEVEL: 'warn', ...environment },
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stderr })),
  );
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolve({ child, url: match[1], exited });
    });
    void exited.then(({ code }) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

async function runCli(args: string[], environment: Record<string, string>) {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, ...environment },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stderr };
}

describe('ayni serve (end to end)', () => {
  it('serves health, readiness with the model check, imported data and metrics, then stops on SIGTERM', async () => {
    const ollama: FakeOllama = await startFakeOllama({
      kind: 'models',
      names: ['qwen3:8b', 'bge-m3:latest'],
    });
    cleanups.push(() => ollama.close());
    const dataDir = temporaryDir();
    const server = await serve({ AYNI_DATA_DIR: dataDir, AYNI_PORT: '0', OLLAMA_HOST: ollama.url });

    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });

    const ready = (await (await fetch(`${server.url}/readyz`)).json()) as {
      status: string;
      checks: { ollama: { models: Record<string, { present: boolean; fix?: string }> } };
    };
    expect(ready.status).toBe('degraded');
    expect(ready.checks.ollama.models.chat?.present).toBe(true);
    expect(ready.checks.ollama.models.vision).toMatchObject({
      present: false,
      fix: 'ollama pull qwen2.5vl:7b',
    });

    const products = await fetch(`${server.url}/api/import/products`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'sku,name,category\nQUI-500,Quinoa blanca 500 g,grains\n',
    });
    expect(products.status).toBe(200);
    const sales = await fetch(`${server.url}/api/import/sales?create_missing=true`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'date;sku;location;units\n2026-01-05;QUI-500;LIM-CALLAO;12,5\n2026-01-06;QUI-500;LIM-CALLAO;7\n',
    });
    expect(sales.status).toBe(200);
    const weekly = (await (
      await fetch(`${server.url}/api/sales?sku=QUI-500&grain=week`)
    ).json()) as { rows: { period: string; units: number }[] };
    expect(weekly.rows).toEqual([expect.objectContaining({ period: '2026-01-05', units: 19.5 })]);

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(
      /ayni_http_request_duration_seconds_count\{method="GET",route="\/api\/sales",status="200"\} 1/,
    );
    expect(metrics).toContain('process_cpu_user_seconds_total');

    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  });

  it('stops start-up with one clear line when the port is taken', async () => {
    const first = await serve({ AYNI_DATA_DIR: temporaryDir(), AYNI_PORT: '0' });
    const port = new URL(first.url).port;
    const second = await runCli(['serve'], { AYNI_DATA_DIR: temporaryDir(), AYNI_PORT: port });
    expect(second.code).not.toBe(0);
    expect(second.stderr.trim().split('\n')).toEqual([
      `ayni: port ${port} on 127.0.0.1 is already in use: stop the other process or set AYNI_PORT`,
    ]);
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
  });

  it('stops start-up with one line naming a malformed variable or an unusable data folder', async () => {
    const badPort = await runCli(['serve'], { AYNI_PORT: 'abc' });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toMatch(/^ayni: AYNI_PORT="abc": .*whole number/);
    const file = join(temporaryDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const badDir = await runCli(['serve'], { AYNI_DATA_DIR: join(file, 'data'), AYNI_PORT: '0' });
    expect(badDir.code).not.toBe(0);
    expect(badDir.stderr.trim().split('\n')).toHaveLength(1);
    expect(badDir.stderr).toContain('set AYNI_DATA_DIR to a writable folder');
  });
});
