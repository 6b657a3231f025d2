// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n/i18n.svelte';
import { sopSummarySample } from '../results/sop-summary-result-sample.test-data';
import ReportsPage from './ReportsPage.svelte';

vi.mock('../../lib/charts/render', () => ({
  drawTimeChart: vi.fn(async () => ({ destroy() {} })),
}));

const stored = {
  id: '5f0c4a2e-0000-4000-8000-000000000001',
  month: '2026-10',
  scopeLabel: 'whole company',
  language: 'en',
  narrativeSource: 'template',
  createdAt: '2026-11-01T06:00:00.000Z',
  trigger: 'schedule',
};
const report = { ...stored, scope: {}, ...sopSummarySample, ungrounded: [] };

let requests: { url: string; method: string; body?: string }[];
function serve(pdfAvailable: boolean) {
  requests = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      requests.push({
        url,
        method: init.method ?? 'GET',
        ...(typeof init.body === 'string' && { body: init.body }),
      });
      const json = (body: unknown, status = 200) =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        });
      if (url === '/api/reports' && init.method === 'POST') return json(report, 201);
      if (url === '/api/reports') return json({ reports: [stored], pdfAvailable });
      if (url.startsWith('/api/reports/')) return json(report);
      if (url === '/api/products')
        return json({ products: [{ sku: 'YOG-1L', name: 'Yogur', category: 'dairy' }] });
      if (url === '/api/locations')
        return json({ locations: [{ code: 'LIM-DC1', name: 'Lima', region: 'Lima' }] });
      return json({ error: { code: 'not_found', message: url } }, 404);
    }),
  );
}

/** Picks an option of a labelled select as a user would (the option selected, then "change"). */
async function choose(label: string, value: string) {
  const select = screen.getByLabelText(label) as HTMLSelectElement;
  for (const option of select.options) option.selected = option.value === value;
  await fireEvent.change(select);
}

beforeEach(() => i18n.set('en'));
afterEach(() => vi.unstubAllGlobals());

describe('ReportsPage', () => {
  it('lists stored reports and opens one in the summary view with Markdown, HTML and PDF downloads (else managers cannot reach past reports)', async () => {
    serve(true);
    render(ReportsPage);
    const open = await screen.findByRole('button', {
      name: /Open the report of October 2026, whole company/,
    });
    expect(within(open.closest('tr')!).getByText('template')).toBeTruthy();
    await fireEvent.click(open);
    expect(await screen.findByRole('table', { name: /KPI report card/ })).toBeTruthy();
    expect(requests.some((request) => request.url === `/api/reports/${stored.id}`)).toBe(true);
    for (const format of ['Markdown', 'HTML', 'PDF'])
      expect(screen.getByRole('button', { name: `Download as ${format}` })).toBeTruthy();
  });

  it('offers no PDF when the server has no Chromium, and says so (else the button would fail)', async () => {
    serve(false);
    render(ReportsPage);
    await fireEvent.click(await screen.findByRole('button', { name: /Open the report/ }));
    await screen.findByRole('table', { name: /KPI report card/ });
    expect(screen.queryByRole('button', { name: 'Download as PDF' })).toBeNull();
    expect(screen.getByText(/PDF needs Chromium on the server/)).toBeTruthy();
  });

  it('generates a report for the chosen month, category and language and shows it (else the form would do nothing)', async () => {
    serve(true);
    render(ReportsPage);
    const month = screen.getByLabelText('Month') as HTMLInputElement;
    expect(month.value).toMatch(/^\d{4}-\d{2}$/);
    await fireEvent.input(month, { target: { value: '2024-03' } });
    await screen.findByRole('option', { name: 'dairy' });
    // the select re-syncs its bound value when its options change (a mutation observer): let it
    await new Promise((resolve) => setTimeout(resolve, 0));
    await choose('Category', 'dairy');
    await choose('Language of the narrative', 'es');
    await fireEvent.click(screen.getByRole('button', { name: 'Generate report' }));
    expect(await screen.findByText('Report for October 2026 generated.')).toBeTruthy();
    const post = requests.find((request) => request.method === 'POST');
    expect(JSON.parse(post!.body!)).toEqual({
      month: '2024-03',
      language: 'es',
      scope: { categories: ['dairy'] },
    });
    expect(screen.getByRole('table', { name: /KPI report card/ })).toBeTruthy();
  });
});
