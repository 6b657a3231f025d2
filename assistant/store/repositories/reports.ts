// Stored S&OP reports (migration 4's `reports` table): the facts and the narrative as JSON, so a
// report reads back exactly as it was generated, whatever the data became since. The narrative
// column also keeps the ungrounded figures and the template's fallback reason beside the text.
import { z } from 'zod';
import { sopFacts, sopNarrative, sopScope } from '../../../tools/sop/sop-facts';
import {
  reportLanguages,
  reportTriggers,
  scopeKey,
  type SopReport,
  type SopReportSummary,
} from '../../sop/report-types';
import type { SqliteDatabase } from '../database';

interface ReportRow {
  id: string;
  month: string;
  scope_key: string;
  scope: string;
  language: string;
  facts: string;
  narrative: string;
  narrative_source: string;
  model: string | null;
  prompt_version: string | null;
  trigger: string;
  created_at: string;
}

type SummaryRow = Pick<
  ReportRow,
  'id' | 'month' | 'language' | 'narrative_source' | 'trigger' | 'created_at'
> & { scope_label: string };

const storedNarrative = sopNarrative.extend({
  ungrounded: z.array(z.object({ text: z.string(), sentence: z.string() })).default([]),
  fallbackReason: z.string().optional(),
});
const language = z.enum(reportLanguages);
const trigger = z.enum(reportTriggers);
const narrativeSource = z.enum(['model', 'template']);

export const defaultReportListLimit = 50;
export const maximumReportListLimit = 500;

function parseColumn<Schema extends z.ZodType>(
  schema: Schema,
  text: string,
  column: string,
  id: string,
): z.output<Schema> {
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(
      `stored report ${id}: its ${column} no longer fits the current schema (${parsed.error.issues[0]?.message ?? 'invalid'}); generate the report again`,
    );
  return parsed.data;
}

function toReport(row: ReportRow): SopReport {
  const narrative = parseColumn(storedNarrative, row.narrative, 'narrative', row.id);
  const facts = parseColumn(sopFacts, row.facts, 'facts', row.id);
  return {
    id: row.id,
    month: row.month,
    scope: parseColumn(sopScope, row.scope, 'scope', row.id),
    scopeLabel: facts.scopeLabel,
    language: language.parse(row.language),
    facts,
    narrative: {
      headline: narrative.headline,
      keyIssues: narrative.keyIssues,
      decisions: narrative.decisions,
    },
    narrativeSource: narrativeSource.parse(row.narrative_source),
    ...(row.model !== null && { model: row.model }),
    ...(row.prompt_version !== null && { promptVersion: row.prompt_version }),
    ungrounded: narrative.ungrounded,
    ...(narrative.fallbackReason !== undefined && { fallbackReason: narrative.fallbackReason }),
    createdAt: row.created_at,
    trigger: trigger.parse(row.trigger),
  };
}

function toSummary(row: SummaryRow): SopReportSummary {
  return {
    id: row.id,
    month: row.month,
    scopeLabel: row.scope_label,
    language: language.parse(row.language),
    narrativeSource: narrativeSource.parse(row.narrative_source),
    createdAt: row.created_at,
    trigger: trigger.parse(row.trigger),
  };
}

export function createReportRepository(database: SqliteDatabase) {
  const insert = database.prepare(`
    INSERT INTO reports (id, month, scope_key, scope, language, facts, narrative, narrative_source,
      model, prompt_version, trigger, created_at)
    VALUES (@id, @month, @scope_key, @scope, @language, @facts, @narrative, @narrative_source,
      @model, @prompt_version, @trigger, @created_at)
  `);
  const byId = database.prepare<[string], ReportRow>('SELECT * FROM reports WHERE id = ?');
  const summaryColumns = `id, month, language, narrative_source, trigger, created_at,
    json_extract(facts, '$.scopeLabel') AS scope_label`;
  const page = database.prepare<[number], SummaryRow>(
    `SELECT ${summaryColumns} FROM reports ORDER BY created_at DESC, rowid DESC LIMIT ?`,
  );
  const pageOfMonth = database.prepare<[string, number], SummaryRow>(
    `SELECT ${summaryColumns} FROM reports WHERE month = ?
     ORDER BY created_at DESC, rowid DESC LIMIT ?`,
  );
  const latestOf = database.prepare<[string, string], ReportRow>(
    `SELECT * FROM reports WHERE month = ? AND scope_key = ?
     ORDER BY created_at DESC, rowid DESC LIMIT 1`,
  );

  return {
    /** Stores a report; its id must be new. */
    save(report: SopReport): void {
      insert.run({
        id: report.id,
        month: report.month,
        scope_key: scopeKey(report.scope),
        scope: JSON.stringify(report.scope),
        language: report.language,
        facts: JSON.stringify(report.facts),
        narrative: JSON.stringify({
          ...report.narrative,
          ungrounded: report.ungrounded,
          ...(report.fallbackReason !== undefined && { fallbackReason: report.fallbackReason }),
        }),
        narrative_source: report.narrativeSource,
        model: report.model ?? null,
        prompt_version: report.promptVersion ?? null,
        trigger: report.trigger,
        created_at: report.createdAt,
      });
    },
    get(id: string): SopReport | undefined {
      const row = byId.get(id);
      return row ? toReport(row) : undefined;
    },
    /** Newest first, optionally of one month. */
    list(options: { month?: string; limit?: number } = {}): SopReportSummary[] {
      const limit = Math.min(
        Math.max(1, Math.trunc(options.limit ?? defaultReportListLimit)),
        maximumReportListLimit,
      );
      const rows =
        options.month === undefined ? page.all(limit) : pageOfMonth.all(options.month, limit);
      return rows.map(toSummary);
    },
    /** The newest report of the month for the scope key (report-types.ts scopeKey). */
    latest(month: string, key: string): SopReport | undefined {
      const row = latestOf.get(month, key);
      return row ? toReport(row) : undefined;
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
