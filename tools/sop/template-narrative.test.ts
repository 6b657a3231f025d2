import { describe, expect, it } from 'vitest';
import { assembleSopFacts } from './build-sop-facts';
import { fixedBuilders, fixedSections, testContext } from './build-sop-facts.test-doubles';
import { sopNarrative } from './sop-facts';
import { decisionSentence, notAvailableLine, templateNarrative } from './template-narrative';

const facts = () =>
  assembleSopFacts(testContext(), { month: '2026-10', scope: {} }, fixedBuilders());

describe('templateNarrative', () => {
  it('writes the ranked decision in Spanish with the Peruvian figures, else managers get codes and raw numbers', () => {
    const narrative = templateNarrative(facts(), 'es');
    expect(narrative.decisions).toEqual([
      'Subir el pedido de Yogur fresa 1 L en Arequipa DC en 1,200 unidades: S/ 8,400 de ventas en riesgo.',
    ]);
    expect(narrative.headline).toBe(
      'S&OP octubre de 2026 (toda la empresa): Subir el pedido de Yogur fresa 1 L en Arequipa DC en 1,200 unidades: S/ 8,400 de ventas en riesgo.',
    );
    expect(() => sopNarrative.parse(narrative)).not.toThrow();
  });

  it('names each missing section as not available with its reason, else a gap looks like "no problems"', () => {
    const spanish = templateNarrative(facts(), 'es');
    expect(spanish.keyIssues).toContain(
      'Calidad: no disponible — sin inspecciones registradas en octubre de 2026',
    );
    const english = templateNarrative(facts(), 'en');
    expect(english.keyIssues).toContain(
      'Quality: not available — no inspections recorded in October 2026',
    );
  });

  it('writes one line per section with its key figures, else an available section is silently dropped', () => {
    const [demand, supply, anomalies, quality, lifecycle] = templateNarrative(
      facts(),
      'en',
    ).keyIssues;
    expect(demand).toBe(
      'Demand: WAPE 12.3%; bias +10.1% (forecast above sales); 527 units sold against 580 forecast; largest error: Yogur fresa 1 L at Arequipa DC, 43 units; forecast units: November 2026 510, December 2026 640.',
    );
    expect(supply).toBe(
      'Supply and inventory: fill rate 97.1%; 2 item-days out of stock; largest projected stock-out: Yogur fresa 1 L at Arequipa DC in 2.5 days, S/ 8,400 of lost sales; excess stock S/ 1,861; expiry risk S/ 180 (45 units); expected waste 22 kg CO2e.',
    );
    expect(anomalies).toBe(
      'Anomalies: largest unexplained: Quinoa blanca 500 g at Lima DC Callao on 2026-10-14, 40 units against 3 expected, S/ 292 at risk.',
    );
    expect(quality).toMatch(/^Quality: not available/);
    expect(lifecycle).toBe(
      'Product lifecycle: launches: Quinoa blanca 500 g (85% of its analogue forecast); declining: Quinoa blanca 500 g (-23.4%); discontinued: Yogur fresa 1 L (160 units in stock).',
    );
  });

  it('says there are no urgent decisions when none are ranked, else the headline is empty', () => {
    const quiet = assembleSopFacts(
      testContext(),
      { month: '2026-10', scope: {} },
      fixedBuilders(fixedSections(), []),
    );
    const narrative = templateNarrative(quiet, 'es');
    expect(narrative.decisions).toEqual([]);
    expect(narrative.headline).toBe(
      'S&OP octubre de 2026 (toda la empresa): sin decisiones urgentes; 521 unidades vendidas por S/ 3,773.',
    );
  });

  it('is deterministic, else two runs of one month disagree', () => {
    expect(templateNarrative(facts(), 'es')).toEqual(templateNarrative(facts(), 'es'));
  });

  it('phrases every action, units and value, else a decision type prints "undefined"', () => {
    const base = facts();
    for (const action of [
      'reduce_order',
      'transfer_stock',
      'markdown_or_donate',
      'review_forecast',
      'investigate_anomaly',
      'quality_hold',
    ] as const) {
      const sentence = decisionSentence(
        {
          rank: 1,
          action,
          sku: 'QUI-500',
          units: 30,
          valueAtRisk: 45.3,
          evidence: { section: 's', path: 'p' },
        },
        base,
        'es',
      );
      expect(sentence).not.toMatch(/undefined|NaN/);
      expect(sentence).toContain('S/ 45.30');
      expect(sentence).toContain('Quinoa blanca 500 g');
    }
  });

  it('translates a builder failure reason into Spanish, else Spanish reports mix languages', () => {
    expect(notAvailableLine('anomalies', 'could not be computed: boom', 'es')).toBe(
      'Anomalías: no disponible — no se pudo calcular: boom',
    );
  });
});

describe('templateNarrative scope', () => {
  it('names the scope in the narrative language with location names, else Spanish reports say "region"', () => {
    const scoped = assembleSopFacts(
      testContext(),
      {
        month: '2026-10',
        scope: { categories: ['dairy'], regions: ['Sur'], locations: ['LIM-DC1'] },
      },
      fixedBuilders(),
    );
    expect(templateNarrative(scoped, 'es').headline).toMatch(
      /^S&OP octubre de 2026 \(dairy · región Sur · Lima DC Callao\):/,
    );
  });
});
