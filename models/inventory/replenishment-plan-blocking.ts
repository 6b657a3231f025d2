// Which limits kept an item worth ordering out of the plan because its smallest order (the MOQ in
// whole cases) did not fit what the limit had left. Such a limit binds discretely: the LP with the
// order/no-order choices fixed prices it at 0, yet it is the reason nothing is ordered.
import type { PreparedItem } from './replenishment-plan-input';
import type { HardRow, HardRowKind } from './replenishment-plan-model';

export interface BlockedOrder {
  sku: string;
  location: string;
  /** The smallest order that can exist: the MOQ rounded up to whole cases, in units. */
  minimumQuantity: number;
  /** What that smallest order takes of this limit (soles, m³ or pallets). */
  minimumUsage: number;
  /** Shortage cost the plan is left with by ordering none of it. */
  shortageCost: number;
  /** Other limits whose room is also too small for it: raising this one alone would not do. */
  alsoBlockedBy: { kind: HardRowKind; name: string }[];
}

function itemCost(item: PreparedItem, cases: number): number {
  const position = item.position + cases * item.caseSize;
  const shortfall = Math.max(0, item.target - position);
  const excess = Math.max(0, position - item.target);
  const ordering = cases > 0 ? (item.item.fixedOrderCost ?? 0) : 0;
  return item.item.shortageCost * shortfall + item.item.holdingCost * excess + ordering;
}

/**
 * Whether some allowed non-zero order of this item alone costs less than ordering nothing. The cost
 * is convex piecewise linear in the cases beyond the fixed cost, so its least value over
 * [minimumCases, maximumCases] is at a bound or at a case count next to the gap.
 */
export function orderWorthPlacing(item: PreparedItem): boolean {
  if (item.maximumCases < item.minimumCases || item.maximumCases === 0) return false;
  const clamp = (cases: number) => Math.min(item.maximumCases, Math.max(item.minimumCases, cases));
  const gapCases = (item.target - item.position) / item.caseSize;
  const candidates = [
    item.minimumCases,
    item.maximumCases,
    clamp(Math.floor(gapCases)),
    clamp(Math.ceil(gapCases)),
  ];
  const none = itemCost(item, 0);
  const best = Math.min(...candidates.map((cases) => itemCost(item, cases)));
  return best < none - 1e-9 * Math.max(1, none);
}

/**
 * For each hard row, the unordered items worth ordering whose smallest order exceeds the row's room
 * (limit − used), cheapest first. `cases` is the plan's case count per item, `used` each row's use.
 */
export function findBlockedOrders(
  items: readonly PreparedItem[],
  rows: readonly HardRow[],
  cases: readonly number[],
  used: readonly number[],
): BlockedOrder[][] {
  const room = rows.map((row, index) => row.limit - (used[index] ?? 0));
  const lacksRoom = (rowIndex: number, perCase: number, item: PreparedItem) => {
    const row = rows[rowIndex] as HardRow;
    const tolerance = 1e-9 * Math.max(1, Math.abs(row.limit));
    return perCase > 0 && perCase * item.minimumCases > (room[rowIndex] ?? 0) + tolerance;
  };
  const wanted = new Map<number, PreparedItem>();
  for (const item of items) {
    if ((cases[item.index] ?? 0) === 0 && orderWorthPlacing(item)) wanted.set(item.index, item);
  }
  // every row an unordered wanted item lacks room in, to name the others beside each
  const blockingRows = new Map<number, number[]>();
  rows.forEach((row, rowIndex) => {
    for (const term of row.terms) {
      const item = wanted.get(term.itemIndex);
      if (item === undefined || !lacksRoom(rowIndex, term.perCase, item)) continue;
      blockingRows.set(item.index, [...(blockingRows.get(item.index) ?? []), rowIndex]);
    }
  });
  return rows.map((row, rowIndex) => {
    const blocked: BlockedOrder[] = [];
    for (const term of row.terms) {
      const item = wanted.get(term.itemIndex);
      const blockers = blockingRows.get(term.itemIndex) ?? [];
      if (item === undefined || !blockers.includes(rowIndex)) continue;
      blocked.push({
        sku: item.item.sku,
        location: item.item.location,
        minimumQuantity: item.minimumCases * item.caseSize,
        minimumUsage: term.perCase * item.minimumCases,
        shortageCost: item.item.shortageCost * Math.max(0, item.target - item.position),
        alsoBlockedBy: blockers
          .filter((other) => other !== rowIndex)
          .map((other) => rows[other] as HardRow)
          .map((other) => ({ kind: other.kind, name: other.name })),
      });
    }
    return blocked.sort((a, b) => a.minimumUsage - b.minimumUsage);
  });
}
