// The default tolerances were chosen on generated photos of seed 101 (512x384, the mix below) and
// are verified here on seed 202: no check fails on clean photos under varied lighting (linear gain
// 0.75-1.15 with a gradient), and each check finds its own defect in at least 90 % of its photos.
import { describe, expect, it } from 'vitest';
import { checkBlur, defaultBlurTolerance } from './blur-check';
import { checkColour, defaultColourTolerance } from './colour-check';
import { checkExposure, defaultExposureTolerance } from './exposure-check';
import { checkGlare, defaultGlareTolerance } from './glare-check';
import type { CheckResult } from './check-result';
import { alignWithKnownHomography } from './synthetic/ground-truth-alignment';
import { type LabelledPhoto, generatePhotoSet } from './synthetic/photo-set';

function runChecks(
  photo: LabelledPhoto,
): Record<'blur' | 'exposure' | 'glare' | 'colour', CheckResult> {
  const aligned = alignWithKnownHomography(
    photo.photo,
    photo.referenceToPhoto,
    photo.reference.width,
    photo.reference.height,
  );
  return {
    blur: checkBlur(photo.photo, defaultBlurTolerance),
    exposure: checkExposure(photo.photo, defaultExposureTolerance),
    glare: checkGlare(photo.photo, defaultGlareTolerance),
    colour: checkColour(aligned, photo.reference, photo.labelBox, defaultColourTolerance),
  };
}

describe('default photo-quality and colour tolerances on generated photos (seed 202)', () => {
  const photos = generatePhotoSet({
    count: 30,
    seed: 202,
    width: 512,
    height: 384,
    mix: { clean: 2, blur: 1, exposure: 1, glare: 1, colour_cast: 1 },
  });
  const results = photos.map((photo) => ({ kind: photo.kind, checks: runChecks(photo) }));

  it('fails no check on clean photos under varied lighting (else operators are asked to retake good photos)', () => {
    const clean = results.filter((result) => result.kind === 'clean');
    expect(clean).toHaveLength(10);
    const failures = clean.flatMap((result) =>
      Object.values(result.checks)
        .filter((check) => check.status !== 'pass')
        .map((check) => `${check.check}: ${check.message}`),
    );
    expect(failures).toEqual([]);
  });

  it.each([
    ['blur', 'blur'],
    ['exposure', 'exposure'],
    ['glare', 'glare'],
    ['colour_cast', 'colour'],
  ] as const)(
    'finds %s photos with the %s check (recall >= 0.9, else real defects pass)',
    (kind, check) => {
      const ofKind = results.filter((result) => result.kind === kind);
      expect(ofKind).toHaveLength(5);
      const found = ofKind.filter((result) => result.checks[check].status === 'fail').length;
      expect(found / ofKind.length).toBeGreaterThanOrEqual(0.9);
    },
  );
});
