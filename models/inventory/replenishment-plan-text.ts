// Words for the replenishment plan's constraints: binding or not, the shadow price as money, and
// what an infeasible group is short of. Deterministic formatting (no locale lookups).
import type { BlockedOrder } from './replenishment-plan-blocking';
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
  blockedOrders: readonly BlockedOrder[];
}

const units = (value: number) =>
  `${formatQuantity(value, Number.isInteger(value) ? 0 : 2)} ${value === 1 ? 'unit' : 'units'}`;

/** "the overall purchasing budget" inside a sentence. */
const inSentence = (kind: HardRowKind, name: string) => label(kind, name).replace(/^The /, 'the ');

function marginalValue(constraint: ConstraintFigures, currency: string, usage: string): string {
  const { kind, name, unit, shadowPrice = 0 } = constraint;
  const subject = label(kind, name);
  if (unit === 'currency') {
    return `${subject} is binding (${usage}): one more ${currency} 1,000 would reduce shortage and holding cost by about ${currency} ${formatQuantity(shadowPrice * 1000)}.`;
  }
  const per = unit === 'm3' ? 'm³' : 'pallet';
  return `${subject} is binding (${usage}): each extra ${per} is worth about ${currency} ${formatQuantity(shadowPrice)} in lower shortage and holding cost.`;
}

/**
 * A limit too small for the smallest order (MOQ, case packs) of items worth ordering: which ones,
 * their smallest order, the shortage cost left and the limit that would leave room for them.
 */
function describeBlocking(
  constraint: ConstraintFigures,
  currency: string,
  usage: string,
  afterPrice: boolean,
): string {
  const { kind, name, unit, limit, used, slack, blockedOrders } = constraint;
  const shown = blockedOrders.slice(0, 3);
  const listed = shown
    .map((order) => {
      const quantity = units(order.smallestOrderQuantity);
      const why =
        order.smallestOrderReason === 'minimum-order'
          ? `its minimum of ${quantity}`
          : `${quantity}, the fewest that pay its fixed order cost`;
      return `${order.sku} at ${order.location} (${amount(order.smallestOrderUsage, unit, currency)} for ${why})`;
    })
    .join(', ');
  const more = blockedOrders.length - shown.length;
  const items = more > 0 ? `${listed} and ${more} more` : listed;
  const one = blockedOrders.length === 1;
  const notOrdered = `so ${one ? 'it is' : 'they are'} not ordered`;
  const left = amount(slack, unit, currency);
  let head: string;
  if (afterPrice)
    head = `Its ${left} left is also less than the smallest order of ${items}, ${notOrdered}`;
  else if (used <= 1e-9 * Math.max(1, Math.abs(limit)))
    head = `${label(kind, name)} of ${amount(limit, unit, currency)} is below the smallest order of ${items}: nothing ordered`;
  else
    head = `${label(kind, name)} is binding (${usage}): the ${left} left is less than the smallest order of ${items}, ${notOrdered}`;
  const shortage = blockedOrders.reduce((sum, order) => sum + order.shortageCost, 0);
  const cheapest = used + (blockedOrders[0]?.smallestOrderUsage ?? 0);
  const all = used + blockedOrders.reduce((sum, order) => sum + order.smallestOrderUsage, 0);
  const allow = one
    ? `${amount(cheapest, unit, currency)} would allow it`
    : `${amount(cheapest, unit, currency)} would allow the cheapest of them, ${amount(all, unit, currency)} all of them`;
  const others = [
    ...new Map(
      blockedOrders
        .flatMap((order) => order.alsoBlockedBy)
        .map((other) => [`${other.kind}\u0000${other.name}`, inSentence(other.kind, other.name)]),
    ).values(),
  ];
  const also =
    others.length === 0
      ? ''
      : ` as far as this limit goes (${others.join(' and ')} also lack${others.length === 1 ? 's' : ''} room)`;
  return `${head}; ${currency} ${formatQuantity(shortage)} of shortage cost left; ${allow}${also}.`;
}

export function describeConstraint(constraint: ConstraintFigures, currency: string): string {
  const { kind, name, unit, limit, used, slack, binding, shadowPrice, blockedOrders } = constraint;
  const usage = `${amount(used, unit, currency)} of ${amount(limit, unit, currency)} used`;
  const subject = label(kind, name);
  const priced = shadowPrice !== undefined && shadowPrice > 1e-9;
  if (blockedOrders.length > 0) {
    if (!priced) return describeBlocking(constraint, currency, usage, false);
    return `${marginalValue(constraint, currency, usage)} ${describeBlocking(constraint, currency, usage, true)}`;
  }
  if (!binding)
    return `${subject} is not binding: ${amount(slack, unit, currency)} left (${usage}).`;
  if (!priced) {
    return `${subject} is fully used (${usage}), but more of it would not lower the plan's cost.`;
  }
  return marginalValue(constraint, currency, usage);
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
