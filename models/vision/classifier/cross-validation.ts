// Stratified k-fold assignment: each class's members, shuffled with the seeded generator, are
// dealt to the folds in turn (continuing where the previous class stopped), so every fold has
// each class in nearly the overall proportion and the folds differ in size by at most one.
import type { Random } from '../../stats/random';

/** The fold (0..folds-1) of each sample. */
export function stratifiedFolds(
  labels: readonly number[],
  folds: number,
  random: Random,
): number[] {
  if (!Number.isInteger(folds) || folds < 2)
    throw new RangeError(`folds: need a whole number >= 2, got ${folds}`);
  if (labels.length < folds)
    throw new RangeError(
      `folds: ${folds} folds need at least ${folds} samples, got ${labels.length}`,
    );
  const byClass = new Map<number, number[]>();
  labels.forEach((label, index) => {
    const members = byClass.get(label) ?? [];
    members.push(index);
    byClass.set(label, members);
  });
  const assignment = new Array<number>(labels.length).fill(-1);
  let next = 0;
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = byClass.get(label)!;
    for (let index = members.length - 1; index > 0; index -= 1) {
      const pick = random.int(0, index);
      [members[index], members[pick]] = [members[pick]!, members[index]!];
    }
    for (const member of members) {
      assignment[member] = next;
      next = (next + 1) % folds;
    }
  }
  return assignment;
}
