// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n/i18n.svelte';
import SopSummaryResult from './SopSummaryResult.svelte';
import { sopSummarySample } from './sop-summary-result-sample.test-data';

const drawn = vi.hoisted(() => [] as { x: Float64Array; lines: { label: string }[] }[]);
vi.mock('../../lib/charts/render', () => ({
  drawTimeChart: vi.fn(async (_target: HTMLElement, spec: (typeof drawn)[number]) => {
    drawn.push(spec);
    return { destroy() {} };
  }),
}));

afterEach(() => i18n.set('en'));

describe('SopSummaryResult', () => {
  it('shows the headline, the KPI card with the previous month and a worded arrow (else a manager could not read the month at a glance)', () => {
    i18n.set('en');
    render(SopSummaryResult, { result: sopSummarySample, args: {} });
    expect(screen.getByText(sopSummarySample.narrative.headline)).toBeTruthy();
    const card = screen.getByRole('table', { name: /KPI report card: October 2026/ });
    const fill = within(card).getByRole('row', { name: /Fill rate/ });
    expect(fill.textContent).toContain('97.1 %');
    expect(fill.textContent).toContain('99.4 %');
    expect(fill.textContent).toContain('−2.3 pts');
    expect(fill.textContent).toContain('worse');
    const revenue = within(card).getByRole('row', { name: /Revenue/ });
    expect(revenue.textContent).toContain('S/ 3,773');
    expect(revenue.textContent).toContain('better');
    const qc = within(card).getByRole('row', { name: /QC pass rate/ });
    expect(qc.textContent).toContain('not available');
    expect(qc.textContent).not.toMatch(/\b0(\.0)? %/);
  });

  it('says "Not available: <reason>" for a missing section instead of numbers (else a missing QC review would read as zero)', () => {
    render(SopSummaryResult, { result: sopSummarySample, args: {} });
    const quality = screen.getByRole('region', { name: 'Quality control' });
    expect(quality.textContent).toContain('Not available: no inspections recorded in 2026-10');
    expect(within(quality).queryByRole('table')).toBeNull();
  });

  it('in Spanish writes "No disponible" and the money as S/ 8,400 (else Spanish users get English or a wrong format)', () => {
    i18n.set('es');
    render(SopSummaryResult, { result: sopSummarySample, args: {} });
    const quality = screen.getByRole('region', { name: 'Control de calidad' });
    expect(quality.textContent).toContain('No disponible: no inspections recorded in 2026-10');
    const decisions = screen.getByRole('region', { name: 'Decisiones requeridas' });
    expect(decisions.textContent).toContain('Valor en riesgo: S/ 8,400');
    expect(decisions.textContent).toContain('Subir el pedido');
  });

  it('scrolls to and focuses the evidence row of a decision (else the link would not lead to the numbers behind it)', () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    render(SopSummaryResult, { result: sopSummarySample, args: {} });
    const decisions = screen.getByRole('region', { name: 'Decisions required' });
    expect(decisions.textContent).toContain('Yogur fresa 1 L · Arequipa DC · 1,200 units');
    fireEvent.click(within(decisions).getByRole('button', { name: 'See the evidence (rank 1)' }));
    const row = scrolled[0] as HTMLElement;
    expect(row.tagName).toBe('TR');
    expect(row.textContent).toContain('S/ 8,400');
    expect(row.closest('table')?.querySelector('caption')?.textContent).toContain(
      'Projected stock-outs',
    );
    expect(document.activeElement).toBe(row);
  });

  it('draws the outlook with last year beside the forecast (else the 3-month view has no comparison)', async () => {
    render(SopSummaryResult, { result: sopSummarySample, args: {} });
    await vi.waitFor(() => expect(drawn.length).toBeGreaterThan(0));
    expect(drawn.at(-1)?.lines.map((line) => line.label)).toEqual([
      'Forecast',
      'lower',
      'upper',
      'Last year',
    ]);
  });

  it('shows a result of another shape as JSON (else a changed tool output would break the chat)', () => {
    render(SopSummaryResult, { result: { month: '2026-10' }, args: {} });
    expect(screen.queryByRole('table')).toBeNull();
    expect(document.body.textContent).toContain('2026-10');
  });
});
