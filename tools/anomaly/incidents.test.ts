import { describe, expect, it } from 'vitest';
import { groupIncidents } from './incidents';
import type { ScannedAnomaly } from './scan-listings';

function scanned(
  sku: string,
  location: string,
  start: string,
  options: Partial<ScannedAnomaly> = {},
): ScannedAnomaly {
  return {
    sku,
    location,
    region: 'Lima',
    start,
    end: start,
    kind: 'drop',
    score: 6,
    expected: 100,
    expectedLower: 70,
    expectedUpper: 130,
    observed: 0,
    unitsOff: -100,
    valueAtRisk: 500,
    explanation: 'unexplained drop',
    ...options,
  };
}

describe('groupIncidents', () => {
  it('groups several SKUs at one location within 3 days into one incident (one broken feed, not three problems)', () => {
    const incidents = groupIncidents([
      scanned('YOG-1L', 'LIM-DC1', '2025-03-10', { valueAtRisk: 300 }),
      scanned('QUI-500', 'LIM-DC1', '2025-03-11', { end: '2025-03-14', valueAtRisk: 200 }),
      scanned('MAN-250', 'LIM-DC1', '2025-03-12', { kind: 'level_shift', valueAtRisk: 100 }),
    ]);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident).toMatchObject({
      scope: 'location LIM-DC1',
      start: '2025-03-10',
      end: '2025-03-14',
      kinds: ['drop', 'level_shift'],
      skus: ['MAN-250', 'QUI-500', 'YOG-1L'],
      locations: ['LIM-DC1'],
      anomalies: 3,
      valueAtRisk: 600,
    });
    expect(incident!.summary).toBe(
      '3 anomalies (drop, level_shift) from 2025-03-10 to 2025-03-14 at LIM-DC1 across 3 SKUs: likely one cause',
    );
  });

  it('keeps anomalies 4+ days apart at one location apart (the 3-day reach must hold)', () => {
    expect(
      groupIncidents([
        scanned('YOG-1L', 'LIM-DC1', '2025-03-10'),
        scanned('QUI-500', 'LIM-DC1', '2025-03-14'),
      ]),
    ).toEqual([]);
  });

  it('joins anomalies exactly 3 days apart (the reach is inclusive)', () => {
    expect(
      groupIncidents([
        scanned('YOG-1L', 'LIM-DC1', '2025-03-10'),
        scanned('QUI-500', 'LIM-DC1', '2025-03-13'),
      ]),
    ).toHaveLength(1);
  });

  it('never joins a different SKU at a different place, even on the same day (no shared cause)', () => {
    expect(
      groupIncidents([
        scanned('YOG-1L', 'LIM-DC1', '2025-03-10'),
        scanned('QUI-500', 'ARE-DC1', '2025-03-10'),
        scanned('MAN-250', 'CUS-DC1', '2025-03-10'),
      ]),
    ).toEqual([]);
  });

  it('returns nothing for a single anomaly (one point is not an incident)', () => {
    expect(groupIncidents([scanned('YOG-1L', 'LIM-DC1', '2025-03-10')])).toEqual([]);
    expect(groupIncidents([])).toEqual([]);
  });

  it('scopes one SKU at several locations on the same days as "SKU ..." (a supplier problem)', () => {
    const incidents = groupIncidents([
      scanned('YOG-1L', 'LIM-DC1', '2025-05-02'),
      scanned('YOG-1L', 'ARE-DC1', '2025-05-02'),
      scanned('YOG-1L', 'CUS-DC1', '2025-05-03'),
    ]);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      scope: 'SKU YOG-1L',
      skus: ['YOG-1L'],
      locations: ['ARE-DC1', 'CUS-DC1', 'LIM-DC1'],
      anomalies: 3,
      valueAtRisk: 1500,
    });
    expect(incidents[0]!.summary).toContain('at 3 locations across YOG-1L');
  });

  it('gives no value at risk when any member has no price (a partial sum would understate it)', () => {
    const incidents = groupIncidents([
      scanned('YOG-1L', 'LIM-DC1', '2025-03-10'),
      scanned('QUI-500', 'LIM-DC1', '2025-03-10', { valueAtRisk: null }),
    ]);
    expect(incidents[0]!.valueAtRisk).toBeNull();
  });

  it('sorts incidents by value at risk, largest first, and leaves noise out', () => {
    const incidents = groupIncidents([
      scanned('YOG-1L', 'LIM-DC1', '2025-03-10', { valueAtRisk: 10 }),
      scanned('QUI-500', 'LIM-DC1', '2025-03-11', { valueAtRisk: 10 }),
      scanned('MAN-250', 'CUS-DC1', '2025-06-01', { valueAtRisk: 900 }),
      scanned('MAN-250', 'ARE-DC1', '2025-06-02', { valueAtRisk: 900 }),
      scanned('PAN-1K', 'PIU-DC1', '2025-09-09', { valueAtRisk: 5000 }),
    ]);
    expect(incidents.map((incident) => incident.scope)).toEqual([
      'SKU MAN-250',
      'location LIM-DC1',
    ]);
    expect(incidents.map((incident) => incident.valueAtRisk)).toEqual([1800, 20]);
  });
});
