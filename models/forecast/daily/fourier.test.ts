import { describe, expect, it } from 'vitest';
import { fourierColumns } from './fourier';

describe('Fourier terms', () => {
  it('equal sin/cos(2 pi k t / m) at every time (else the seasonal shape is distorted)', () => {
    const columns = fourierColumns(365.25, 10, 19000, 800, 'yearly');
    expect(columns).toHaveLength(20);
    for (const column of columns) {
      for (const row of [0, 1, 399, 799]) {
        const angle = (2 * Math.PI * column.harmonic * (19000 + row)) / 365.25;
        const expected = column.wave === 'sin' ? Math.sin(angle) : Math.cos(angle);
        expect(column.values[row]).toBeCloseTo(expected, 10);
      }
    }
  });

  it('leaves out the zero sine of the Nyquist harmonic of an even period', () => {
    const names = fourierColumns(4, 2, 0, 8, 'cycle').map((column) => column.name);
    expect(names).toEqual(['cycle sin 1', 'cycle cos 1', 'cycle cos 2']);
  });

  it('rejects impossible periods and harmonics, naming the argument', () => {
    expect(() => fourierColumns(1, 0, 0, 5, 'x')).toThrow(/period/);
    expect(() => fourierColumns(7, 4, 0, 5, 'x')).toThrow(/harmonics/);
  });
});
