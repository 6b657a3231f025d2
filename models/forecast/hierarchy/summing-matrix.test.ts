import { describe, expect, it } from 'vitest';
import { aggregateBottom, buildHierarchy } from './summing-matrix';

const bottom = [
  { id: 'GR-01@LIM', attributes: { category: 'grains', region: 'Lima' } },
  { id: 'GR-02@CUS', attributes: { category: 'grains', region: 'Cusco' } },
  { id: 'DA-01@LIM', attributes: { category: 'dairy', region: 'Lima' } },
];

describe('buildHierarchy', () => {
  const hierarchy = buildHierarchy(bottom, [[], ['category'], ['region']]);

  it('lists the total, each level’s groups in sorted order, then the bottom series (else S rows are mislabelled)', () => {
    expect(hierarchy.nodes.map((node) => node.key)).toEqual([
      'total',
      'category=dairy',
      'category=grains',
      'region=Cusco',
      'region=Lima',
      'GR-01@LIM',
      'GR-02@CUS',
      'DA-01@LIM',
    ]);
    expect(hierarchy.bottomOffset).toBe(5);
  });

  it('builds S with a 1 where a node sums a bottom series (else aggregates sum the wrong series)', () => {
    expect(Array.from(hierarchy.summing)).toEqual([
      1, 1, 1, /* dairy */ 0, 0, 1, /* grains */ 1, 1, 0, /* Cusco */ 0, 1, 0, /* Lima */ 1, 0, 1,
      1, 0, 0, 0, 1, 0, 0, 0, 1,
    ]);
  });

  it('aggregates bottom series by S (else totals do not add up)', () => {
    const all = aggregateBottom(hierarchy, [
      [1, 2],
      [10, 20],
      [100, 200],
    ]);
    expect(all[0]).toEqual([111, 222]);
    expect(all[1]).toEqual([100, 200]);
    expect(all[2]).toEqual([11, 22]);
    expect(all[4]).toEqual([101, 202]);
  });

  it('names the series and attribute when a level’s attribute is missing (else the user cannot fix the data)', () => {
    expect(() =>
      buildHierarchy([{ id: 'x', attributes: { category: 'grains' } }], [['region']]),
    ).toThrow(/bottom\[0\]\.attributes\.region: missing for "x"/);
  });

  it('rejects duplicate bottom ids (else two series would share one column)', () => {
    expect(() => buildHierarchy([bottom[0]!, bottom[0]!], [[]])).toThrow(/appears twice/);
  });
});
