// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n/i18n.svelte';
import InventoryResult from './InventoryResult.svelte';
import { inventorySample } from './inventory-sample.test-data';

afterEach(() => i18n.set('en'));

function policyTable(): HTMLElement {
  return screen.getByRole('table', { name: /Policy per item/ });
}

describe('InventoryResult', () => {
  it('states the orders now and the budget plan with its binding constraint in words (else the planner would not know what to buy)', () => {
    render(InventoryResult, { result: inventorySample, args: {} });
    expect(
      screen.getByText('Order now: 3 items, 560 units, S/ 1,580.58', { exact: false }),
    ).toBeTruthy();
    expect(screen.getByText(/Budget S\/ 1,000\.00: S\/ 999\.74 planned/)).toBeTruthy();
    expect(screen.getByText(/purchasing budget is binding/)).toBeTruthy();
    const orders = screen.getByRole('table', { name: 'Orders to place now' });
    const rows = within(orders).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelector('th')?.textContent?.trim().slice(0, 7))).toEqual([
      'BEB-001',
      'BEB-006',
      'BEB-021',
    ]);
    expect(within(rows[0] as HTMLElement).getByText('219')).toBeTruthy();
  });

  it('compares current (inferred) and recommended with signed changes (else the gain of the new policy would be invisible)', () => {
    render(InventoryResult, { result: inventorySample, args: {} });
    const comparison = screen.getByRole('table', {
      name: /Current policy \(inferred\) vs recommended/,
    });
    const value = within(comparison).getByRole('row', { name: /Average inventory value/ });
    expect(value.textContent).toContain('2,698.96');
    expect(value.textContent).toContain('2,334.30');
    expect(value.textContent).toContain('−364.66 (−13.5 %)');
    const fill = within(comparison).getByRole('row', { name: /Fill rate/ });
    expect(fill.textContent).toContain('96.1 %');
    expect(fill.textContent).toContain('−1.0 pts');
  });

  it('shows one row per item with both policies, the order now, service against target and the why, saying when the current policy is unknown (else the table would mislead)', () => {
    render(InventoryResult, { result: inventorySample, args: {} });
    const table = policyTable();
    const rows = within(table).getAllByRole('row').slice(2);
    expect(rows).toHaveLength(inventorySample.items.length);
    const iquitos = rows.find(
      (row) => row.textContent?.includes('IQT') && row.textContent.includes('BEB-001'),
    );
    if (!iquitos) throw new Error('BEB-001 at IQT is listed');
    const cells = [...iquitos.querySelectorAll('td')].map((cell) => cell.textContent?.trim());
    expect(cells).toContain('260');
    expect(iquitos.textContent).toContain('target 95.0 %');
    expect(iquitos.textContent).toContain('+312 on order');
    expect(iquitos.textContent).toContain('reorder point 632 chosen by simulating');
    const unknown = rows.find((row) => row.textContent?.includes('BEB-024'));
    expect(unknown?.textContent).toContain('too little history');
    expect(
      within(table).getAllByRole('columnheader', { name: 'Current policy (inferred)' }),
    ).toHaveLength(1);
  });

  it('collapses a long list to 12 rows with a button that shows them all (else a 146-item category would flood the chat)', async () => {
    const [template] = inventorySample.items;
    const items = Array.from({ length: 30 }, (_, index) => ({
      ...template,
      sku: `BEB-${String(index + 100)}`,
    }));
    render(InventoryResult, { result: { ...inventorySample, items }, args: {} });
    expect(within(policyTable()).getAllByRole('row').slice(2)).toHaveLength(12);
    const more = screen.getByRole('button', { name: 'Show all 30 items' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(more);
    expect(within(policyTable()).getAllByRole('row').slice(2)).toHaveLength(30);
    expect(screen.getByRole('button', { name: 'Show the first 12 only' })).toBeTruthy();
  });

  it('speaks Spanish with Peruvian numbers when the interface is in Spanish (else Spanish users would read English)', () => {
    i18n.set('es');
    render(InventoryResult, { result: inventorySample, args: {} });
    expect(screen.getByText(/Pedir ahora: 3 ítems, 560 unidades, S\/ 1,580\.58/)).toBeTruthy();
    expect(screen.getByRole('table', { name: /Política por ítem/ })).toBeTruthy();
  });

  it('lists what was left out, says when nothing is to be ordered, and shows another shape as JSON (else skipped listings would vanish or a bad result crash)', () => {
    render(InventoryResult, {
      result: {
        ...inventorySample,
        items: inventorySample.items.map((entry) => ({ ...entry, orderNow: 0, orderNowValue: 0 })),
        orders: { count: 0, units: 0, value: 0 },
        plan: null,
      },
      args: {},
    });
    expect(screen.getByText(/Nothing to order now/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Orders to place now' })).toBeNull();
    expect(screen.getByText('Left out (2)')).toBeTruthy();
    expect(screen.getByText(/BEB-025 · AQP: no sales in the last 28 days/)).toBeTruthy();
    const { container } = render(InventoryResult, { result: { items: 'none' }, args: {} });
    expect(container.querySelector('pre')?.textContent).toContain('"items": "none"');
  });
});
