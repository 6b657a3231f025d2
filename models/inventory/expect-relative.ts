// Test helper: relative closeness, the measure the textbook targets are stated in.
import { expect } from 'vitest';

export function expectRelative(actual: number, expected: number, tolerance = 1e-6): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  expect(
    Math.abs(actual - expected) / scale,
    `expected ${actual} within ${tolerance} (relative) of ${expected}`,
  ).toBeLessThanOrEqual(tolerance);
}
