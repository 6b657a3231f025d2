import { describe, expect, it, vi } from 'vitest';
import { lastClosedMonth, fetchReportFile, reportBody, reportFileName } from './reports-page';

describe('reports page logic', () => {
  it('defaults to the month before the current one, across a year end (else the form proposes an unfinished month)', () => {
    expect(lastClosedMonth(new Date(2026, 10, 26))).toBe('2026-10');
    expect(lastClosedMonth(new Date(2026, 0, 3))).toBe('2025-12');
  });

  it('sends a scope only for a chosen category or location (else "all" would be sent as a filter on an empty name)', () => {
    expect(reportBody({ month: '2024-03', category: '', location: '', language: 'en' })).toEqual({
      month: '2024-03',
      language: 'en',
    });
    expect(
      reportBody({ month: '2024-03', category: 'dairy', location: 'LIM-DC1', language: 'es' }),
    ).toEqual({
      month: '2024-03',
      language: 'es',
      scope: { categories: ['dairy'], locations: ['LIM-DC1'] },
    });
  });

  it('names the file as the server does, or sop-<month>-<id start> (else downloads of two reports overwrite each other)', () => {
    const report = { id: '5f0c4a2e-1111-2222', month: '2026-10' };
    expect(reportFileName(report, 'html')).toBe('sop-2026-10-5f0c4a2e.html');
    expect(reportFileName(report, 'md', 'inline; filename="sop-2026-10-x.md"')).toBe(
      'sop-2026-10-x.md',
    );
  });

  it("fetches a rendering with the format asked and reports the server's message on failure (else a failed PDF would save an error page)", async () => {
    const report = { id: 'abc', month: '2026-10' };
    const ok = vi.fn(async (_path: string) => new Response('<html></html>', { status: 200 }));
    const file = await fetchReportFile(report, 'html', ok as unknown as typeof fetch);
    expect(ok.mock.calls[0]?.[0]).toBe('/api/reports/abc?format=html');
    expect(await file.blob.text()).toBe('<html></html>');
    expect(file.fileName).toBe('sop-2026-10-abc.html');
    const unavailable = vi.fn(
      async () =>
        new Response(
          JSON.stringify({ error: { code: 'unavailable', message: 'PDF export needs Chromium' } }),
          { status: 503 },
        ),
    );
    await expect(
      fetchReportFile(report, 'pdf', unavailable as unknown as typeof fetch),
    ).rejects.toThrow('PDF export needs Chromium');
  });
});
