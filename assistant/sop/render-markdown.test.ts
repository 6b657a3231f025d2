import { describe, expect, it } from 'vitest';
import { renderReportMarkdown } from './render-markdown';
import { sampleFacts, sampleReport } from './render-test-report';

describe('renderReportMarkdown', () => {
  it('has every section heading, the KPI card and the decisions (else a section was dropped)', () => {
    const markdown = renderReportMarkdown(sampleReport());
    for (const heading of [
      '# S&OP summary — October 2026 — whole company',
      '## Executive summary',
      '## KPIs',
      '## Demand review',
      '## Supply and inventory review',
      '## Anomalies and incidents',
      '## Quality (inspections)',
      '## Product lifecycle',
      '## Decisions required',
    ])
      expect(markdown).toContain(`${heading}\n`);
  });

  it('writes a missing section as "Not available: <reason>" and no table of zeros under it', () => {
    const markdown = renderReportMarkdown(sampleReport());
    const quality = markdown.split('## Quality (inspections)\n')[1]?.split('\n## ')[0] ?? '';
    expect(quality.trim()).toBe('_Not available: no inspections recorded in October 2026_');
  });

  it('writes the Spanish labels and "No disponible" for a Spanish report', () => {
    const facts = sampleFacts();
    facts.demandReview = { status: 'not_available', reason: 'no forecast snapshots' };
    const markdown = renderReportMarkdown(sampleReport({ facts, language: 'es' }));
    expect(markdown).toContain('# Resumen S&OP — octubre de 2026');
    expect(markdown).toContain(
      '## Revisión de la demanda\n\n_No disponible: no forecast snapshots_',
    );
    expect(markdown).toContain('| Tasa de cumplimiento | 96.2% | 97.1% | ▼ -0.9 pp (peor) |');
    // the builders' English reason, in Spanish
    expect(markdown).toContain('## Calidad (inspecciones)\n\n_No disponible: sin inspecciones');
  });

  it('puts the previous month beside each KPI with the arrow of better or worse (else the card misleads)', () => {
    const markdown = renderReportMarkdown(sampleReport());
    expect(markdown).toContain('| Forecast error (WAPE) | 21.4% | 23.8% | ▼ -2.4 pp (better) |');
    expect(markdown).toContain('| Excess stock | S/ 48,210 | S/ 51,980 | ▼ -S/ 3,770 (better) |');
    expect(markdown).toContain('| Stockout days | 37 days | 29 days | ▲ +8 days (worse) |');
    expect(markdown).toContain('| Days of cover | 18.4 days | 18.4 days | = 0 days (same) |');
    expect(markdown).toContain('| Expiry risk | S/ 6,343 | n/a | n/a |');
  });

  it('names products and locations from the facts and lists the ranked decisions', () => {
    const markdown = renderReportMarkdown(sampleReport());
    expect(markdown).toContain(
      '| 1 | Raise the order | Yogurt fresa 1 L (YOG-1L-FRE) | Arequipa | 1,200 | S/ 8,400 | Supply and inventory review › projectedStockouts\\[0\\] |',
    );
    expect(markdown).toContain('**Stock above the recommended policy (S/, unit cost): S/ 48,210**');
  });

  it('escapes a product name that would open a tag or split a table row', () => {
    const facts = sampleFacts();
    facts.labels = { products: { 'YOG-1L-FRE': '<script>alert(1)</script> | x' }, locations: {} };
    const markdown = renderReportMarkdown(sampleReport({ facts }));
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('\\<script\\>alert(1)\\</script\\> \\| x (YOG-1L-FRE)');
  });

  it('lists the model figures that are not in the facts (else a removed claim goes unmentioned)', () => {
    const markdown = renderReportMarkdown(
      sampleReport({
        ungrounded: [{ text: 'S/ 99,999', sentence: 'Sales at risk are S/ 99,999.' }],
      }),
    );
    expect(markdown).toContain('(their sentences were removed): S/ 99,999');
  });
});
