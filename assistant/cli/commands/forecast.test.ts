import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../../bin/ayni.js');
const folder = mkdtempSync(join(tmpdir(), 'ayni-forecast-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function ayni(args: string[]) {
  return run(process.execPath, [bin, ...args]).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

/** Daily series with a weekly pattern; `skip` drops rows (gaps). */
function dailyFile(name: string, series: number, days: number, skip = new Set<string>()): string {
  const lines = ['series_id,date,value'];
  for (let index = 0; index < series; index += 1)
    for (let day = 0; day < days; day += 1) {
      const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
      if (skip.has(`${index}:${date}`)) continue;
      lines.push(`s${index},${date},${20 + index + ((day * 7) % 5) + (day % 7 === 5 ? 9 : 0)}`);
    }
  const path = join(folder, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('ayni forecast', () => {
  it('writes series_id,date,forecast and the interval columns, with dates continuing each series', async () => {
    const input = dailyFile('daily.csv', 3, 90, new Set(['1:2024-02-10', '1:2024-02-11']));
    const out = join(folder, 'daily-forecast.csv');
    const result = await ayni([
      'forecast',
      '--input',
      input,
      '--horizon',
      '7',
      '--method',
      'theta',
      '--out',
      out,
      '--json',
      '--threads',
      '2',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      series: 3,
      written: 3,
      failed: 0,
      methodsUsed: { theta: 3 },
    });
    const lines = readFileSync(out, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('series_id,date,forecast,lo_80,hi_80,lo_95,hi_95');
    expect(lines).toHaveLength(1 + 3 * 7);
    // 90 days from 2024-01-01 end on 2024-03-30
    expect(lines.slice(1, 8).map((line) => line.split(',').slice(0, 2).join(','))).toEqual(
      [
        '2024-03-31',
        '2024-04-01',
        '2024-04-02',
        '2024-04-03',
        '2024-04-04',
        '2024-04-05',
        '2024-04-06',
      ].map((date) => `s0,${date}`),
    );
    for (const line of lines.slice(1)) {
      const [, , forecast, lo80, hi80, lo95, hi95] = line.split(',').map(Number);
      expect(lo95).toBeLessThanOrEqual(lo80 as number);
      expect(lo80).toBeLessThanOrEqual(forecast as number);
      expect(hi80).toBeLessThanOrEqual(hi95 as number);
    }
  });

  it('continues an integer index with the next integers and honours --levels', async () => {
    const input = join(folder, 'index.csv');
    writeFileSync(
      input,
      `unique_id,ds,y\n${Array.from({ length: 30 }, (_, step) => `a,${step + 1},${10 + (step % 3)}`).join('\n')}\n`,
    );
    const result = await ayni([
      'forecast',
      '--input',
      input,
      '--horizon',
      '2',
      '--method',
      'naive',
      '--levels',
      '90',
      '--out',
      '-',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split(/\r?\n/)).toEqual([
      'series_id,date,forecast,lo_90,hi_90',
      expect.stringMatching(/^a,31,12,/),
      expect.stringMatching(/^a,32,12,/),
    ]);
  });

  it('rejects a negative value with one line naming file, line, column and value, and writes nothing', async () => {
    const input = join(folder, 'negative.csv');
    writeFileSync(input, 'series_id,date,value\na,2024-01-01,4\na,2024-01-02,-3\n');
    const out = join(folder, 'negative-forecast.csv');
    const result = await ayni([
      'forecast',
      '--input',
      input,
      '--horizon',
      '3',
      '--method',
      'naive',
      '--out',
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^ayni: negative\.csv: line 3, column value: "-3" is negative: .+\n$/,
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(folder).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('refuses an impossible horizon, an unknown method and a missing file with exit code 2', async () => {
    const input = dailyFile('usage.csv', 1, 10);
    const horizon = await ayni(['forecast', '--input', input, '--horizon', '0', '--out', '-']);
    expect(horizon.code).toBe(2);
    expect(horizon.stderr).toMatch(/--horizon 0: give a whole number from 1/);
    const method = await ayni([
      'forecast',
      '--input',
      input,
      '--horizon',
      '3',
      '--method',
      'magic',
      '--out',
      '-',
    ]);
    expect(method.code).toBe(2);
    expect(method.stderr).toMatch(/unknown method; choose one of .*theta/);
    const missing = await ayni([
      'forecast',
      '--input',
      join(folder, 'nope.csv'),
      '--horizon',
      '3',
      '--out',
      '-',
    ]);
    expect(missing.stderr).toMatch(/cannot read it \(ENOENT\)/);
  });

  it('cancels on Ctrl-C (SIGINT): exit 130, workers stopped, no output file', async () => {
    const input = dailyFile('large.csv', 3000, 120);
    const out = join(folder, 'large-forecast.csv');
    const child = spawn(process.execPath, [
      bin,
      'forecast',
      '--input',
      input,
      '--horizon',
      '14',
      '--method',
      'arima',
      '--out',
      out,
    ]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const started = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(stderr).toMatch(/cancelled; .*not written/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('ayni forecast with the global methods', () => {
  // 10 long series and 1 short: 90% can fill 3 horizons of input, so the window stays 21 values
  const input = dailyFile('global.csv', 10, 60);

  async function forecastWith(method: string, file = input) {
    const out = join(folder, `${method}-forecast.csv`);
    const result = await ayni([
      'forecast',
      '--input',
      file,
      '--horizon',
      '7',
      '--method',
      method,
      '--out',
      out,
      '--json',
      '--threads',
      '2',
    ]);
    const rows = readFileSync(out, 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(','));
    return { result, rows };
  }

  it('global writes point forecasts with empty interval columns (else users would read bands the MLP never made)', async () => {
    const { result, rows } = await forecastWith('global');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      written: 10,
      methodsUsed: { global: 10 },
      // three networks averaged by default
      global: { fallbackSeries: 0, seeds: [1, 2, 3] },
    });
    expect(rows).toHaveLength(10 * 7);
    for (const row of rows) {
      expect(Number(row[2])).toBeGreaterThan(0);
      expect(row.slice(3)).toEqual(['', '', '', '']);
    }
  });

  it('auto+global writes bands around its forecast and short series fall back to auto (else intervals or fallback are wrong)', async () => {
    const lines = readFileSync(input, 'utf8').trim().split('\n');
    const short = join(folder, 'global-short.csv');
    const extra = Array.from({ length: 10 }, (_, day) => {
      const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
      return `short,${date},${10 + (day % 3)}`;
    });
    writeFileSync(short, `${[...lines, ...extra].join('\n')}\n`);
    const { result, rows } = await forecastWith('auto+global', short);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      written: number;
      methodsUsed: Record<string, number>;
      global: { fallbackSeries: number };
    };
    expect(json.written).toBe(11);
    expect(json.methodsUsed['auto+global']).toBe(10);
    expect(json.global.fallbackSeries).toBe(1);
    for (const row of rows) {
      const [forecast, lo80, hi80, lo95, hi95] = row.slice(2).map(Number) as number[];
      expect(lo95).toBeLessThanOrEqual(lo80 as number);
      expect(lo80).toBeLessThanOrEqual(forecast as number);
      expect(forecast).toBeLessThanOrEqual(hi80 as number);
      expect(hi80).toBeLessThanOrEqual(hi95 as number);
    }
    expect(rows.filter((row) => row[0] === 'short')).toHaveLength(7);
  });
});
