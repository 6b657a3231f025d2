import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SopReport } from '../../sop/report-types';
import { openStore } from '../../store/store';
import { useCliTestStore } from '../open-store.test-support';

const { folder, dataDir, ayni } = useCliTestStore('ayni-summary-', 120);

describe('ayni summary', () => {
  it('writes the Markdown report of the month to --out and stores it', async () => {
    const out = join(folder, 'march.md');
    const result = await ayni([
      'summary',
      '--month',
      '2024-03',
      '--language',
      'en',
      '--format',
      'md',
      '--out',
      out,
      '--no-narrate',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /march\.md: S&OP summary of 2024-03 for .+, report [0-9a-f-]{36}\n$/,
    );
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toMatch(/^# S&OP summary — March 2024 — /);
    expect(markdown).toContain('## Supply and inventory review');
    const store = openStore({ path: join(dataDir, 'ayni.db') });
    expect(store.reports.list({ month: '2024-03' })).toHaveLength(1);
    store.close();
  });

  it('writes JSON for one location in Spanish', async () => {
    const out = join(folder, 'lima.json');
    const result = await ayni([
      'summary',
      '--month',
      '2024-03',
      '--location',
      'LIM-DC1',
      '--format',
      'json',
      '--out',
      out,
      '--no-narrate',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as SopReport;
    expect(report.language).toBe('es');
    expect(report.scope.locations).toEqual(['LIM-DC1']);
    expect(report.narrativeSource).toBe('template');
  });

  it('exits 2 with one line naming the flag and the fix on a bad month or format', async () => {
    const out = join(folder, 'bad.md');
    const month = await ayni(['summary', '--month', '2024-3', '--format', 'md', '--out', out]);
    expect(month.code).toBe(2);
    expect(month.stderr).toBe('ayni: --month "2024-3" is not a month: use YYYY-MM, e.g. 2026-10\n');
    const format = await ayni(['summary', '--month', '2024-03', '--format', 'docx', '--out', out]);
    expect(format.code).toBe(2);
    expect(format.stderr).toBe('ayni: --format "docx": use one of md, html, json, pdf\n');
    const location = await ayni([
      'summary',
      '--month',
      '2024-03',
      '--location',
      'Tacna',
      '--format',
      'md',
      '--out',
      out,
      '--no-narrate',
    ]);
    expect(location.code).toBe(2);
    expect(location.stderr.trim().split('\n')).toHaveLength(1);
    expect(location.stderr).toMatch(/^ayni: .*Tacna/);
  });
});
