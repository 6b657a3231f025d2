import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkNames,
  measuredFindingTypes,
  packagingDefectTypes,
} from '../../../models/vision/check-result';
import { openStore } from '../../store/store';
import { UsageError } from '../run-command';
import { writeGeneratedSet } from './bench-inspect-set';
import { formatInspectReport, runInspect } from './inspect';

let folder: string;
let dataDir: string;
const previousDataDir = process.env.AYNI_DATA_DIR;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'ayni-inspect-cli-'));
  dataDir = mkdtempSync(join(tmpdir(), 'ayni-inspect-data-'));
  process.env.AYNI_DATA_DIR = dataDir;
  // kinds in order: clean, label_shift, label_rotation
  await writeGeneratedSet({ out: join(folder, 'set'), count: 3, seed: 3 });
});
afterAll(() => {
  if (previousDataDir === undefined) delete process.env.AYNI_DATA_DIR;
  else process.env.AYNI_DATA_DIR = previousDataDir;
  rmSync(folder, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const signal = new AbortController().signal;
const findingKeys = new Set(['check', 'type', 'severity', 'score', 'message', 'box']);
const findingTypes = new Set<string>([...packagingDefectTypes, ...measuredFindingTypes]);

describe('ayni inspect', () => {
  it('prints exactly { results: [{ file, verdict, findings }] } with per-file errors for a folder (else scripts reading --json break)', async () => {
    const batch = join(folder, 'batch');
    const set = join(folder, 'set');
    rmSync(batch, { recursive: true, force: true });
    mkdirSync(batch);
    copyFileSync(join(set, 'photo-0001.png'), join(batch, 'a.png'));
    copyFileSync(join(set, 'photo-0002.png'), join(batch, 'b.png'));
    writeFileSync(join(batch, 'c.png'), readFileSync(join(set, 'photo-0003.png')).subarray(0, 300));
    writeFileSync(join(batch, 'notes.txt'), 'not a photo, not listed');
    const report = await runInspect([batch], { model: false, lot: 'L-1' }, signal);
    expect(Object.keys(report)).toEqual(['results', 'errors']);
    expect(report.results.map((result) => result.file)).toEqual([
      join(batch, 'a.png'),
      join(batch, 'b.png'),
    ]);
    for (const result of report.results) {
      expect(Object.keys(result)).toEqual(['file', 'verdict', 'findings']);
      expect(['pass', 'fail', 'needs_review', 'retake']).toContain(result.verdict);
      for (const finding of result.findings) {
        for (const key of Object.keys(finding)) expect(findingKeys.has(key)).toBe(true);
        expect(findingTypes.has(finding.type)).toBe(true);
        expect([...checkNames, 'vision_model', 'classifier', 'date']).toContain(finding.check);
      }
    }
    expect(report.errors).toEqual([
      {
        file: join(batch, 'c.png'),
        reason: 'truncated',
        message: expect.stringContaining('c.png'),
      },
    ]);
    expect(formatInspectReport(report)).toMatch(/c\.png: NOT INSPECTED/);
    // saved in the store like the server's inspections
    const store = openStore({ path: join(dataDir, 'ayni.db') });
    try {
      expect(store.inspections.list({ lot: 'L-1' })).toHaveLength(2);
    } finally {
      store.close();
    }
  });

  it('finds the generated label shift against --reference (else the reference is not used)', async () => {
    const set = join(folder, 'set');
    const report = await runInspect(
      [join(set, 'photo-0002.png')],
      { model: false, sku: 'GEN-1', reference: join(set, 'references', 'photo-0002') },
      signal,
    );
    expect(report.results[0]!.verdict).not.toBe('pass');
    expect(report.results[0]!.findings.map((finding) => finding.type)).toContain('label_offset');
    const without = await runInspect([join(set, 'photo-0002.png')], { model: false }, signal);
    expect(without.results[0]!.findings.map((finding) => finding.type)).not.toContain(
      'label_offset',
    );
  });

  it('refuses bad usage with a one-line reason (else the command fails obscurely)', async () => {
    await expect(runInspect([], { model: false }, signal)).rejects.toThrow(UsageError);
    await expect(
      runInspect([join(folder, 'missing.png')], { model: false }, signal),
    ).rejects.toThrow(/no such file or folder/);
    await expect(
      runInspect(
        [join(folder, 'set', 'photo-0001.png')],
        { model: false, reference: 'x.png' },
        signal,
      ),
    ).rejects.toThrow(/--reference needs --sku/);
  });
});
