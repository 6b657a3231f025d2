import { describe, expect, it } from 'vitest';
import { fixedBuilders, testContext } from './sop/build-sop-facts.test-doubles';
import { sopFacts } from './sop/sop-facts';
import { sopSummary, sopSummaryInput, sopSummaryTool } from './sop-summary';
import { ToolInputError } from './tool-errors';

const input = (fields: Record<string, unknown> = {}) => sopSummaryInput.parse(fields);

describe('sop_summary', () => {
  it('defaults to the last closed month before today, else "the summary" would be of a partial month', () => {
    const output = sopSummary(
      input(),
      testContext({ now: '2026-11-05T12:00:00Z' }),
      fixedBuilders(),
    );
    expect(output.facts.month).toBe('2026-10');
    expect(output.narrativeSource).toBe('template');
    expect(() => sopFacts.parse(output.facts)).not.toThrow();
  });

  it('rejects a future month with the month to ask for, else the model gets empty facts', () => {
    const attempt = () =>
      sopSummary(
        input({ month: '2026-12' }),
        testContext({ now: '2026-11-05T12:00:00Z' }),
        fixedBuilders(),
      );
    expect(attempt).toThrow(ToolInputError);
    expect(attempt).toThrow(
      'month: 2026-12 is in the future (today is in 2026-11); ask for 2026-10 or an earlier month',
    );
  });

  it('rejects a month before the data with where the data starts, else the summary is all "not available"', () => {
    expect(() => sopSummary(input({ month: '2026-07' }), testContext(), fixedBuilders())).toThrow(
      'month: 2026-07 is before the data: sales start on 2026-09-01; ask for 2026-09 or later',
    );
  });

  it('rejects the current month when no sales reached it, else it reports on nothing', () => {
    expect(() =>
      sopSummary(
        input({ month: '2026-11' }),
        testContext({ now: '2026-11-05T12:00:00Z' }),
        fixedBuilders(),
      ),
    ).toThrow(
      'month: 2026-11 has no sales yet: the data runs to 2026-10-31; ask for 2026-10 or earlier',
    );
  });

  it('rejects a malformed month in the input schema, else "October" reaches the builders', () => {
    expect(sopSummaryInput.safeParse({ month: '2026-10-01' }).success).toBe(false);
    expect(sopSummaryInput.safeParse({ month: '2026-10', extra: 1 }).success).toBe(false);
  });

  it('passes category and location (or region) as the scope, else a scoped request covers everything', () => {
    const output = sopSummary(
      input({ month: '2026-10', category: 'lácteos', location: 'Sur', language: 'en' }),
      testContext(),
      fixedBuilders(),
    );
    expect(output.facts.scope).toEqual({ categories: ['dairy'], regions: ['Sur'] });
    expect(output.narrative.headline).toMatch(/^S&OP October 2026 \(dairy · region Sur\)/);
  });

  it('gives the model the KPIs with the previous month, section figures, "not available" and the top decisions', () => {
    const output = sopSummary(input({ month: '2026-10' }), testContext(), fixedBuilders());
    const compact = sopSummaryTool.toModelOutput(sopSummaryOutputOf(output)) as Record<
      string,
      never
    >;
    expect(compact['sections']).toMatchObject({
      quality: 'not available: no inspections recorded in 2026-10',
      demand: { wapePercent: 12.3, biasPercent: 10.1 },
      supply: { excessValueSoles: 1861, fillRatePercent: 97.1 },
    });
    expect(compact['kpis']).toMatchObject({
      units: { value: 521, previous: 507 },
      wape: { percent: 12.3, previousPercent: null },
    });
    expect(compact['decisions']).toEqual([
      {
        rank: 1,
        action: 'raise_order',
        product: 'Yogur fresa 1 L',
        location: 'Arequipa DC',
        units: 1200,
        valueAtRiskSoles: 8400,
      },
    ]);
    expect(JSON.stringify(compact).length).toBeLessThan(4000);
  });
});

function sopSummaryOutputOf(output: ReturnType<typeof sopSummary>) {
  return sopSummaryTool.output.parse(output);
}
