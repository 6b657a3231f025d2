// The deterministic checks end to end on a small generated set (seed 1, 60 photos = five rounds of
// every kind): the checks find every evaluated problem there with no false call and fail no clean
// photo, so a change that makes them find less, or fail a clean photo, fails CI. This is the tuning
// seed and the easy end: on seeds 2 and 3 at 110 photos (generated-set-evaluation-run.ts) colour
// and label calls still miss the issue's 0.9 targets, and seed 1's first wrong call is photo 62 (photos 36 and 59, clean ones fitted 12-25 px off, are
// now held back as a doubtful alignment).
import { describe, expect, it } from 'vitest';
import { evaluateSeed } from './generated-set-evaluation-run';

const floor = 1;

describe('the deterministic checks on a generated set (seed 1, 60 photos)', () => {
  it(
    'find label shift, colour deviation, missing label, blur and exposure at the floors reached, and fail no clean photo (else a check, a threshold or the alignment regressed)',
    { timeout: 240_000 },
    () => {
      const evaluation = evaluateSeed(1, 60);
      const mistakes = evaluation.mistakes
        .map(
          (mistake) =>
            `${mistake.photo} ${mistake.error} ${mistake.kind ?? ''}: ${mistake.reasons.join(' | ')}`,
        )
        .join('\n');
      expect(evaluation.failsOnClean, mistakes).toBe(0);
      for (const kind of evaluation.kinds) {
        expect(kind.precision ?? 0, `${kind.kind} precision\n${mistakes}`).toBeGreaterThanOrEqual(
          floor,
        );
        expect(kind.recall ?? 0, `${kind.kind} recall\n${mistakes}`).toBeGreaterThanOrEqual(floor);
      }
    },
  );
});
