import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabelledFolder } from './read-labelled-folder';

function folderWith(csv: string | undefined, files: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'ayni-labels-'));
  for (const file of files) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), 'x');
  }
  if (csv !== undefined) writeFileSync(join(folder, 'labels.csv'), csv);
  return folder;
}

describe('readLabelledFolder', () => {
  it('reads labels.csv rows with their defect flag', () => {
    const folder = folderWith('file,label,is_defect\na.jpg,no_defect,0\nb.jpg,major_defect,1\n', [
      'a.jpg',
      'b.jpg',
    ]);
    expect(
      readLabelledFolder(folder).map(({ file, label, isDefect }) => ({ file, label, isDefect })),
    ).toEqual([
      { file: 'a.jpg', label: 'no_defect', isDefect: false },
      { file: 'b.jpg', label: 'major_defect', isDefect: true },
    ]);
  });

  it('reads sub-folders named by label when there is no labels.csv, skipping non-photos', () => {
    const folder = folderWith(undefined, [
      'no_defect/1.jpg',
      'critical_defect/2.PNG',
      'critical_defect/notes.txt',
    ]);
    expect(readLabelledFolder(folder).map((photo) => photo.file)).toEqual([
      'critical_defect/2.PNG',
      'no_defect/1.jpg',
    ]);
  });

  it('names the row and the allowed labels for an unknown label', () => {
    const folder = folderWith('file,label,is_defect\na.jpg,dented,1\n', ['a.jpg']);
    expect(() => readLabelledFolder(folder)).toThrow(
      /row 2: unknown label "dented"; use one of no_defect, minor_defect/,
    );
  });

  it('names the row where is_defect contradicts the label', () => {
    const folder = folderWith('file,label,is_defect\na.jpg,no_defect,0\nb.jpg,no_defect,1\n', [
      'a.jpg',
      'b.jpg',
    ]);
    expect(() => readLabelledFolder(folder)).toThrow(
      /row 3: is_defect 1 contradicts the label no_defect/,
    );
  });

  it('names a listed file that is missing, and a header without the needed columns', () => {
    expect(() => readLabelledFolder(folderWith('file,label\ngone.jpg,no_defect\n', []))).toThrow(
      /row 2: gone.jpg does not exist/,
    );
    expect(() =>
      readLabelledFolder(folderWith('path,class\na.jpg,no_defect\n', ['a.jpg'])),
    ).toThrow(/header must have the columns file,label/);
  });

  it('refuses a file outside the folder and an unknown sub-folder name', () => {
    expect(() => readLabelledFolder(folderWith('file,label\n../x.jpg,no_defect\n', []))).toThrow(
      /outside the folder/,
    );
    expect(() => readLabelledFolder(folderWith(undefined, ['good/1.jpg']))).toThrow(
      /unknown label "good"/,
    );
  });
});
