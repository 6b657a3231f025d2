import { describe, expect, it } from 'vitest';
import { testDeps } from '../../../test/support/app-deps';
import { populateTestStore } from '../../../test/support/test-store';
import type { SopReport, SopReportSummary } from '../../sop/report-types';
import { openStore } from '../../store/store';
import { createApp } from '../create-app';
import type { ErrorBody } from '../error-handler';

/** An app over a store with 120 days of sales from 2024-01-01 (the template narrates). */
function reportsApp() {
  const deps = testDeps({ store: populateTestStore(openStore({ path: ':memory:' }), 120) });
  return { app: createApp(deps), deps };
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('/api/reports', () => {
  it('POST generates and stores a report; GET returns it as JSON, Markdown and HTML', async () => {
    const { app } = reportsApp();
    const created = await app.request(
      '/api/reports',
      post({ month: '2024-03', language: 'en', scope: { locations: ['LIM-DC1'] } }),
    );
    expect(created.status).toBe(201);
    const report = (await created.json()) as SopReport;
    expect(report).toMatchObject({
      month: '2024-03',
      language: 'en',
      trigger: 'api',
      narrativeSource: 'template',
    });
    expect(report.scope.locations).toEqual(['LIM-DC1']);

    const json = await app.request(`/api/reports/${report.id}`);
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual(report);

    const markdown = await app.request(`/api/reports/${report.id}?format=md`);
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const markdownText = await markdown.text();
    expect(markdownText).toMatch(/^# S&OP summary — March 2024 — /);
    expect(markdownText).toContain('## Decisions required');

    const html = await app.request(`/api/reports/${report.id}?format=html`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const htmlText = await html.text();
    expect(htmlText.startsWith('<!doctype html>')).toBe(true);
    expect(htmlText).not.toMatch(/https?:/);

    const list = await app.request('/api/reports?month=2024-03');
    const { reports } = (await list.json()) as { reports: SopReportSummary[] };
    expect(reports.map((row) => row.id)).toEqual([report.id]);
    expect(reports[0]).toMatchObject({ month: '2024-03', narrativeSource: 'template' });
    const otherMonth = await app.request('/api/reports?month=2024-02');
    expect(((await otherMonth.json()) as { reports: unknown[] }).reports).toEqual([]);
  });

  it('answers 400 naming the field for a bad month, an unknown field or a bad format', async () => {
    const { app } = reportsApp();
    const badMonth = await app.request('/api/reports', post({ month: '2024-13' }));
    expect(badMonth.status).toBe(400);
    const body = (await badMonth.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toContain('must be a month YYYY-MM');
    expect(body.error.details).toEqual([
      expect.objectContaining({ path: 'month', message: expect.stringContaining('YYYY-MM') }),
    ]);

    const unknown = await app.request('/api/reports', post({ month: '2024-03', lang: 'es' }));
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as ErrorBody).error.message).toContain('unknown field "lang"');

    const notJson = await app.request('/api/reports', post('{month'));
    expect(notJson.status).toBe(400);

    const unknownLocation = await app.request(
      '/api/reports',
      post({ month: '2024-03', scope: { locations: ['Tacna'] } }),
    );
    expect(unknownLocation.status).toBe(400);

    const badFormat = await app.request('/api/reports/x?format=docx');
    expect(badFormat.status).toBe(400);
    expect(((await badFormat.json()) as ErrorBody).error.message).toContain(
      'format must be one of json, md, html, pdf',
    );
  });

  it('answers 404 for a report that does not exist', async () => {
    const { app } = reportsApp();
    const response = await app.request('/api/reports/nope');
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.message).toContain('GET /api/reports');
  });
  it('GET /api/reports says whether PDF export can work here, else the UI offers a PDF link that fails', async () => {
    const store = openStore({ path: ':memory:' });
    const without = createApp(
      testDeps({ store, reports: { chromiumPath: '/nonexistent/chromium' } }),
    );
    const body = (await (await without.request('/api/reports')).json()) as {
      pdfAvailable: boolean;
    };
    expect(body.pdfAvailable).toBe(false);
    const withBinary = createApp(testDeps({ store, reports: { chromiumPath: process.execPath } }));
    const other = (await (await withBinary.request('/api/reports')).json()) as {
      pdfAvailable: boolean;
    };
    expect(other.pdfAvailable).toBe(true);
  });
});
