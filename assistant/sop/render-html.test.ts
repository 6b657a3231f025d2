import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from './render-html';
import { sampleFacts, sampleReport } from './render-test-report';

function parse(html: string) {
  const window = new Window();
  window.document.write(html);
  return window.document;
}

describe('renderReportHtml', () => {
  it('parses as one page with a section per part of the report and its charts (else a part or a chart is missing)', () => {
    const document = parse(renderReportHtml(sampleReport()));
    expect(document.title).toBe('S&OP summary — October 2026 — whole company');
    const sections = [...document.querySelectorAll('section')].map((section) => section.id);
    expect(sections).toEqual([
      'summary',
      'kpis',
      'demandReview',
      'supplyReview',
      'anomalies',
      'quality',
      'lifecycle',
      'decisions',
    ]);
    const charts = [...document.querySelectorAll('svg.chart')].map((svg) =>
      svg.getAttribute('aria-label'),
    );
    expect(charts).toEqual([
      'WAPE by category',
      'Forecast vs last year (units)',
      'Days of cover by category and location',
      'Excess and expiry risk by item (S/)',
    ]);
    expect(
      [...document.querySelectorAll('figcaption')].map((caption) => caption.textContent),
    ).toEqual(charts);
    expect(document.querySelectorAll('.kpi')).toHaveLength(10);
  });

  it('is self-contained: no http(s) URL, no script, no external stylesheet or image', () => {
    const html = renderReportHtml(sampleReport());
    expect(html).not.toMatch(/https?:/i);
    const document = parse(html);
    expect(document.querySelectorAll('script, link, img, iframe, object')).toHaveLength(0);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')).not.toBeNull();
  });

  it('escapes a product named <script> (else a report could run code in the reader)', () => {
    const facts = sampleFacts();
    facts.labels = { products: { 'YOG-1L-FRE': '<script>alert(1)</script>' }, locations: {} };
    const html = renderReportHtml(
      sampleReport({
        facts,
        narrative: { headline: '<img src=x onerror=alert(2)>', keyIssues: [], decisions: [] },
      }),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    const document = parse(html);
    expect(document.querySelectorAll('script, img')).toHaveLength(0);
    expect(document.querySelector('.headline')?.textContent).toBe('<img src=x onerror=alert(2)>');
    expect(document.querySelector('#decisions td:nth-child(3)')?.textContent).toBe(
      '<script>alert(1)</script> (YOG-1L-FRE)',
    );
  });

  it('shows a missing section as its reason, never as a table of zeros', () => {
    const document = parse(renderReportHtml(sampleReport()));
    const quality = document.querySelector('#quality');
    expect(quality?.querySelector('.not-available')?.textContent).toBe(
      'Not available: no inspections recorded in October 2026',
    );
    expect(quality?.querySelectorAll('table, svg')).toHaveLength(0);
  });

  it('writes the KPI card with the previous month and the direction coloured by the KPI (else the card misleads)', () => {
    const document = parse(renderReportHtml(sampleReport({ language: 'es' })));
    expect(document.documentElement.lang).toBe('es');
    const fill = document.querySelector('.kpi[data-kpi="fill_rate"]');
    expect(fill?.querySelector('.value')?.textContent).toBe('96.2%');
    expect(fill?.querySelector('.previous')?.textContent).toBe('Mes anterior: 97.1%');
    expect(fill?.querySelector('.change')?.className).toBe('change worse');
    const wape = document.querySelector('.kpi[data-kpi="wape"] .change');
    expect(wape?.className).toBe('change better');
    expect(wape?.textContent).toBe('▼ -2.4 pp');
  });

  it('draws bars to scale: the widest WAPE bar is the largest WAPE', () => {
    const document = parse(renderReportHtml(sampleReport()));
    const chart = document.querySelector('svg[aria-label="WAPE by category"]');
    const widths = [...(chart?.querySelectorAll('rect') ?? [])].map((rect) =>
      Number(rect.getAttribute('width')),
    );
    // Granos andinos 26.5%, Bebidas 22.8%, Lácteos 18.2% on a 0-50% axis of 370 px
    expect(widths).toEqual([196.1, 168.7, 134.7]);
  });

  it('has an A4 print stylesheet', () => {
    const html = renderReportHtml(sampleReport());
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('@media print');
  });
});
