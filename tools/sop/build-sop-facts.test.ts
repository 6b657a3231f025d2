import { describe, expect, it } from 'vitest';
import { assembleSopFacts } from './build-sop-facts';
import { fixedBuilders, fixedSections, testContext } from './build-sop-facts.test-doubles';
import { sopFacts } from './sop-facts';
import { ResolutionError } from '../tool-errors';

const wholeCompany = { month: '2026-10', scope: {} };

describe('assembleSopFacts', () => {
  it('produces facts that parse against the contract, else the UI and the narrative get bad JSON', () => {
    const facts = assembleSopFacts(testContext(), wholeCompany, fixedBuilders());
    expect(() => sopFacts.parse(facts)).not.toThrow();
    expect(facts.dataThrough).toBe('2026-10-31');
    expect(facts.scopeLabel).toBe('whole company');
    expect(facts.decisions).toHaveLength(1);
    expect(facts.labels?.products['YOG-1L']).toBe('Yogur fresa 1 L');
    expect(facts.labels?.locations['AQP-DC']).toBe('Arequipa DC');
  });

  it('turns a throwing builder into not_available with its message and logs it, else one bug sinks the report', () => {
    const warnings: string[] = [];
    const context = {
      ...testContext(),
      logger: {
        debug() {},
        info() {},
        warn: (_: unknown, message: string) => warnings.push(message),
      },
    };
    const builders = {
      ...fixedBuilders(),
      anomalies: () => {
        throw new Error('detector exploded');
      },
    };
    const facts = assembleSopFacts(context, wholeCompany, builders);
    expect(facts.anomalies).toEqual({
      status: 'not_available',
      reason: 'could not be computed: detector exploded',
    });
    expect(facts.kpis.find((kpi) => kpi.id === 'anomalies')?.value).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(() => sopFacts.parse(facts)).not.toThrow();
  });

  it('keeps a failing decision ranker from crashing (no decisions), else the whole pack fails', () => {
    const builders = {
      ...fixedBuilders(),
      rankDecisions: () => {
        throw new Error('ranker broke');
      },
    };
    expect(assembleSopFacts(testContext(), wholeCompany, builders).decisions).toEqual([]);
  });

  it('rethrows when the caller aborted, else a cancelled request keeps computing sections', () => {
    const controller = new AbortController();
    const context = { ...testContext(), signal: controller.signal };
    const builders = {
      ...fixedBuilders(),
      demandReview: () => {
        controller.abort();
        throw new Error('aborted inside');
      },
    };
    expect(() => assembleSopFacts(context, wholeCompany, builders)).toThrow();
  });

  it('passes the resolved scope (codes) to every builder and labels it, else a name filters nothing', () => {
    const seen: unknown[] = [];
    const sections = fixedSections();
    const builders = {
      ...fixedBuilders(sections),
      supplyReview: (_context: unknown, month: string, scope: unknown) => {
        seen.push({ month, scope });
        return sections.supplyReview;
      },
    };
    const facts = assembleSopFacts(
      testContext(),
      { month: '2026-10', scope: { categories: ['lácteos'], locations: ['Arequipa DC'] } },
      builders,
    );
    expect(seen).toEqual([
      { month: '2026-10', scope: { categories: ['dairy'], locations: ['AQP-DC'] } },
    ]);
    expect(facts.scope).toEqual({ categories: ['dairy'], locations: ['AQP-DC'] });
    expect(facts.scopeLabel).toBe('dairy · Arequipa DC');
  });

  it('treats a region given as a location as the region, else "Sur" would be an unknown location', () => {
    const facts = assembleSopFacts(
      testContext(),
      { month: '2026-10', scope: { locations: ['sur'] } },
      fixedBuilders(),
    );
    expect(facts.scope).toEqual({ regions: ['Sur'] });
  });

  it('rejects an unknown category with the closest names, else the model cannot ask the user', () => {
    const attempt = () =>
      assembleSopFacts(
        testContext(),
        { month: '2026-10', scope: { categories: ['diary'] } },
        fixedBuilders(),
      );
    expect(attempt).toThrow(ResolutionError);
    expect(attempt).toThrow(/category: no category matches "diary"; closest: "dairy"/);
  });
});
