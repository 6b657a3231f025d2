import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { fillUnusable, removeSeasonality } from './seasonal-adjustment';

describe('fillUnusable', () => {
  it('interpolates interior gaps linearly and carries the nearest value into the ends: otherwise STL gets NaN', () => {
    const values = [Number.NaN, 2, Number.NaN, Number.NaN, 8, 1, Number.NaN];
    const usable = Uint8Array.from(values, (value) => (Number.isFinite(value) ? 1 : 0));
    expect(Array.from(fillUnusable(values, usable))).toEqual([2, 2, 4, 6, 8, 1, 1]);
  });

  it('gives zeros when nothing is usable: otherwise an all-missing series would crash the adjustment', () => {
    expect(Array.from(fillUnusable([Number.NaN, Number.NaN], new Uint8Array(2)))).toEqual([0, 0]);
  });
});

describe('removeSeasonality', () => {
  it('recovers a weekly pattern under noise and an outlier, repeating exactly each week: otherwise residuals carry the weekday effect', () => {
    const random = createRandom(8);
    const pattern = [10, -4, -3, -2, 0, 3, -4];
    const values = Array.from({ length: 210 }, (_, t) => 50 + pattern[t % 7]! + random.normal());
    values[100] = 500;
    const { seasonal, periodsUsed } = removeSeasonality(values, [7]);
    expect(periodsUsed).toEqual([7]);
    for (let t = 0; t < 210; t += 1) {
      expect(Math.abs(seasonal[t]! - pattern[t % 7]!)).toBeLessThan(0.6);
      if (t >= 7) expect(seasonal[t]).toBe(seasonal[t - 7]);
    }
  });

  it('keeps explained steps out of the fit: otherwise a holiday uplift leaks into that weekday', () => {
    const values = Array.from({ length: 140 }, (_, t) => 20 + (t % 7 === 2 ? 5 : 0));
    const explained = values.map((_, t) => t % 7 === 2 && t < 70);
    for (let t = 2; t < 70; t += 7) values[t] = 400;
    const { seasonal, usable } = removeSeasonality(values, [7], { explained });
    expect(usable[2]).toBe(0);
    expect(seasonal[2]! - seasonal[3]!).toBeLessThan(8);
  });

  it('names each period it leaves out and why: otherwise users cannot tell why weekly effects remain', () => {
    const values = Array.from({ length: 30 }, (_, t) => t % 7);
    const result = removeSeasonality(values, [1, 7, 20, 7.5], { longestPeriod: 10 });
    expect(result.periodsUsed).toEqual([7]);
    const notes = result.notes.join(' | ');
    expect(notes).toMatch(/period 1 ignored/);
    expect(notes).toMatch(/period 20 left to the local level/);
    expect(notes).toMatch(/period 7.5 ignored/);
    expect(removeSeasonality(values, [15]).notes.join(' ')).toMatch(/period 15 dropped/);
  });
});
