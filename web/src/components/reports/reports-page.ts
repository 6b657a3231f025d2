// The reports page's logic: the S&OP reports API (GET/POST /api/reports, GET /api/reports/:id with
// ?format=md|html|pdf), checked at the boundary; the month offered by default (the last closed
// one); the request body from the form; and downloads fetched with the API token (a plain link
// would not carry it) and saved under the server's file name.
import { errorFromBody, requestAs, ApiError, type RequestOptions } from '../../lib/api/client';
import { arrayOf, bool, literal, object, optional, str, type Guarded } from '../../lib/api/shape';
import { authHeaders } from '../../lib/auth-token';
import { isSopSummaryResult } from '../results/sop-summary-result';

const summary = object({
  id: str,
  month: str,
  scopeLabel: str,
  language: literal('es', 'en'),
  narrativeSource: literal('model', 'template'),
  createdAt: str,
  trigger: str,
});
export type ReportSummary = Guarded<typeof summary>;

const isReportList = object({ reports: arrayOf(summary), pdfAvailable: optional(bool) });
export type ReportList = Guarded<typeof isReportList>;

/** A stored report: its list fields plus the facts and narrative the summary view shows. */
export type Report = ReportSummary &
  Guarded<typeof isSopSummaryResult> & { fallbackReason?: string };
const isReport = (value: unknown): value is Report => summary(value) && isSopSummaryResult(value);

export type ReportLanguage = ReportSummary['language'];
export type ReportFormat = 'md' | 'html' | 'pdf';

export function fetchReports(options?: RequestOptions): Promise<ReportList> {
  return requestAs('/api/reports', isReportList, options);
}

export function fetchReport(id: string, options?: RequestOptions): Promise<Report> {
  return requestAs(`/api/reports/${encodeURIComponent(id)}`, isReport, options);
}

export interface ReportRequest {
  month: string;
  category: string;
  location: string;
  language: ReportLanguage;
}

/** POST /api/reports's body: an empty category or location means the whole company. */
export function reportBody(form: ReportRequest): {
  month: string;
  language: ReportLanguage;
  scope?: { categories?: string[]; locations?: string[] };
} {
  const scope = {
    ...(form.category !== '' && { categories: [form.category] }),
    ...(form.location !== '' && { locations: [form.location] }),
  };
  return {
    month: form.month,
    language: form.language,
    ...(Object.keys(scope).length > 0 && { scope }),
  };
}

export function createReport(form: ReportRequest, options: RequestOptions = {}): Promise<Report> {
  return requestAs('/api/reports', isReport, {
    ...options,
    method: 'POST',
    body: reportBody(form),
  });
}

/** YYYY-MM of the month before `now`'s (local time): the last month that is over. */
export function lastClosedMonth(now: Date): string {
  const previous = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${previous.getFullYear()}-${String(previous.getMonth() + 1).padStart(2, '0')}`;
}

const extensions: Record<ReportFormat, string> = { md: 'md', html: 'html', pdf: 'pdf' };

/** The file name: the server's (Content-Disposition) or "sop-<month>-<id start>.<ext>". */
export function reportFileName(
  report: { id: string; month: string },
  format: ReportFormat,
  disposition?: string | null,
): string {
  const given = disposition ? /filename="([^"]+)"/.exec(disposition)?.[1] : undefined;
  return given ?? `sop-${report.month}-${report.id.slice(0, 8)}.${extensions[format]}`;
}

/** The report rendered in `format`, with the file name to save it under. */
export async function fetchReportFile(
  report: { id: string; month: string },
  format: ReportFormat,
  fetchFunction: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<{ blob: Blob; fileName: string }> {
  const path = `/api/reports/${encodeURIComponent(report.id)}?format=${format}`;
  let response: Response;
  try {
    response = await fetchFunction(path, { headers: authHeaders() });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(`the server could not be reached (${reason})`, 0, 'network');
  }
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // not JSON: the fallback message says what failed
    }
    throw errorFromBody(response.status, body, `GET ${path} failed with HTTP ${response.status}`);
  }
  return {
    blob: await response.blob(),
    fileName: reportFileName(report, format, response.headers.get('content-disposition')),
  };
}

/** Saves a blob as a download (a temporary object URL on a link with `download`). */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
