// The QC endpoints (assistant/server/routes/inspections.ts): one photo's inspection upload, the
// inspection list and the pass-rate summary, answers checked at the boundary.
import { ApiError, request, requestAs, type RequestOptions } from '../../lib/api/client';
import { arrayOf, isRecord, num, object, nullable, str, type Guarded } from '../../lib/api/shape';
import {
  isInspectionRecord,
  isUploadResult,
  type InspectionRecordData,
  type UploadResult,
} from '../results/inspection-result';

const isUploadAnswer = object({ results: arrayOf(isUploadResult) });

const daySummary = object({
  date: str,
  sku: nullable(str),
  line: nullable(str),
  inspected: num,
  passed: num,
  failed: num,
  needsReview: num,
  retake: num,
});
export type QcDaySummary = Guarded<typeof daySummary>;
const isSummary = object({ from: str, to: str, days: arrayOf(daySummary) });
export type QcSummary = Guarded<typeof isSummary>;
const isList = object({ inspections: arrayOf(isInspectionRecord) });

export interface UploadFields {
  sku?: string;
  lot?: string;
  line?: string;
}

/**
 * Inspects one photo (POST /api/inspections). A photo the server rejects comes back as a
 * 'rejected' result with its reason (the server answers 4xx with the per-file results then);
 * other failures throw ApiError.
 */
export async function uploadPhoto(
  file: File,
  fields: UploadFields,
  options: RequestOptions = {},
): Promise<UploadResult> {
  const form = new FormData();
  form.append('photo', file, file.name);
  for (const [name, value] of Object.entries(fields))
    if (typeof value === 'string' && value.trim() !== '') form.set(name, value.trim());
  try {
    const answer = await request('/api/inspections', { ...options, method: 'POST', body: form });
    if (!isUploadAnswer(answer) || answer.results.length !== 1)
      throw new ApiError(
        'the server answered the upload in an unexpected shape',
        200,
        'unexpected_shape',
      );
    return answer.results[0]!;
  } catch (error) {
    if (error instanceof ApiError && isRecord(error.details) && isUploadAnswer(error.details)) {
      const [first] = error.details.results;
      if (first) return first;
    }
    throw error;
  }
}

export interface HistoryFilter {
  sku?: string;
  lot?: string;
  /** one day (YYYY-MM-DD) */
  day?: string;
}

/** GET /api/inspections's path for a filter (empty parts left out; a day is from = to). */
export function historyPath(filter: HistoryFilter, limit = 50): string {
  const parameters = new URLSearchParams();
  if (filter.sku?.trim()) parameters.set('sku', filter.sku.trim());
  if (filter.lot?.trim()) parameters.set('lot', filter.lot.trim());
  if (filter.day) {
    parameters.set('from', filter.day);
    parameters.set('to', filter.day);
  }
  parameters.set('limit', String(limit));
  return `/api/inspections?${parameters.toString()}`;
}

export async function fetchHistory(
  filter: HistoryFilter,
  options?: RequestOptions,
): Promise<InspectionRecordData[]> {
  return (await requestAs(historyPath(filter), isList, options)).inspections;
}

export function fetchSummary(
  range: { from?: string; to?: string } = {},
  options?: RequestOptions,
): Promise<QcSummary> {
  const parameters = new URLSearchParams();
  if (range.from) parameters.set('from', range.from);
  if (range.to) parameters.set('to', range.to);
  const query = parameters.toString();
  return requestAs(query ? `/api/qc/summary?${query}` : '/api/qc/summary', isSummary, options);
}
