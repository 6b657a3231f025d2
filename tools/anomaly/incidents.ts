// Groups anomalies that are probably one cause (a DC's feed broken, one supplier late) into
// incidents with DBSCAN (Ester et al. 1996): two anomalies are neighbours when they start
// within a few days of each other at the same location, or for the same SKU at several.
import { dbscan } from '../../models/anomaly/dbscan';
import { parseIsoDate } from '../../models/calendar/dates';
import type { ScannedAnomaly } from './scan-listings';

const DAYS_APART = 3;
const MIN_ANOMALIES = 2;

export interface Incident {
  /** what the anomalies share */
  scope: string;
  start: string;
  end: string;
  kinds: string[];
  skus: string[];
  locations: string[];
  anomalies: number;
  valueAtRisk: number | null;
  summary: string;
}

export function groupIncidents(anomalies: readonly ScannedAnomaly[]): Incident[] {
  if (anomalies.length < MIN_ANOMALIES) return [];
  const day = (anomaly: ScannedAnomaly) => parseIsoDate(anomaly.start);
  const { labels, clusters } = dbscan(anomalies, {
    eps: DAYS_APART,
    minPoints: MIN_ANOMALIES,
    distance: (a, b) =>
      a.location === b.location || a.sku === b.sku ? Math.abs(day(a) - day(b)) : Infinity,
    sortKey: day,
  });
  const incidents: Incident[] = [];
  for (let cluster = 0; cluster < clusters; cluster += 1) {
    const members = anomalies.filter((_, index) => labels[index] === cluster);
    const skus = [...new Set(members.map((member) => member.sku))].sort();
    const locations = [...new Set(members.map((member) => member.location))].sort();
    const kinds = [...new Set(members.map((member) => member.kind))].sort();
    const start = members.map((member) => member.start).sort()[0]!;
    const end = members
      .map((member) => member.end)
      .sort()
      .at(-1)!;
    const values = members.map((member) => member.valueAtRisk);
    const valueAtRisk = values.every((value) => value !== null)
      ? values.reduce<number>((total, value) => total + (value ?? 0), 0)
      : null;
    const scope =
      locations.length === 1
        ? `location ${locations[0]}`
        : skus.length === 1
          ? `SKU ${skus[0]}`
          : 'several';
    incidents.push({
      scope,
      start,
      end,
      kinds,
      skus,
      locations,
      anomalies: members.length,
      valueAtRisk,
      summary: `${members.length} anomalies (${kinds.join(', ')}) from ${start} to ${end} at ${
        locations.length === 1 ? locations[0] : `${locations.length} locations`
      } across ${skus.length === 1 ? skus[0] : `${skus.length} SKUs`}: likely one cause`,
    });
  }
  return incidents.sort((a, b) => (b.valueAtRisk ?? 0) - (a.valueAtRisk ?? 0));
}
