// The QC page's pure logic: which picked files may be sent (type and size, checked before the
// upload), pass rates by SKU or line over the summary's days, and the history grouped by day.
import type { InspectionRecordData } from '../results/inspection-result';
import type { QcDaySummary } from './qc-api';

/** The server's limit per photo (tools/inspection/intake.ts). */
export const maxPhotoBytes = 20 * 1024 * 1024;
export const acceptedTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'];

export type FileProblem = { kind: 'type'; type: string } | { kind: 'size'; megabytes: number };

/** Why a picked file will not be sent, or undefined when it may be. */
export function fileProblem(file: { type: string; size: number }): FileProblem | undefined {
  if (file.type !== '' && !acceptedTypes.includes(file.type.toLowerCase()))
    return { kind: 'type', type: file.type };
  if (file.size > maxPhotoBytes)
    return { kind: 'size', megabytes: Math.round((file.size / 1024 / 1024) * 10) / 10 };
  return undefined;
}

export interface PassRateRow {
  /** the SKU or line; null when the inspections did not say */
  key: string | null;
  inspected: number;
  passed: number;
  failed: number;
  needsReview: number;
  retake: number;
  /** passed / inspected */
  passRate: number;
}

/** Pass rates by SKU or by line over all the summary's days, worst first (then by name). */
export function passRateRows(days: readonly QcDaySummary[], by: 'sku' | 'line'): PassRateRow[] {
  const rows = new Map<string | null, PassRateRow>();
  for (const day of days) {
    const key = day[by];
    const row = rows.get(key) ?? {
      key,
      inspected: 0,
      passed: 0,
      failed: 0,
      needsReview: 0,
      retake: 0,
      passRate: 0,
    };
    row.inspected += day.inspected;
    row.passed += day.passed;
    row.failed += day.failed;
    row.needsReview += day.needsReview;
    row.retake += day.retake;
    rows.set(key, row);
  }
  return [...rows.values()]
    .filter((row) => row.inspected > 0)
    .map((row) => ({ ...row, passRate: row.passed / row.inspected }))
    .sort(
      (a, b) => a.passRate - b.passRate || (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'),
    );
}

export interface HistoryDay {
  date: string;
  today: boolean;
  inspections: InspectionRecordData[];
}

/** The inspections grouped by day (newest day first, the list's order kept within a day). */
export function historyByDay(
  inspections: readonly InspectionRecordData[],
  today: string,
): HistoryDay[] {
  const days = new Map<string, InspectionRecordData[]>();
  for (const entry of inspections) {
    const date = entry.inspectedAt.slice(0, 10);
    days.set(date, [...(days.get(date) ?? []), entry]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([date, entries]) => ({ date, today: date === today, inspections: entries }));
}

/** Today's date as the server files inspections (the UTC day of inspectedAt), YYYY-MM-DD. */
export function serverDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
