import { describe, expect, it } from 'vitest';
import {
  NAB_PROFILES,
  nabScores,
  prepareNabCorpus,
  scaledSigmoid,
  sweepNab,
  type NabSeries,
} from './nab-score';

const standard = NAB_PROFILES.standard;

/** 1000 points, one window [400, 499] (probation: the first 150), scores 1 at `alerts`. */
function series(alerts: number[], windows = [{ start: 400, end: 499 }], length = 1000): NabSeries {
  const scores = new Float64Array(length);
  for (const alert of alerts) scores[alert] = 1;
  return { scores, windows };
}

const score = (corpus: NabSeries[], profile = standard) =>
  sweepNab(prepareNabCorpus(corpus), profile);

describe('scaledSigmoid', () => {
  it('is 2/(1+e^(5y))-1 (= tanh(-5y/2)) below 3 and -1 from 3 on: the shape of every NAB reward', () => {
    expect(scaledSigmoid(-1)).toBeCloseTo(0.98661429815, 10);
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(1)).toBeCloseTo(-0.98661429815, 10);
    expect(scaledSigmoid(2.9)).toBeCloseTo(-0.99999899, 8);
    expect(scaledSigmoid(3)).toBe(-1);
  });
});

describe('NAB scoring', () => {
  it('scores a perfect detector (each window at its left edge, nothing else) 100', () => {
    const result = score([series([400]), series([200], [{ start: 200, end: 299 }])]);
    expect(result.score).toBeCloseTo(100, 10);
    expect(result.raw).toBeCloseTo(2, 10);
    expect(result.detectedWindows).toBe(2);
    expect(result.threshold).toBe(1);
  });

  it('scores the null detector 0, whether it never alerts or alerts everywhere at one level', () => {
    const never = series([]);
    never.scores = new Float64Array(1000).fill(Number.NaN);
    expect(score([never]).score).toBe(0);
    // all points at score 0: alerting everything costs 350 false positives, so alerting nothing wins
    const flat = score([series([])]);
    expect(flat.score).toBe(0);
    expect(flat.threshold).toBeNull();
    expect(flat.raw).toBe(-1);
  });

  it('gives a detection at the left edge exactly tpWeight and one at the right edge close to 0', () => {
    expect(score([series([400])]).raw).toBeCloseTo(1, 12);
    // right edge of a 100-point window: tanh(0.025) / tanh(2.5)
    expect(score([series([499])]).raw).toBeCloseTo(0.0253339, 6);
    // middle (y = -0.5): tanh(1.25) / tanh(2.5)
    expect(score([series([450])]).raw).toBeCloseTo(0.8597926, 6);
  });

  it('counts only the earliest detection of a window: otherwise many alerts in one window pay', () => {
    expect(score([series([400, 420, 450])]).raw).toBeCloseTo(1, 12);
    expect(score([series([450, 470])]).raw).toBeCloseTo(0.8597926, 6);
  });

  it('charges a false positive right after a window far less than one far away', () => {
    const near = score([series([400, 500])]).raw - 1;
    const far = score([series([400, 900])]).raw - 1;
    // 1 point past a 100-point window: 0.11 * tanh(-2.5 / 99); 4 widths past it: -0.11
    expect(near).toBeCloseTo(0.11 * Math.tanh(-2.5 / 99), 10);
    expect(near).toBeGreaterThan(-0.003);
    expect(far).toBeCloseTo(-0.11, 10);
  });

  it('charges -fpWeight for a false positive before any window', () => {
    expect(score([series([400, 300])]).raw).toBeCloseTo(1 - 0.11, 12);
    expect(score([series([400, 300])], NAB_PROFILES.reward_low_FP_rate).raw).toBeCloseTo(
      1 - 0.22,
      12,
    );
  });

  it('charges -fnWeight per missed window (reward_low_FN_rate doubles it)', () => {
    const twoWindows = [
      { start: 400, end: 499 },
      { start: 700, end: 799 },
    ];
    const result = score([series([400], twoWindows)]);
    expect(result.raw).toBeCloseTo(0, 12);
    expect(result.score).toBeCloseTo(50, 10);
    const lowFn = score([series([400], twoWindows)], NAB_PROFILES.reward_low_FN_rate);
    expect(lowFn.raw).toBeCloseTo(-1, 12);
    // null -4, perfect 2: (-1 + 4) / 6
    expect(lowFn.score).toBeCloseTo(50, 10);
  });

  it('ignores the probationary period: a detection there is no hit and a window there is dropped', () => {
    // 15 % of 1000 = 150: a window at [100, 140] is not scored, an alert at 120 neither
    const result = score([
      series(
        [120, 400],
        [
          { start: 100, end: 140 },
          { start: 400, end: 499 },
        ],
      ),
    ]);
    expect(result.windows).toBe(1);
    expect(result.score).toBeCloseTo(100, 10);
  });

  it('sweeps one threshold over the whole corpus, the one with the best total', () => {
    // file A: true detection at 0.6, false positive at 0.8; file B: true detection at 0.9
    const a = series([]);
    (a.scores as Float64Array)[410] = 0.6;
    (a.scores as Float64Array)[300] = 0.8;
    const b = series([]);
    (b.scores as Float64Array)[400] = 0.9;
    const result = score([a, b]);
    expect(result.threshold).toBe(0.6);
    // B at its left edge (1), A 10 points in (tanh(2.25)/tanh(2.5)), one FP before any window
    expect(result.raw).toBeCloseTo(1 + Math.tanh(2.25) / Math.tanh(2.5) - 0.11, 10);
    expect(result.falsePositives).toBe(1);
    expect(result.detectedWindows).toBe(2);
  });

  it('keeps a higher threshold when lowering it only adds false positives', () => {
    const a = series([400]);
    for (let index = 600; index < 700; index += 1) (a.scores as Float64Array)[index] = 0.5;
    const result = score([a]);
    expect(result.threshold).toBe(1);
    expect(result.falsePositives).toBe(0);
  });

  it('scores the three profiles of config/profiles.json at once', () => {
    const results = nabScores([series([400])]);
    expect(Object.keys(results)).toEqual(['standard', 'reward_low_FP_rate', 'reward_low_FN_rate']);
    for (const result of Object.values(results)) expect(result.score).toBeCloseTo(100, 10);
  });

  it('rejects windows outside the series or profiles with negative weights, naming them', () => {
    expect(() => prepareNabCorpus([series([], [{ start: 900, end: 1000 }])])).toThrow(
      /series\[0\]: windows\[0\]/,
    );
    expect(() =>
      sweepNab(prepareNabCorpus([series([400])]), { ...standard, fpWeight: -1 }),
    ).toThrow(/profile\.fpWeight/);
  });
});
