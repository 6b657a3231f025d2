// What a scorer may read besides the run's output: the case's variables, the judge model for
// llm-rubric, the product catalogue for `sku` argument matchers, and a cancellation signal.
import type { CatalogProduct } from '../../tools/tool-context';
import type { JudgeModel } from '../judge';

export interface ScoringContext {
  /** the case's vars after defaultTest (message, image, history, ...) */
  caseVars: Readonly<Record<string, unknown>>;
  /** the default judge for llm-rubric (an assertion's `provider` picks another model on it) */
  judge?: JudgeModel;
  /** products that `sku` matchers resolve names against (tools/resolve.ts resolveProduct) */
  catalogue?: readonly CatalogProduct[];
  signal: AbortSignal;
}

/** What one scorer decides; scoreAssertion adds type, weight and metric. */
export interface Verdict {
  pass: boolean;
  /** 0..1 */
  score: number;
  reason: string;
}

export function verdict(pass: boolean, reason: string, score = pass ? 1 : 0): Verdict {
  return { pass, score, reason };
}

/** A short quotation of observed text for a reason. */
export function quote(text: string, limit = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > limit ? `${flat.slice(0, limit)}…` : flat);
}
