import { describe, expect, it } from 'vitest';
import { connectedComponents } from './connected-components';

function maskOf(rows: string[]): { mask: Uint8Array; width: number; height: number } {
  const width = rows[0]!.length;
  const mask = new Uint8Array(width * rows.length);
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x += 1) mask[y * width + x] = row[x] === '#' ? 1 : 0;
  });
  return { mask, width, height: rows.length };
}

describe('connectedComponents', () => {
  const picture = maskOf(['##....#', '##...#.', '......#', '.###...', '.#.....']);

  it('finds each blob with its area, box and centroid, else glare/defect boxes are wrong', () => {
    const { components } = connectedComponents(picture.mask, picture.width, picture.height);
    expect(components).toHaveLength(3);
    expect(components[0]).toMatchObject({
      area: 4,
      box: { x: 0, y: 0, width: 2, height: 2 },
      centroidX: 0.5,
      centroidY: 0.5,
    });
    expect(components[1]).toMatchObject({ area: 3, box: { x: 5, y: 0, width: 2, height: 3 } });
    expect(components[2]).toMatchObject({ area: 4, box: { x: 1, y: 3, width: 3, height: 2 } });
  });

  it('with 4-connectivity splits blobs that only touch at corners', () => {
    const { components } = connectedComponents(picture.mask, picture.width, picture.height, {
      connectivity: 4,
    });
    expect(components).toHaveLength(5);
  });

  it('drops components under minArea and clears their labels', () => {
    const { components, labels } = connectedComponents(
      picture.mask,
      picture.width,
      picture.height,
      { minArea: 4 },
    );
    expect(components.map((component) => component.area)).toEqual([4, 4]);
    expect(labels[6]).toBe(0);
    expect(new Set(labels)).toEqual(new Set([0, 1, 2]));
  });

  it('rejects a mask whose length does not match the size', () => {
    expect(() => connectedComponents(new Uint8Array(5), 2, 3)).toThrow(/mask/);
  });
});
