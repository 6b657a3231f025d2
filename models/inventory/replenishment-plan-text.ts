// Words for the replenishment plan's constraints: binding or not, the shadow price as money, and
// what an infeasible group is short of. Deterministic formatting (no locale lookups).
import type { HardRow, HardRowKind } from './replenishment-plan-model';

/** 1234.5 -> "1,234.50" (decimals fixed, comma thousands). */
export function formatQuantity(value: number, decimals = 2): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

function amount(value: number, unit: HardRow['unit'], currency: string): string {
  if (unit === 'currency') return `${currency} ${formatQuantity(value)}`;
  if (unit === 'm3') return `${formatQuantity(value)} m³`;
  return `${formatQuantity(value)} pallets`;
}

function label(kind: HardRowKind, name: string): string {
  switch (kind) {
    case 'budget':
      return 'The overall purchasing budget';
    case 'location-budget':
      return `The purchasing budget of ${name}`;
    case 'category-budget':
      return `The purchasing budget of category ${name}`;
    case 'capacity-volume':
      return `${name} storage capacity (m³)`;
    case 'capacity-pallets':
      return `${name} storage capacity (pallets)`;
  }
}

export interface ConstraintFigures {
  kind: HardRowKind;
  name: string;
  unit: HardRow['unit'];
  limit: number;
  used: number;
  slack: number;
  binding: boolean;
  shadowPrice: number | undefined;
}

export function describeConstraint(constraint: ConstraintFigures, currency: string): string {
  const { kind, name, unit, limit, used, slack, binding, shadowPrice } = constraint;
  const usage = `${amount(used, unit, currency)} of ${amount(limit, unit, currency)} used`;
  const subject = label(kind, name);
  if (!binding)
    return `${subject} is not binding: ${amount(slack, unit, currency)} left (${usage}).`;
  if (shadowPrice === undefined || shadowPrice <= 1e-9) {
    return `${subject} is fully used (${usage}), but more of it would not lower the plan's cost.`;
  }
  if (unit === 'currency') {
    return `${subject} is binding (${usage}): one more ${currency} 1,000 would reduce shortage and holding cost by about ${currency} ${formatQuantity(shadowPrice * 1000)}.`;
  }
  const per = unit === 'm3' ? 'm³' : 'pallet';
  return `${subject} is binding (${usage}): each extra ${per} is worth about ${currency} ${formatQuantity(shadowPrice)} in lower shortage and holding cost.`;
}

export function describeViolation(
  row: HardRow,
  required: number,
  shortBy: number,
  currency: string,
): string {
  const subject = label(row.kind, row.name);
  const what =
    row.unit === 'currency'
      ? 'the orders that cannot be avoided (mandatory orders rounded up to MOQ and case packs)'
      : 'the stock on hand and on order plus the orders that cannot be avoided (mandatory orders rounded up to MOQ and case packs)';
  const fix =
    row.unit === 'currency'
      ? 'raise the budget or lower the mandatory orders'
      : 'free space, move stock or lower the mandatory orders';
  return `${subject} is short by ${amount(shortBy, row.unit, currency)}: ${what} need ${amount(required, row.unit, currency)} against a limit of ${amount(row.limit, row.unit, currency)}; ${fix}.`;
}
