// A folder of labelled package photos for training or benchmarking the defect classifier: either
// a labels.csv (`file,label[,is_defect]`, paths relative to the folder) or one sub-folder per
// severity label holding the photos.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { severityClasses, type Severity } from '../../models/vision/classifier/defect-model';

export interface LabelledPhoto {
  /** Path relative to the folder, as written in labels.csv or found in the sub-folder. */
  file: string;
  /** Absolute path. */
  path: string;
  label: Severity;
  isDefect: boolean;
}

export const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp'];

export class LabelledFolderError extends Error {}

function checkLabel(label: string, where: string): Severity {
  if (!(severityClasses as readonly string[]).includes(label))
    throw new LabelledFolderError(
      `${where}: unknown label "${label}"; use one of ${severityClasses.join(', ')}`,
    );
  return label as Severity;
}

function readLabelsCsv(folder: string, csvPath: string): LabelledPhoto[] {
  const lines = readFileSync(csvPath, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((name) => name.trim().toLowerCase());
  const fileColumn = header.indexOf('file');
  const labelColumn = header.indexOf('label');
  const defectColumn = header.indexOf('is_defect');
  if (fileColumn < 0 || labelColumn < 0)
    throw new LabelledFolderError(
      `${csvPath}: the header must have the columns file,label (and optionally is_defect); it has ${header.join(',')}`,
    );
  const seen = new Set<string>();
  const photos: LabelledPhoto[] = [];
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${csvPath} row ${index + 2}`;
    const cells = line.split(',').map((cell) => cell.trim());
    const file = cells[fileColumn] ?? '';
    if (file === '') throw new LabelledFolderError(`${where}: the file column is empty`);
    const path = resolve(folder, file);
    if (relative(folder, path).startsWith('..') || relative(folder, path).split(sep)[0] === '..')
      throw new LabelledFolderError(`${where}: ${file} points outside the folder ${folder}`);
    if (!existsSync(path))
      throw new LabelledFolderError(`${where}: ${file} does not exist in ${folder}`);
    if (seen.has(path)) throw new LabelledFolderError(`${where}: ${file} is listed twice`);
    seen.add(path);
    const label = checkLabel(cells[labelColumn] ?? '', where);
    const isDefect = label !== 'no_defect';
    if (defectColumn >= 0) {
      const flag = cells[defectColumn];
      if (flag !== '0' && flag !== '1')
        throw new LabelledFolderError(`${where}: is_defect must be 0 or 1, got "${flag ?? ''}"`);
      if ((flag === '1') !== isDefect)
        throw new LabelledFolderError(
          `${where}: is_defect ${flag} contradicts the label ${label} (is_defect is 0 exactly for no_defect)`,
        );
    }
    photos.push({ file, path, label, isDefect });
  });
  return photos;
}

function readSubFolders(folder: string): LabelledPhoto[] {
  const photos: LabelledPhoto[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).filter((entry) =>
    entry.isDirectory(),
  );
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const label = checkLabel(entry.name, `${join(folder, entry.name)} (sub-folder name)`);
    for (const name of readdirSync(join(folder, entry.name)).sort()) {
      if (!PHOTO_EXTENSIONS.includes(extname(name).toLowerCase())) continue;
      photos.push({
        file: `${entry.name}/${name}`,
        path: join(folder, entry.name, name),
        label,
        isDefect: label !== 'no_defect',
      });
    }
  }
  return photos;
}

/** The labelled photos of a folder, in a stable order; LabelledFolderError names what is wrong. */
export function readLabelledFolder(folder: string): LabelledPhoto[] {
  const root = resolve(folder);
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new LabelledFolderError(`${folder}: not a folder`);
  const csvPath = join(root, 'labels.csv');
  const photos = existsSync(csvPath) ? readLabelsCsv(root, csvPath) : readSubFolders(root);
  if (photos.length === 0)
    throw new LabelledFolderError(
      `${folder}: no labelled photos (give a labels.csv with file,label,is_defect or sub-folders named ${severityClasses.join(', ')})`,
    );
  return photos;
}
