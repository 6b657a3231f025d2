// Assembles the S&OP summary's facts (issue 9): resolves the scope, runs each section builder,
// builds the KPI card and ranks the decisions. A builder that throws becomes `not_available`
// with its message (and a warning in the log): one broken section never sinks the report.
import type { SalesScope, ToolContext } from '../tool-context';
import { createSopBuilders } from './build-sop-facts-builders';
import { buildKpiCard } from './kpis';
import type { StockListingsSource } from './stock-listings';
import { resolveSopScope } from './resolve-sop-scope';
import type {
  AnomalyReview,
  DemandReview,
  LifecycleReview,
  QualityReview,
  SopDecision,
  SopFacts,
  SopScope,
  SopSection,
  SupplyReview,
} from './sop-facts';
import { ToolInputError } from '../tool-errors';

export type SectionBuilder<T> = (
  context: ToolContext,
  month: string,
  scope: SalesScope,
) => SopSection<T>;

export interface SopSections {
  demandReview: SopSection<DemandReview>;
  supplyReview: SopSection<SupplyReview>;
  anomalies: SopSection<AnomalyReview>;
  quality: SopSection<QualityReview>;
  lifecycle: SopSection<LifecycleReview>;
}

export interface SopSectionBuilders {
  demandReview: SectionBuilder<DemandReview>;
  supplyReview: SectionBuilder<SupplyReview>;
  anomalies: SectionBuilder<AnomalyReview>;
  quality: SectionBuilder<QualityReview>;
  lifecycle: SectionBuilder<LifecycleReview>;
  rankDecisions(sections: SopSections): SopDecision[];
  /** the daily rows with stock for a month's pack, shared by the supply review and the KPI card */
  stockListings?: (month: string) => StockListingsSource;
}

export interface SopFactsRequest {
  month: string;
  scope: SopScope;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function runBuilder<T>(
  name: string,
  builder: SectionBuilder<T>,
  context: ToolContext,
  month: string,
  scope: SalesScope,
): SopSection<T> {
  context.signal.throwIfAborted();
  const started = performance.now();
  try {
    const section = builder(context, month, scope);
    context.logger.debug(
      { section: name, status: section.status, ms: Math.round(performance.now() - started) },
      'S&OP section built',
    );
    return section;
  } catch (error) {
    if (context.signal.aborted) throw error;
    context.logger.warn(
      { section: name, error: messageOf(error), ms: Math.round(performance.now() - started) },
      'S&OP section failed; shown as not available',
    );
    return { status: 'not_available', reason: `could not be computed: ${messageOf(error)}` };
  }
}

/** Every `sku` and `location` code mentioned anywhere in the value. */
function collectCodes(value: unknown, skus: Set<string>, locations: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectCodes(item, skus, locations);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'sku' && typeof item === 'string') skus.add(item);
      else if (key === 'location' && typeof item === 'string') locations.add(item);
      else collectCodes(item, skus, locations);
    }
  }
}

function labelsFor(context: ToolContext, mentioned: unknown): NonNullable<SopFacts['labels']> {
  const skus = new Set<string>();
  const locations = new Set<string>();
  collectCodes(mentioned, skus, locations);
  return {
    products: Object.fromEntries(
      context.catalog
        .products()
        .filter((product) => skus.has(product.sku))
        .map((product) => [product.sku, product.name]),
    ),
    locations: Object.fromEntries(
      context.catalog
        .locations()
        .filter((location) => locations.has(location.code))
        .map((location) => [location.code, location.name]),
    ),
  };
}

/** The facts of one month and scope, from the given section builders. */
export function assembleSopFacts(
  context: ToolContext,
  request: SopFactsRequest,
  builders: SopSectionBuilders,
): SopFacts {
  const range = context.sales.dateRange();
  if (range === undefined) {
    throw new ToolInputError('month', 'the store has no sales yet; import sales first');
  }
  const resolved = resolveSopScope(context, request.scope);
  const run = <T>(name: string, builder: SectionBuilder<T>) =>
    runBuilder(name, builder, context, request.month, resolved.salesScope);
  const sections: SopSections = {
    demandReview: run('demandReview', builders.demandReview),
    supplyReview: run('supplyReview', builders.supplyReview),
    anomalies: run('anomalies', builders.anomalies),
    quality: run('quality', builders.quality),
    lifecycle: run('lifecycle', builders.lifecycle),
  };
  const kpis = buildKpiCard(
    context,
    request.month,
    resolved.salesScope,
    sections,
    builders.stockListings?.(request.month),
  );
  let decisions: SopDecision[] = [];
  try {
    decisions = builders.rankDecisions(sections);
  } catch (error) {
    if (context.signal.aborted) throw error;
    context.logger.warn({ error: messageOf(error) }, 'S&OP decisions could not be ranked');
  }
  return {
    month: request.month,
    scope: resolved.scope,
    scopeLabel: resolved.label,
    currency: 'PEN',
    dataThrough: range.last,
    kpis,
    ...sections,
    decisions,
    labels: labelsFor(context, {
      sections,
      decisions,
      scope: (resolved.scope.locations ?? []).map((code) => ({ location: code })),
    }),
  };
}

/** The facts of one month and scope from the store, with the real section builders. */
export function buildSopFacts(context: ToolContext, request: SopFactsRequest): SopFacts {
  return assembleSopFacts(context, request, createSopBuilders());
}
