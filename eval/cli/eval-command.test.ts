import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-store';
import { snapshotOf, type CompanySnapshot } from '../runner/eval-company';
import { goodModel, ruleLlm, wrongToolModel } from '../runner/fixtures/rule-llm';
import { runEvalCli, type EvalCliIo } from './eval-command';

const suiteFile = fileURLToPath(new URL('../runner/fixtures/runner-suite.yaml', import.meta.url));
let company: CompanySnapshot;
let out: string;

beforeAll(async () => {
  const store = openTestStore();
  company = snapshotOf(store, '2024-01-15');
  store.close();
  out = await mkdtemp(path.join(tmpdir(), 'ayni-eval-cli-'));
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: EvalCliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { AYNI_DATA_DIR: out },
    company,
    llm: ruleLlm({ 'good-model': goodModel, 'wrong-model': wrongToolModel }),
  };
  const code = await runEvalCli(argv, io);
  return { code, stdout, stderr };
}

describe('ayni eval', () => {
  it('exits 0 when every case passes and stores run.json, junit.xml, report.html and an index line', async () => {
    const result = await cli([suiteFile, '--prompt-version', '2']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2\/2 case runs passed \(100\.0%\)/);
    const runs = path.join(out, 'eval-runs');
    const [runId] = (await readdir(runs)).filter((name) => name !== 'runs.jsonl');
    expect((await readdir(path.join(runs, runId!))).sort()).toEqual([
      'junit.xml',
      'report.html',
      'run.json',
    ]);
    const index = (await readFile(path.join(runs, 'runs.jsonl'), 'utf8')).trim().split('\n');
    expect(JSON.parse(index.at(-1)!)).toMatchObject({ id: runId, passRate: 1, runs: 2 });
  });

  it('exits 1 below the threshold and 0 at or above it (else CI cannot gate on the pass rate)', async () => {
    const models = ['--models', 'good-model,wrong-model', '--prompt-version', '2'];
    const below = await cli([suiteFile, ...models, '--threshold', '0.9']);
    expect(below.code).toBe(1);
    expect(below.stderr).toBe('ayni: pass rate 50.0% is below the threshold 90.0%\n');
    const above = await cli([suiteFile, ...models, '--threshold', '0.5']);
    expect(above.code).toBe(0);
  });

  it('exits 2 with a one-line reason on bad input', async () => {
    const cases: [string[], RegExp][] = [
      [[suiteFile, '--repeat', 'many'], /^ayni: --repeat many: give a whole number >= 1\n$/],
      [[suiteFile, '--threshold', '1.5'], /^ayni: --threshold 1\.5: give a pass rate from 0 to 1/],
      [[suiteFile, '--record', '--replay'], /^ayni: --record and --replay exclude each other/],
      [[suiteFile, '--instant'], /^ayni: --instant applies to --replay only\n$/],
      [[suiteFile, '--report', 'pdf'], /^ayni: --report pdf: choose from json, junit, html\n$/],
      [['/nonexistent/suites'], /^ayni: .*no such file or folder/],
      [['compare', 'nope-a', 'nope-b'], /^ayni: no run "nope-a"/],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('lists stored runs and compares two of them', async () => {
    const listed = await cli(['runs']);
    expect(listed.code).toBe(0);
    const ids = listed.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(' ')[0]!);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const target = path.join(out, 'compare.html');
    const compared = await cli(['compare', ids[0]!, ids[1]!, '--out', target]);
    expect(compared.code).toBe(0);
    expect(compared.stdout).toMatch(/Only in B: .*wrong-model/);
    expect(await readFile(target, 'utf8')).toMatch(/<h2>Comparison: A /);
  });
});
