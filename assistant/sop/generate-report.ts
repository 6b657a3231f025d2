// Generates one S&OP report (issue 9): the facts from the store, then the narrative — by the chat
// model when one is given and asked for, else the deterministic template — and saves it. Bad
// input (a malformed month, an unknown category or location, an empty store) is an
// InvalidInputError naming the field and the fix.
import { randomUUID } from 'node:crypto';
import type { SopFactsRequest } from '../../tools/sop/build-sop-facts';
import { sopMonth, type SopFacts, type SopScope } from '../../tools/sop/sop-facts';
import { templateNarrative } from '../../tools/sop/template-narrative';
import type { ToolContext, ToolLogger } from '../../tools/tool-context';
import { ResolutionError, ToolInputError } from '../../tools/tool-errors';
import { InvalidInputError } from '../errors';
import type { LlmClient } from '../llm/llm-client';
import type { ReportRepository } from '../store/repositories/reports';
import { narrateSopFacts } from './narrate';
import { buildSopFactsInWorkers } from './pack-workers';
import type { ReportLanguage, ReportTrigger, SopReport } from './report-types';

export interface GenerateReportDeps {
  store: { reports: Pick<ReportRepository, 'save'> };
  /** the tools' data access for this request */
  toolContext(signal: AbortSignal): ToolContext;
  llm?: LlmClient;
  /** the chat model that writes the narrative (needed with llm) */
  chatModel?: string;
  clock: () => Date;
  logger: ToolLogger;
  /**
   * the facts of a month and scope; default: the real section builders, with the per-listing work
   * of a large store (5,000 jobs or more) in worker threads (buildSopFactsInWorkers)
   */
  buildFacts?: (context: ToolContext, request: SopFactsRequest) => SopFacts | Promise<SopFacts>;
}

export interface GenerateReportRequest {
  /** YYYY-MM */
  month: string;
  scope: SopScope;
  language: ReportLanguage;
  trigger: ReportTrigger;
  /** false: the template narrative even when a model is configured */
  narrate?: boolean;
  signal?: AbortSignal;
}

function checkedMonth(month: string): string {
  const parsed = sopMonth.safeParse(month);
  if (!parsed.success)
    throw new InvalidInputError(
      `month "${month}" ${parsed.error.issues[0]?.message ?? 'is not a month'}`,
      [{ path: 'month', code: 'invalid_format', message: 'must be a month YYYY-MM' }],
    );
  return parsed.data;
}

export async function generateReport(
  deps: GenerateReportDeps,
  request: GenerateReportRequest,
): Promise<SopReport> {
  const month = checkedMonth(request.month);
  const signal = request.signal ?? new AbortController().signal;
  const started = performance.now();
  let facts: SopFacts;
  try {
    facts = await (deps.buildFacts ?? buildSopFactsInWorkers)(deps.toolContext(signal), {
      month,
      scope: request.scope,
    });
  } catch (error) {
    if (error instanceof ToolInputError || error instanceof ResolutionError)
      throw new InvalidInputError(error.message, {
        field: error.field,
        ...(error instanceof ResolutionError && { candidates: error.candidates }),
      });
    throw error;
  }
  const factsMs = performance.now() - started;

  const useModel = request.narrate !== false && deps.llm !== undefined;
  let narration: Pick<
    SopReport,
    'narrative' | 'narrativeSource' | 'model' | 'promptVersion' | 'ungrounded' | 'fallbackReason'
  >;
  if (useModel && deps.llm && deps.chatModel) {
    const result = await narrateSopFacts(
      { llm: deps.llm, model: deps.chatModel, signal },
      facts,
      request.language,
    );
    narration = {
      narrative: result.narrative,
      narrativeSource: result.source,
      ...(result.model !== undefined && { model: result.model }),
      ...(result.promptVersion !== undefined && { promptVersion: result.promptVersion }),
      ungrounded: result.ungrounded.map(({ text, sentence }) => ({ text, sentence })),
      ...(result.fallbackReason !== undefined && { fallbackReason: result.fallbackReason }),
    };
  } else {
    narration = {
      narrative: templateNarrative(facts, request.language),
      narrativeSource: 'template',
      ungrounded: [],
      ...(useModel && { fallbackReason: 'no chat model is configured' }),
    };
  }

  const report: SopReport = {
    id: randomUUID(),
    month,
    scope: facts.scope,
    scopeLabel: facts.scopeLabel,
    language: request.language,
    facts,
    ...narration,
    createdAt: deps.clock().toISOString(),
    trigger: request.trigger,
  };
  deps.store.reports.save(report);
  deps.logger.info(
    {
      reportId: report.id,
      month,
      scope: report.scopeLabel,
      narrativeSource: report.narrativeSource,
      ungrounded: report.ungrounded.length,
      factsMs: Math.round(factsMs),
      ms: Math.round(performance.now() - started),
    },
    'S&OP report generated',
  );
  return report;
}
