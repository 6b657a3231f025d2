// A stored S&OP report (issue 9): the computed facts, the narrative written from them (by the model
// or the deterministic template) and how it was made. What the renderers, the reports repository,
// the HTTP routes and `ayni summary` pass around.
import type { SopFacts, SopNarrative, SopScope } from '../../tools/sop/sop-facts';

export const reportLanguages = ['es', 'en'] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

export const reportTriggers = ['manual', 'schedule', 'agent', 'api'] as const;
export type ReportTrigger = (typeof reportTriggers)[number];

export type NarrativeSource = 'model' | 'template';

/** A figure of the model's narrative that the facts do not hold (narrate.ts removes its sentence). */
export interface UngroundedSentence {
  text: string;
  sentence: string;
}

export interface SopReport {
  /** a random UUID */
  id: string;
  /** YYYY-MM: the calendar month the report is about */
  month: string;
  scope: SopScope;
  /** "Lima, dairy" or "whole company" (from the facts) */
  scopeLabel: string;
  language: ReportLanguage;
  facts: SopFacts;
  narrative: SopNarrative;
  narrativeSource: NarrativeSource;
  /** the chat model that wrote the narrative (narrativeSource 'model') */
  model?: string;
  /** the narrative prompt's version (narrativeSource 'model') */
  promptVersion?: string;
  /** figures of the model's narrative that are not in the facts, and the sentences removed for them */
  ungrounded: UngroundedSentence[];
  /** why the template was used when a model narrative was asked for (model down, invalid output) */
  fallbackReason?: string;
  /** ISO timestamp */
  createdAt: string;
  trigger: ReportTrigger;
}

/** A row of the report list (GET /api/reports). */
export interface SopReportSummary {
  id: string;
  month: string;
  scopeLabel: string;
  language: ReportLanguage;
  narrativeSource: NarrativeSource;
  createdAt: string;
  trigger: ReportTrigger;
}

/**
 * The scope as one canonical key (sorted, lower-cased lists): two requests for the same scope
 * written differently find the same latest report.
 */
export function scopeKey(scope: SopScope): string {
  const part = (name: string, values: string[] | undefined) =>
    values && values.length > 0
      ? `${name}=${[...new Set(values.map((value) => value.trim().toLowerCase()))].sort().join(',')}`
      : undefined;
  const parts = [
    part('categories', scope.categories),
    part('regions', scope.regions),
    part('locations', scope.locations),
  ].filter((value): value is string => value !== undefined);
  return parts.length === 0 ? 'all' : parts.join(';');
}
