// InspectionRecords in memory: tests and scripts use it where the SQLite store is not wanted.
// Same semantics as the store's: images by content hash, newest inspection first, days in UTC.
import { createHash } from 'node:crypto';
import type {
  InspectionFilter,
  InspectionRecord,
  InspectionRecords,
  QcDaySummary,
} from './inspection-records';

export interface MemoryInspectionRecords extends InspectionRecords {
  /** stored originals by sha256 hex */
  readonly images: ReadonlyMap<string, { bytes: Uint8Array; mime: string }>;
}

const dayOf = (record: InspectionRecord) => record.inspectedAt.slice(0, 10);

export function createMemoryInspectionRecords(): MemoryInspectionRecords {
  const images = new Map<string, { bytes: Uint8Array; mime: string }>();
  const records: InspectionRecord[] = [];
  return {
    images,
    storeImage(bytes, mime) {
      const hash = createHash('sha256').update(bytes).digest('hex');
      if (!images.has(hash)) images.set(hash, { bytes: bytes.slice(), mime });
      return hash;
    },
    save(record) {
      const index = records.findIndex((existing) => existing.id === record.id);
      if (index === -1) records.push(structuredClone(record));
      else records[index] = structuredClone(record);
    },
    list(filter: InspectionFilter) {
      if (filter.limit !== undefined && (!Number.isInteger(filter.limit) || filter.limit < 1)) {
        throw new RangeError(`limit: ${filter.limit} must be a whole number of at least 1`);
      }
      return records
        .filter(
          (record) =>
            (filter.sku === undefined || record.sku === filter.sku) &&
            (filter.lot === undefined || record.lot === filter.lot) &&
            (filter.from === undefined || dayOf(record) >= filter.from) &&
            (filter.to === undefined || dayOf(record) <= filter.to),
        )
        .sort((left, right) => right.inspectedAt.localeCompare(left.inspectedAt))
        .slice(0, filter.limit ?? Number.POSITIVE_INFINITY)
        .map((record) => structuredClone(record));
    },
    qcSummary(from, to) {
      const groups = new Map<string, QcDaySummary>();
      for (const record of records) {
        const date = dayOf(record);
        if (date < from || date > to) continue;
        const key = JSON.stringify([date, record.sku, record.line]);
        const group = groups.get(key) ?? {
          date,
          sku: record.sku,
          line: record.line,
          inspected: 0,
          passed: 0,
          failed: 0,
          needsReview: 0,
          retake: 0,
        };
        group.inspected += 1;
        if (record.verdict === 'pass') group.passed += 1;
        else if (record.verdict === 'fail') group.failed += 1;
        else if (record.verdict === 'needs_review') group.needsReview += 1;
        else group.retake += 1;
        groups.set(key, group);
      }
      return [...groups.values()].sort(
        (left, right) =>
          left.date.localeCompare(right.date) ||
          (left.sku ?? '').localeCompare(right.sku ?? '') ||
          (left.line ?? '').localeCompare(right.line ?? ''),
      );
    },
  };
}
