// S&OP reports (issue 9): GET /api/reports?month=&limit= (newest first, with pdfAvailable), GET /api/reports/:id
// (the report as JSON, or ?format=md|html|pdf its rendering), POST /api/reports
// {month, scope?, language?, narrate?} -> 201 with the generated and stored report.
import type { Hono } from 'hono';
import { z } from 'zod';
import { sopMonth, sopScope } from '../../../tools/sop/sop-facts';
import { InvalidInputError, NotFoundError } from '../../errors';
import { generateReport } from '../../sop/generate-report';
import { renderReportHtml } from '../../sop/render-html';
import { renderReportMarkdown } from '../../sop/render-markdown';
import { pdfAvailable, renderReportPdf } from '../../sop/render-pdf';
import { reportLanguages, type SopReport } from '../../sop/report-types';
import { createStoreToolContext } from '../../store/tool-context';
import type { AppDeps, AppEnv } from '../types';
import { joinedQuery, parseInput } from '../validation';

const unknownKeys =
  (allowed: string) =>
  (issue: { code: string; keys?: string[] }): string | undefined =>
    issue.code === 'unrecognized_keys'
      ? `unknown field ${(issue.keys ?? []).map((key) => `"${key}"`).join(', ')}: use ${allowed}`
      : undefined;

const listQuery = z.strictObject(
  {
    month: sopMonth.optional(),
    limit: z
      .string()
      .regex(/^\d+$/, 'limit must be a whole number')
      .transform(Number)
      .pipe(z.number().min(1, 'limit must be at least 1').max(500, 'limit may be at most 500'))
      .optional(),
  },
  { error: unknownKeys('month, limit') },
);

const formats = ['json', 'md', 'html', 'pdf'] as const;
const getQuery = z.strictObject(
  { format: z.enum(formats, { error: `format must be one of ${formats.join(', ')}` }).optional() },
  { error: unknownKeys('format') },
);

export const createReportBody = z.strictObject(
  {
    month: sopMonth,
    scope: z
      .strictObject(sopScope.shape, { error: unknownKeys('categories, regions, locations') })
      .optional(),
    language: z
      .enum(reportLanguages, { error: `language must be one of ${reportLanguages.join(', ')}` })
      .optional(),
    narrate: z.boolean({ error: 'narrate must be true or false' }).optional(),
  },
  { error: unknownKeys('month, scope, language, narrate') },
);

/** "sop-2026-10-5f0c4a2e.md": the month and the start of the id. */
function fileName(report: SopReport, extension: string): string {
  return `sop-${report.month}-${report.id.slice(0, 8)}.${extension}`;
}

export function registerReportRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const clock = deps.clock ?? (() => new Date());

  app.get('/api/reports', (c) => {
    const query = parseInput(listQuery, joinedQuery(c.req.queries()), 'query');
    const reports = deps.store.reports.list({
      ...(query.month !== undefined && { month: query.month }),
      limit: query.limit ?? 50,
    });
    // pdfAvailable: whether ?format=pdf can work here (Chromium installed), so a UI offers it or not
    return c.json({ reports, pdfAvailable: pdfAvailable(deps.reports?.chromiumPath) });
  });

  app.get('/api/reports/:id', async (c) => {
    const id = c.req.param('id');
    const { format = 'json' } = parseInput(getQuery, joinedQuery(c.req.queries()), 'query');
    const report = deps.store.reports.get(id);
    if (!report)
      throw new NotFoundError(`no report ${id}: GET /api/reports lists them`, { reportId: id });
    switch (format) {
      case 'json':
        return c.json(report);
      case 'md':
        c.header('Content-Disposition', `inline; filename="${fileName(report, 'md')}"`);
        return c.body(renderReportMarkdown(report), 200, {
          'Content-Type': 'text/markdown; charset=utf-8',
        });
      case 'html':
        return c.body(renderReportHtml(report), 200, {
          'Content-Type': 'text/html; charset=utf-8',
        });
      case 'pdf': {
        const pdf = await renderReportPdf(renderReportHtml(report), {
          ...(deps.reports?.chromiumPath !== undefined && {
            chromiumPath: deps.reports.chromiumPath,
          }),
        });
        c.header('Content-Disposition', `attachment; filename="${fileName(report, 'pdf')}"`);
        return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf' });
      }
    }
  });

  app.post('/api/reports', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new InvalidInputError(
        'request body: not valid JSON; send {"month": "YYYY-MM", "scope"?, "language"?, "narrate"?}',
      );
    }
    const request = parseInput(createReportBody, body, 'report request');
    const logger = c.get('logger');
    const report = await generateReport(
      {
        store: deps.store,
        toolContext: (signal) =>
          createStoreToolContext(deps.store, {
            signal,
            now: clock,
            logger,
            ...(deps.knowledge ? { knowledge: deps.knowledge } : {}),
          }),
        ...(deps.reports?.llm !== undefined && { llm: deps.reports.llm }),
        ...(deps.reports?.chatModel !== undefined && { chatModel: deps.reports.chatModel }),
        clock,
        logger,
      },
      {
        month: request.month,
        scope: request.scope ?? {},
        language: request.language ?? 'es',
        trigger: 'api',
        ...(request.narrate !== undefined && { narrate: request.narrate }),
        signal: c.req.raw.signal,
      },
    );
    return c.json(report, 201);
  });
}
