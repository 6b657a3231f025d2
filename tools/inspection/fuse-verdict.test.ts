import { describe, expect, it } from 'vitest';
import type { CheckName, CheckResult } from '../../models/vision/check-result';
import type { VisionOutcome } from './ask-vision-model';
import { fuseVerdict, type ClassifierOpinion } from './fuse-verdict';
import { parseBestBefore } from './fuse-verdict-best-before';

const now = new Date('2026-11-26T15:00:00Z');

function check(name: CheckName, status: CheckResult['status']): CheckResult {
  return {
    check: name,
    status,
    score: 1,
    threshold: 1,
    message: `${name} ${status}`,
    findings:
      status === 'fail'
        ? [
            {
              check: name,
              type: name === 'label' ? 'label_offset' : 'blur',
              severity: 'major',
              score: 1,
              message: `${name} out of tolerance`,
            },
          ]
        : [],
    ms: 1,
  };
}

const cleanQuality = [check('blur', 'pass'), check('exposure', 'pass'), check('glare', 'pass')];
const clean = [
  ...cleanQuality,
  check('alignment', 'pass'),
  check('colour', 'pass'),
  check('label', 'pass'),
];
const labelFails = [
  ...cleanQuality,
  check('alignment', 'pass'),
  check('colour', 'pass'),
  check('label', 'fail'),
];

function vision(
  defects: { type: 'dent' | 'label_misaligned'; severity: 'minor' | 'major' | 'critical' }[],
  bestBefore: string | null = '2027-03-01',
): VisionOutcome {
  return {
    status: 'ok',
    answer: {
      defects: defects.map((defect) => ({ ...defect, location: 'front' })),
      legibleText: '',
      bestBefore,
      lotCode: null,
      confidence: 0.9,
    },
    model: 'vision',
    ms: 1,
    attempts: 1,
  };
}
const intact = vision([]);
const dented = vision([{ type: 'dent', severity: 'major' }]);
const unusable: VisionOutcome = {
  status: 'unusable',
  problem: 'model output unusable: x',
  model: 'vision',
  ms: 1,
  attempts: 2,
};
const likelyDefect: ClassifierOpinion = { probabilityDefect: 0.9, severity: 'heavy' };
const likelyGood: ClassifierOpinion = { probabilityDefect: 0.1, severity: 'none' };

interface Row {
  rule: string;
  checks: CheckResult[];
  vision?: VisionOutcome;
  classifier?: ClassifierOpinion;
  verdict: string;
  confidence?: string;
  firstReason: RegExp;
}

const table: Row[] = [
  {
    rule: 'a blurred photo is a retake even when the model sees a dent',
    checks: [check('blur', 'fail'), ...clean.slice(1)],
    vision: dented,
    verdict: 'retake',
    firstReason: /^retake the photo: blur fail/,
  },
  {
    rule: 'an exposure failure is a retake, not a defect',
    checks: [cleanQuality[0]!, check('exposure', 'fail'), cleanQuality[2]!, check('label', 'fail')],
    verdict: 'retake',
    firstReason: /exposure fail/,
  },
  {
    rule: 'clean checks and an intact answer pass',
    checks: clean,
    vision: intact,
    verdict: 'pass',
    confidence: 'high',
    firstReason: /^within tolerance: blur, exposure, glare, alignment, colour, label/,
  },
  {
    rule: 'clean checks without a model pass on the checks only',
    checks: clean,
    verdict: 'pass',
    confidence: 'checks_only',
    firstReason: /^within tolerance/,
  },
  {
    rule: 'a failed label check the model agrees with is a high-confidence fail',
    checks: labelFails,
    vision: vision([{ type: 'label_misaligned', severity: 'major' }]),
    verdict: 'fail',
    confidence: 'high',
    firstReason: /label fail; the vision model also sees a defect/,
  },
  {
    rule: 'a failed check the classifier agrees with is a fail',
    checks: labelFails,
    classifier: likelyDefect,
    verdict: 'fail',
    confidence: 'high',
    firstReason: /defect classifier also sees/,
  },
  {
    rule: 'a failed check the model calls intact needs review',
    checks: labelFails,
    vision: intact,
    verdict: 'needs_review',
    firstReason: /vision model sees no defect/,
  },
  {
    rule: 'a failed check the classifier calls good needs review',
    checks: labelFails,
    classifier: likelyGood,
    verdict: 'needs_review',
    firstReason: /defect classifier sees no defect/,
  },
  {
    rule: 'a failed check with no second opinion fails on the checks only',
    checks: labelFails,
    verdict: 'fail',
    confidence: 'checks_only',
    firstReason: /deterministic checks only/,
  },
  {
    rule: 'a failed check with an unusable model fails on the checks only and says the model was unusable',
    checks: labelFails,
    vision: unusable,
    verdict: 'fail',
    confidence: 'checks_only',
    firstReason: /deterministic checks only/,
  },
  {
    rule: 'a defect only the model sees needs review',
    checks: clean,
    vision: dented,
    verdict: 'needs_review',
    firstReason: /dent at front.*deterministic checks found nothing/,
  },
  {
    rule: 'a defect only the classifier sees needs review',
    checks: clean,
    classifier: likelyDefect,
    verdict: 'needs_review',
    firstReason: /defect classifier: probability of a defect 0.90/,
  },
  {
    rule: 'an inconclusive alignment needs review, never a pass',
    checks: [...cleanQuality, check('alignment', 'inconclusive')],
    vision: intact,
    verdict: 'needs_review',
    firstReason: /^alignment could not be measured/,
  },
  {
    rule: 'a minor defect only the model sees passes and is recorded',
    checks: clean,
    vision: vision([{ type: 'dent', severity: 'minor' }]),
    verdict: 'pass',
    firstReason: /^within tolerance/,
  },
  {
    rule: 'an expired best-before needs review',
    checks: clean,
    vision: vision([], '10/11/2026'),
    verdict: 'needs_review',
    firstReason: /best-before 2026-11-10 .*passed 16 day\(s\) before 2026-11-26: expired/,
  },
  {
    rule: 'an unparseable best-before needs review',
    checks: clean,
    vision: vision([], 'I3/?7/2O'),
    verdict: 'needs_review',
    firstReason: /cannot be read as a date/,
  },
  {
    rule: 'no photo checks beyond quality (no reference) pass saying so',
    checks: [...cleanQuality, { ...check('alignment', 'skipped'), message: 'no golden reference' }],
    verdict: 'pass',
    firstReason: /no golden reference checks ran \(alignment: no golden reference\)/,
  },
];

describe('fuseVerdict rules', () => {
  it.each(table)('$rule', (row) => {
    const fused = fuseVerdict({
      checks: row.checks,
      vision: row.vision,
      classifier: row.classifier,
      now,
    });
    expect(fused.verdict).toBe(row.verdict);
    if (row.confidence) expect(fused.confidence).toBe(row.confidence);
    expect(fused.reasons[0]).toMatch(row.firstReason);
  });

  it('records an unusable model answer as a reason (else the operator does not know the model was not heard)', () => {
    const fused = fuseVerdict({ checks: clean, vision: unusable, now });
    expect(fused.reasons).toContain(
      'model output unusable: x; the verdict rests on the other evidence',
    );
  });

  it('an expired date is a critical best_before finding of its own, and a missing one a minor finding (else expiry is silently ignored)', () => {
    const expired = fuseVerdict({ checks: clean, vision: vision([], '2026-01-01'), now });
    expect(expired.findings).toContainEqual(
      expect.objectContaining({ check: 'date', type: 'best_before', severity: 'critical' }),
    );
    expect(expired.bestBefore).toBe('2026-01-01');
    const missing = fuseVerdict({ checks: clean, vision: vision([], null), now });
    expect(missing.verdict).toBe('pass');
    expect(missing.findings).toContainEqual(
      expect.objectContaining({ type: 'best_before', severity: 'minor' }),
    );
  });

  it('a retake carries only the photo-quality findings (else a blurred photo reports false defects)', () => {
    const fused = fuseVerdict({
      checks: [check('blur', 'fail'), check('label', 'fail')],
      vision: dented,
      now,
    });
    expect(fused.findings.map((finding) => finding.check)).toEqual(['blur']);
  });
});

describe('parseBestBefore', () => {
  it.each([
    ['2027-03-01', '2027-03-01'],
    ['01/03/2027', '2027-03-01'],
    ['1.3.27', '2027-03-01'],
    ['VENCE: 15-09-2027', '2027-09-15'],
    ['03/2027', '2027-03-31'],
    ['02/2028', '2028-02-29'],
    ['1 MAR 2027', '2027-03-01'],
    ['05 SET 27', '2027-09-05'],
    ['12 dic 2026', '2026-12-12'],
  ])('reads %s as %s (day first, as printed in Peru)', (printed, iso) => {
    expect(parseBestBefore(printed)).toBe(iso);
  });

  it.each(['31/02/2027', '13/13/2027', 'L2411', '', 'soon'])(
    'refuses %j rather than guessing',
    (printed) => {
      expect(parseBestBefore(printed)).toBeNull();
    },
  );
});

describe('small structural differences on the checks alone', () => {
  const structure = (severity: 'minor' | 'major'): CheckResult => ({
    ...check('structure', 'fail'),
    findings: [
      {
        check: 'structure',
        type: 'structural_difference',
        severity,
        score: 0.5,
        message: 'The pack differs in a 6x30 px region',
      },
    ],
  });

  it('needs review when only minor structure regions failed and no second opinion ran, else clean photos under odd light fail', () => {
    const fused = fuseVerdict({ checks: [...clean, structure('minor')], now });
    expect(fused.verdict).toBe('needs_review');
    expect(fused.confidence).toBe('checks_only');
  });

  it('still fails on a major structure region alone, else a large dent would pass as needing review only', () => {
    expect(fuseVerdict({ checks: [...clean, structure('major')], now }).verdict).toBe('fail');
  });

  it('still fails when a minor structure region comes with a failed label, else a moved label would be softened', () => {
    const checks = [...labelFails, structure('minor')];
    expect(fuseVerdict({ checks, now }).verdict).toBe('fail');
  });
});
