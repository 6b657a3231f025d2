import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCanFolder } from '../../inspection/train-defect-classifier.fixture';
import { UsageError } from '../run-command';
import { inspectTrainCommand, runInspectTrain } from './inspect-train';

describe('ayni inspect train', () => {
  it('prints the cross-validated figures as JSON and saves the model to --out', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ayni-cli-train-'));
    await writeCanFolder(folder, 6, 5, false);
    const out = join(folder, 'model.json');
    const text = await runInspectTrain({
      input: folder,
      cv: '3',
      model: 'logistic',
      seed: '4',
      out,
      json: true,
    });
    const body = JSON.parse(text) as {
      photos: number;
      model: string;
      crossValidation: {
        defectVsGood: Record<string, unknown>;
        severity: { confusion: number[][] };
      }[];
    };
    expect(body.photos).toBe(24);
    expect(body.model).toBe('logistic');
    expect(Object.keys(body.crossValidation[0]!.defectVsGood)).toEqual(
      expect.arrayContaining([
        'accuracy',
        'balancedAccuracy',
        'rocAuc',
        'precisionDefect',
        'recallDefect',
        'majorityBaseline',
        'confusion',
      ]),
    );
    expect(body.crossValidation[0]!.severity.confusion).toHaveLength(4);
    expect(existsSync(out)).toBe(true);
  }, 60_000);

  it('prints a readable summary without --json', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ayni-cli-train-'));
    await writeCanFolder(folder, 4, 6, true);
    const text = await runInspectTrain({
      input: folder,
      cv: '2',
      model: 'boosting',
      seed: '1',
      out: join(folder, 'm.json'),
    });
    expect(text).toMatch(/16 photos \(4 no_defect, 4 minor_defect/);
    expect(text).toMatch(/boosting, 2-fold stratified cross-validation/);
    expect(text).toMatch(/saved to .*m\.json/);
  }, 60_000);

  it('rejects bad options with the flag named (exit code 2)', async () => {
    await expect(runInspectTrain({ model: 'best', seed: '1' })).rejects.toThrow(/--input DIR/);
    await expect(runInspectTrain({ input: '.', model: 'cnn', seed: '1' })).rejects.toThrow(
      /--model cnn: the CNN is not part/,
    );
    await expect(runInspectTrain({ input: '.', model: 'forest', seed: '1' })).rejects.toThrow(
      /--model forest: choose one of logistic, boosting, best/,
    );
    await expect(
      runInspectTrain({ input: '.', cv: '1', model: 'best', seed: '1' }),
    ).rejects.toThrow(UsageError);
    await expect(
      runInspectTrain({ input: '/nonexistent-folder', model: 'best', seed: '1' }),
    ).rejects.toThrow(/not a folder/);
  });

  it('is a commander command named train with the documented options', () => {
    const command = inspectTrainCommand();
    expect(command.name()).toBe('train');
    expect(command.options.map((option) => option.long)).toEqual([
      '--input',
      '--cv',
      '--model',
      '--seed',
      '--out',
      '--json',
    ]);
  });
});
