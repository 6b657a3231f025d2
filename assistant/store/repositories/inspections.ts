// Packaging inspections in SQLite (migration 3): originals by content hash in inspection_images
// (the same photo twice is one row), one row per inspection, and the QC summary grouped in SQL.
// Days are the UTC date of `inspected_at`, as in the in-memory records.
import { createHash } from 'node:crypto';
import type { Finding } from '../../../models/vision/check-result';
import type {
  InspectionFilter,
  InspectionRecord,
  InspectionRecords,
  InspectionVerdict,
  QcDaySummary,
} from '../../../tools/inspection/inspection-records';
import type { SqliteDatabase } from '../database';

interface InspectionRow {
  id: string;
  image_hash: string;
  file_name: string | null;
  sku: string | null;
  lot: string | null;
  line: string | null;
  verdict: InspectionVerdict;
  reasons: string;
  findings: string;
  model: string | null;
  best_before: string | null;
  decode_ms: number;
  checks_ms: number;
  model_ms: number | null;
  total_ms: number;
  inspected_at: string;
}

interface SummaryRow {
  date: string;
  sku: string | null;
  line: string | null;
  inspected: number;
  passed: number;
  failed: number;
  needs_review: number;
  retake: number;
}

export interface StoredInspectionImage {
  hash: string;
  mime: string;
  bytes: Buffer;
}

export const maximumInspectionListLimit = 1000;
export const defaultInspectionListLimit = 100;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(value: string | undefined, field: string): void {
  if (value !== undefined && !isoDate.test(value))
    throw new RangeError(`${field}: "${value}" is not an ISO date; use YYYY-MM-DD`);
}

function toRecord(row: InspectionRow): InspectionRecord {
  return {
    id: row.id,
    imageHash: row.image_hash,
    fileName: row.file_name,
    sku: row.sku,
    lot: row.lot,
    line: row.line,
    verdict: row.verdict,
    reasons: JSON.parse(row.reasons) as string[],
    findings: JSON.parse(row.findings) as Finding[],
    model: row.model,
    bestBefore: row.best_before,
    durations: {
      decodeMs: row.decode_ms,
      checksMs: row.checks_ms,
      modelMs: row.model_ms,
      totalMs: row.total_ms,
    },
    inspectedAt: row.inspected_at,
  };
}

export function createInspectionRepository(database: SqliteDatabase, clock = () => new Date()) {
  const insertImage = database.prepare<[string, string, Buffer, string]>(
    'INSERT OR IGNORE INTO inspection_images (hash, mime, bytes, stored_at) VALUES (?, ?, ?, ?)',
  );
  const selectImage = database.prepare<[string], StoredInspectionImage>(
    'SELECT hash, mime, bytes FROM inspection_images WHERE hash = ?',
  );
  const countImages = database.prepare<[], { count: number }>(
    'SELECT COUNT(*) AS count FROM inspection_images',
  );
  const upsert = database.prepare(`
    INSERT INTO inspections (id, image_hash, file_name, sku, lot, line, verdict, reasons, findings,
      model, best_before, decode_ms, checks_ms, model_ms, total_ms, inspected_at)
    VALUES (@id, @image_hash, @file_name, @sku, @lot, @line, @verdict, @reasons, @findings,
      @model, @best_before, @decode_ms, @checks_ms, @model_ms, @total_ms, @inspected_at)
    ON CONFLICT (id) DO UPDATE SET image_hash = excluded.image_hash, file_name = excluded.file_name,
      sku = excluded.sku, lot = excluded.lot, line = excluded.line, verdict = excluded.verdict,
      reasons = excluded.reasons, findings = excluded.findings, model = excluded.model,
      best_before = excluded.best_before, decode_ms = excluded.decode_ms,
      checks_ms = excluded.checks_ms, model_ms = excluded.model_ms, total_ms = excluded.total_ms,
      inspected_at = excluded.inspected_at
  `);
  const selectById = database.prepare<[string], InspectionRow>(
    'SELECT * FROM inspections WHERE id = ?',
  );
  const summary = database.prepare<[string, string], SummaryRow>(`
    SELECT substr(inspected_at, 1, 10) AS date, sku, line,
      COUNT(*) AS inspected,
      SUM(verdict = 'pass') AS passed,
      SUM(verdict = 'fail') AS failed,
      SUM(verdict = 'needs_review') AS needs_review,
      SUM(verdict = 'retake') AS retake
    FROM inspections
    WHERE substr(inspected_at, 1, 10) BETWEEN ? AND ?
    GROUP BY date, sku, line
    ORDER BY date, COALESCE(sku, ''), COALESCE(line, '')
  `);

  const records: InspectionRecords & {
    image(hash: string): StoredInspectionImage | undefined;
    get(id: string): InspectionRecord | undefined;
    imageCount(): number;
  } = {
    storeImage(bytes, mime) {
      const hash = createHash('sha256').update(bytes).digest('hex');
      insertImage.run(
        hash,
        mime,
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        clock().toISOString(),
      );
      return hash;
    },
    save(record) {
      if (selectImage.get(record.imageHash) === undefined)
        throw new RangeError(
          `imageHash: no stored photo has the hash ${record.imageHash}; call storeImage with the photo first`,
        );
      upsert.run({
        id: record.id,
        image_hash: record.imageHash,
        file_name: record.fileName,
        sku: record.sku,
        lot: record.lot,
        line: record.line,
        verdict: record.verdict,
        reasons: JSON.stringify(record.reasons),
        findings: JSON.stringify(record.findings),
        model: record.model,
        best_before: record.bestBefore,
        decode_ms: record.durations.decodeMs,
        checks_ms: record.durations.checksMs,
        model_ms: record.durations.modelMs,
        total_ms: record.durations.totalMs,
        inspected_at: record.inspectedAt,
      });
    },
    list(filter: InspectionFilter) {
      const limit = filter.limit ?? defaultInspectionListLimit;
      if (!Number.isInteger(limit) || limit < 1 || limit > maximumInspectionListLimit)
        throw new RangeError(
          `limit: ${limit} must be a whole number from 1 to ${maximumInspectionListLimit}`,
        );
      checkDate(filter.from, 'from');
      checkDate(filter.to, 'to');
      const conditions: string[] = [];
      const values: string[] = [];
      if (filter.sku !== undefined) {
        conditions.push('sku = ?');
        values.push(filter.sku);
      }
      if (filter.lot !== undefined) {
        conditions.push('lot = ?');
        values.push(filter.lot);
      }
      if (filter.from !== undefined) {
        conditions.push('substr(inspected_at, 1, 10) >= ?');
        values.push(filter.from);
      }
      if (filter.to !== undefined) {
        conditions.push('substr(inspected_at, 1, 10) <= ?');
        values.push(filter.to);
      }
      const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
      const rows = database
        .prepare<string[], InspectionRow>(
          `SELECT * FROM inspections ${where} ORDER BY inspected_at DESC, id LIMIT ${limit}`,
        )
        .all(...values);
      return rows.map(toRecord);
    },
    qcSummary(from, to) {
      checkDate(from, 'from');
      checkDate(to, 'to');
      return summary.all(from, to).map((row): QcDaySummary => ({
        date: row.date,
        sku: row.sku,
        line: row.line,
        inspected: row.inspected,
        passed: row.passed,
        failed: row.failed,
        needsReview: row.needs_review,
        retake: row.retake,
      }));
    },
    /** The stored original, or undefined for an unknown hash. */
    image(hash) {
      return selectImage.get(hash);
    },
    get(id) {
      const row = selectById.get(id);
      return row === undefined ? undefined : toRecord(row);
    },
    imageCount() {
      return countImages.get()?.count ?? 0;
    },
  };
  return records;
}

export type InspectionRepository = ReturnType<typeof createInspectionRepository>;
