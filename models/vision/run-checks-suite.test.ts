import { describe, expect, it } from 'vitest';
import { Random } from '../stats/random';
import { defaultQcSpec } from './qc-defaults';
import { runDeterministicChecks } from './run-checks';
import { defaultCheckSuite, minAlignmentCorrelation } from './run-checks-suite';
import { generatePackPhoto } from './synthetic/pack-photo';

function statuses(run: ReturnType<typeof runDeterministicChecks>) {
  return Object.fromEntries(run.checks.map((check) => [check.check, check.status]));
}

describe('defaultCheckSuite on generated packs (real checks end to end)', () => {
  const shifted = generatePackPhoto(
    { perspective: false, defects: [{ kind: 'label_shift', dxPx: 15, dyPx: 0 }] },
    new Random(11),
  );

  it('trusts an alignment only at or above its minimum correlation, and says which minimum (else wrong alignments pass)', () => {
    const spec = { ...defaultQcSpec('GEN-1', shifted.ean), labelBox: shifted.labelBox };
    const run = runDeterministicChecks(
      { photo: shifted.photo, reference: shifted.reference, spec },
      defaultCheckSuite,
    );
    const alignment = run.checks.find((check) => check.check === 'alignment');
    expect(alignment?.threshold).toBe(minAlignmentCorrelation);
    expect(alignment?.status === 'pass').toBe((alignment?.score ?? 0) >= minAlignmentCorrelation);
    if (alignment?.status !== 'pass') {
      expect(statuses(run)).toMatchObject({
        colour: 'skipped',
        structure: 'skipped',
        label: 'skipped',
      });
    }
  });

  it('without a label box in the spec skips colour and label with the fix (else they throw)', () => {
    const run = runDeterministicChecks(
      { photo: shifted.photo, reference: shifted.reference, spec: defaultQcSpec('GEN-1') },
      defaultCheckSuite,
    );
    const result = statuses(run);
    expect(result.blur).toBe('pass');
    expect(run.checks.find((check) => check.check === 'label')?.message).toMatch(
      /add one to check the label/,
    );
  });
});
