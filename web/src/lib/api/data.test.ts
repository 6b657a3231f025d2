// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importCsv, salesPath } from './data';

afterEach(() => vi.unstubAllGlobals());

describe('salesPath', () => {
  it('joins lists with commas and leaves out empty parts (else the server would reject the query)', () => {
    expect(salesPath({ sku: ['A', 'B'], grain: 'month', groupBy: ['location'] })).toBe(
      '/api/sales?sku=A%2CB&grain=month&group_by=location',
    );
    expect(salesPath({ sku: [], location: [] })).toBe('/api/sales');
  });
});

describe('importCsv', () => {
  it('returns the server’s message without a report when the error has none (else a 413 would look like a crash)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              error: { code: 'payload_too_large', message: 'the CSV upload is over 50 MB' },
            }),
            { status: 413 },
          ),
      ),
    );
    const outcome = await importCsv('sales', new File(['x'], 'big.csv'));
    expect(outcome).toEqual({ ok: false, message: 'the CSV upload is over 50 MB' });
  });
});
