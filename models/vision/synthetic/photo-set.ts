// A balanced, labelled set of generated photos for evaluating the checks: clean photos under varied
// lighting and every defect kind, in a fixed round-robin order so each kind gets its share.
import { Random } from '../../stats/random';
import { type GeneratedPhoto, type PhotoDefectKind, generatePackPhoto } from './pack-photo';

export type PhotoSetKind = 'clean' | PhotoDefectKind;

export const photoSetKinds: readonly PhotoSetKind[] = [
  'clean',
  'label_shift',
  'label_rotation',
  'label_missing',
  'dent',
  'tear',
  'smudge',
  'colour_cast',
  'blur',
  'glare',
  'exposure',
];

export interface PhotoSetOptions {
  count: number;
  seed: number;
  width?: number;
  height?: number;
  /** relative share of each kind (non-negative integers); default 2 for clean, 1 for each defect */
  mix?: Partial<Record<PhotoSetKind, number>>;
}

export interface LabelledPhoto extends GeneratedPhoto {
  /** what the photo was generated to show */
  kind: PhotoSetKind;
}

/** The kind of each of `count` photos: the mix's kinds repeated by their weights, round robin. */
export function photoSetSchedule(
  count: number,
  mix: Partial<Record<PhotoSetKind, number>> = {},
): PhotoSetKind[] {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count: expected a positive integer, got ${count}`);
  const cycle: PhotoSetKind[] = [];
  for (const kind of photoSetKinds) {
    const weight = mix[kind] ?? (Object.keys(mix).length > 0 ? 0 : kind === 'clean' ? 2 : 1);
    if (!Number.isInteger(weight) || weight < 0) {
      throw new RangeError(`mix.${kind}: expected a non-negative integer, got ${weight}`);
    }
    for (let copy = 0; copy < weight; copy += 1) cycle.push(kind);
  }
  if (cycle.length === 0) throw new RangeError('mix: at least one kind needs a positive weight');
  // interleave the copies of a kind instead of placing them side by side
  const ordered = [...new Set(cycle)].flatMap((kind) =>
    cycle.filter((item) => item === kind).map((item, copy) => ({ item, copy })),
  );
  ordered.sort((first, second) => first.copy - second.copy);
  return Array.from({ length: count }, (_, index) => ordered[index % ordered.length]!.item);
}

/** `count` photos from `seed`: photo i depends only on the seed and i (not on the other photos). */
export function generatePhotoSet(options: PhotoSetOptions): LabelledPhoto[] {
  const root = new Random(options.seed);
  return photoSetSchedule(options.count, options.mix).map((kind, index) => {
    const random = root.fork(`photo-${index}`);
    const photo = generatePackPhoto(
      { width: options.width, height: options.height, defects: kind === 'clean' ? [] : [kind] },
      random,
    );
    return { ...photo, kind };
  });
}
