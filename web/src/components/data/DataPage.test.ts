// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import DataPage from './DataPage.svelte';

vi.mock('../../lib/charts/render', () => ({
  drawTimeChart: vi.fn(async () => ({ destroy() {} })),
}));

// what the server answered for a sales CSV with a negative quantity and a 13th month
const rejection = {
  error: {
    code: 'import_rejected',
    message: 'bad.csv: 2 invalid rows, nothing imported',
    details: {
      kind: 'sales',
      file: 'bad.csv',
      delimiter: ',',
      decimalComma: false,
      encoding: 'utf-8',
      rowsRead: 2,
      rowsImported: 0,
      rowsRejected: 2,
      created: { products: 0, locations: 0 },
      warnings: [],
      problems: [
        {
          file: 'bad.csv',
          line: 2,
          column: 'units',
          value: '-4',
          reason: 'units "-4" is negative: units sold must be >= 0',
          fix: 'units sold must be >= 0',
        },
        {
          file: 'bad.csv',
          line: 3,
          column: 'date',
          value: '2026-13-01',
          reason: 'date "2026-13-01" is not a calendar date: use YYYY-MM-DD',
          fix: 'use YYYY-MM-DD',
        },
      ],
      problemCount: 2,
    },
    requestId: 'r',
  },
};

let calls: { method: string; url: string; body?: unknown }[];
let importAnswer: { status: number; body: unknown };

beforeEach(() => {
  calls = [];
  importAnswer = { status: 422, body: rejection };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ method: init.method ?? 'GET', url, body: init.body });
      const reply = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
      if (url.startsWith('/api/import/')) return reply(importAnswer.body, importAnswer.status);
      if (url === '/api/products') {
        return reply({
          products: [
            { sku: 'LAC-001', name: 'Yogurt 1 L', category: 'dairy' },
            { sku: 'BEB-001', name: 'Chicha morada 1 L', category: 'beverages' },
          ],
        });
      }
      if (url === '/api/locations') {
        return reply({ locations: [{ code: 'AQP', name: 'CD Arequipa', region: 'Arequipa' }] });
      }
      if (url.startsWith('/api/sales')) {
        return reply({
          rows: [
            { period: '2026-10-05', units: 10, revenue: 55 },
            { period: '2026-10-12', units: 12, revenue: 66 },
          ],
          rowCount: 2,
          truncated: false,
        });
      }
      return reply({ error: { code: 'not_found', message: url } }, 404);
    }),
  );
});

afterEach(() => vi.unstubAllGlobals());

/** Selects the option with this value as a user would (the option, then a change event). */
async function choose(select: HTMLElement, value: string) {
  const option = [...(select as HTMLSelectElement).options].find((item) => item.value === value);
  if (!option) throw new Error(`no option ${value}`);
  option.selected = true;
  await fireEvent.change(select);
}

async function uploadFile(content: string) {
  const input = screen.getByLabelText('CSV file') as HTMLInputElement;
  const file = new File([content], 'bad.csv', { type: 'text/csv' });
  await fireEvent.change(input, { target: { files: [file] } });
  await fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
}

describe('DataPage import', () => {
  it('shows a rejected file row by row with column, value, message and fix (else users could not correct their CSV)', async () => {
    render(DataPage);
    await uploadFile('date,sku,location,units\n2026-01-01,BEB-001,LIM-ATE,-4\n');
    const table = await screen.findByRole('table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Row', 'Column', 'Value', 'Message', 'Fix']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^2units-4units "-4" is negative.*units sold must be >= 0$/),
      expect.stringMatching(/^3date2026-13-01date "2026-13-01" is not a calendar date/),
    ]);
    expect(screen.getByText('Nothing was imported.')).toBeTruthy();
  });

  it('posts the file as multipart to the chosen kind with create_missing when ticked (else the server would import the wrong kind)', async () => {
    importAnswer = {
      status: 200,
      body: {
        kind: 'products',
        report: {
          ...rejection.error.details,
          kind: 'products',
          rowsImported: 2,
          problems: [],
          problemCount: 0,
        },
      },
    };
    render(DataPage);
    await fireEvent.change(screen.getByLabelText('Kind of data'), {
      target: { value: 'products' },
    });
    await fireEvent.click(screen.getByLabelText('Create unknown products and locations'));
    await uploadFile('sku,name,category\nX,Y,Z\n');
    expect(await screen.findByText(/2 of 2 rows imported/)).toBeTruthy();
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.url).toBe('/api/import/products?create_missing=true');
    expect(post?.body).toBeInstanceOf(FormData);
    expect(((post?.body as FormData).get('file') as File).name).toBe('bad.csv');
  });

  it('asks for a file instead of posting nothing (else an empty upload would reach the server)', async () => {
    render(DataPage);
    await fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText('Choose a CSV file first.')).toBeTruthy();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });
});

describe('DataPage browse', () => {
  it('charts the first product by week, then refetches by day and location when changed (else the filters would do nothing)', async () => {
    render(DataPage);
    await vi.waitFor(() =>
      expect(calls.map((call) => call.url)).toContain('/api/sales?sku=BEB-001&grain=week'),
    );
    expect(await screen.findByText(/22 units, S\/ 121 over 2 periods/)).toBeTruthy();
    await fireEvent.click(screen.getByLabelText('Day'));
    await choose(screen.getByLabelText('Location'), 'AQP');
    await vi.waitFor(() =>
      expect(calls.map((call) => call.url)).toContain(
        '/api/sales?sku=BEB-001&location=AQP&grain=day',
      ),
    );
  });
});
