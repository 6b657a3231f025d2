// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n/i18n.svelte';
import InspectionResult from './InspectionResult.svelte';
import { inspectionToolSample } from './inspection-result-sample.test-data';

const requested: string[] = [];
beforeEach(() => {
  requested.length = 0;
  vi.stubGlobal('fetch', (path: string) => {
    requested.push(path);
    return Promise.resolve(new Response(new Blob(['png'], { type: 'image/png' })));
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  i18n.set('en');
});

describe('InspectionResult', () => {
  it('shows the verdict as a word, the reasons in order and a rejected photo with its reason (else QC staff could not act on it)', () => {
    render(InspectionResult, { result: inspectionToolSample, args: {} });
    const first = screen.getByRole('article', { name: 'Photo 1 · can.png' });
    expect(within(first).getByRole('status').textContent).toContain('Fail');
    const reasons = within(first).getAllByRole('listitem').slice(0, 2);
    expect(reasons.map((item) => item.textContent)).toEqual(
      inspectionToolSample.results[0]!.reasons,
    );
    const second = screen.getByRole('article', { name: 'Photo 2 · notes.txt' });
    expect(within(second).getByRole('alert').textContent).toContain('notes.txt is not an image');
  });

  it('lists each check with its status word, score and threshold (else a failing check could not be compared with its limit)', () => {
    render(InspectionResult, { result: inspectionToolSample, args: {} });
    const table = screen.getByRole('table', { name: 'Checks' });
    const label = within(table).getByRole('row', { name: /label/ });
    expect(label.textContent).toMatch(/fail.*42\.0.*10\.0/);
    const colour = within(table).getByRole('row', { name: /colour/ });
    expect(colour.textContent).toContain('skipped');
    expect(screen.getByText(/Best before/).nextElementSibling?.textContent).toBe('2027-03-01');
    expect(screen.getByText(/total 1\.3 s/)).toBeTruthy();
  });

  it("loads the stored photo and draws the boxed finding over it in the photo's pixel space (else the defect's place would not be shown)", async () => {
    const { container } = render(InspectionResult, { result: inspectionToolSample, args: {} });
    await waitFor(() => expect(container.querySelector('img')).toBeTruthy());
    expect(requested).toEqual(['/api/inspections/insp-1/photo']);
    const image = container.querySelector('img')!;
    Object.defineProperty(image, 'naturalWidth', { value: 800 });
    Object.defineProperty(image, 'naturalHeight', { value: 600 });
    await fireEvent.load(image);
    const svg = container.querySelector('svg.overlay')!;
    expect(svg.getAttribute('viewBox')).toBe('0 0 800 600');
    const rects = svg.querySelectorAll('rect');
    expect(rects).toHaveLength(1);
    expect(
      [...rects].map((rect) => rect.getAttribute('x') + ',' + rect.getAttribute('width')),
    ).toEqual(['100,200']);
    expect(image.getAttribute('alt')).toBe('Photo 1 · can.png with 1 marked findings');
  });

  it('speaks Spanish when switched (else Spanish-speaking staff would read English verdicts)', () => {
    i18n.set('es');
    render(InspectionResult, { result: inspectionToolSample, args: {} });
    expect(screen.getByRole('heading', { name: 'Inspección de envase' })).toBeTruthy();
    expect(screen.getAllByRole('status')[0]!.textContent).toContain('Rechazado');
  });

  it('falls back to JSON for a result of another shape (else a changed tool output would crash the chat)', () => {
    const { container } = render(InspectionResult, { result: { verdict: 'pass' }, args: {} });
    expect(container.querySelector('pre')?.textContent).toContain('"verdict": "pass"');
  });
});
