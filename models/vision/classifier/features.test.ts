import { describe, expect, it } from 'vitest';
import { createRandom } from '../../stats/random';
import { defectFeatureNames, extractFeatures } from './features';
import { syntheticCan } from './fixtures/synthetic-cans';

const feature = (values: Float64Array, name: string) => values[defectFeatureNames.indexOf(name)]!;

describe('extractFeatures', () => {
  it('returns one finite value per feature name', () => {
    const values = extractFeatures(syntheticCan({ random: createRandom(1) }));
    expect(values).toHaveLength(defectFeatureNames.length);
    expect([...values].every(Number.isFinite)).toBe(true);
  });

  it('finds the can: its area fraction is the drawn rectangle (else segmentation is off)', () => {
    const values = extractFeatures(syntheticCan({ random: createRandom(1) }));
    // 0.56 of the width x 0.70 of the height
    expect(feature(values, 'area_fraction')).toBeGreaterThan(0.36);
    expect(feature(values, 'area_fraction')).toBeLessThan(0.42);
    expect(feature(values, 'solidity')).toBeGreaterThan(0.98);
  });

  it('rust fraction rises with the rusted area and is near zero on a clean can', () => {
    const fractions = [0, 3, 8].map((rustBlobs) =>
      feature(
        extractFeatures(syntheticCan({ random: createRandom(2), rustBlobs })),
        'rust_fraction',
      ),
    );
    expect(fractions[0]).toBeLessThan(0.002);
    expect(fractions[1]).toBeGreaterThan(fractions[0]! + 0.01);
    expect(fractions[2]).toBeGreaterThan(fractions[1]!);
    const warm = [0, 8].map((rustBlobs) =>
      feature(
        extractFeatures(syntheticCan({ random: createRandom(2), rustBlobs })),
        'warm_chroma_fraction',
      ),
    );
    expect(warm[1]).toBeGreaterThan(warm[0]!);
  });

  it('a dented silhouette is less solid, rougher and has a deeper convexity defect than a straight one', () => {
    const straight = extractFeatures(syntheticCan({ random: createRandom(3) }));
    const dented = extractFeatures(syntheticCan({ random: createRandom(3), dentDepth: 18 }));
    expect(feature(dented, 'solidity')).toBeLessThan(feature(straight, 'solidity'));
    expect(feature(dented, 'deepest_convexity_defect')).toBeGreaterThan(
      feature(straight, 'deepest_convexity_defect') + 0.05,
    );
    expect(feature(dented, 'radial_roughness')).toBeGreaterThan(
      feature(straight, 'radial_roughness'),
    );
    expect(feature(dented, 'perimeter_to_hull_perimeter')).toBeGreaterThan(
      feature(straight, 'perimeter_to_hull_perimeter'),
    );
  });

  it('does not call lighting rust: a darker clean can keeps a near-zero rust fraction', () => {
    const dim = extractFeatures(syntheticCan({ random: createRandom(4), brightness: 0.6 }));
    expect(feature(dim, 'rust_fraction')).toBeLessThan(0.002);
  });

  it('refuses a photo with no package against the background, saying so', () => {
    const black = { width: 64, height: 64, data: new Uint8ClampedArray(64 * 64 * 4).fill(0) };
    expect(() => extractFeatures(black)).toThrow(/no package found/);
  });
});
