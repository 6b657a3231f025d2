// Which limits kept an item worth ordering out of the plan because its smallest order worth placing
// (the MOQ in whole cases, or what pays the fixed order cost) did not fit what the limit had left. Such a limit binds discretely: the LP with the
// order/no-order choices fixed prices it at 0, yet it is the reason nothing is ordered.
import type { PreparedItem } from './replenishment-plan-input';
import type { HardRow, HardRowKind } from './replenishment-plan-model';

export interface BlockedOrder {
  sku: string;
  location: string;
  /** The smallest order worth placing, in units: the MOQ in whole cases, or more where less would not pay its fixed order cost. */
  smallestOrderQuantity: number;
  /** Why no smaller order: the supplier minimum (MOQ, case packs) or the fixed order cost. */
  smallestOrderReason: 'minimum-order' | 'ordering-cost';
  /** What that smallest order takes of this limit (soles, m³ or pallets). */
  smallestOrderUsage: number;
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
 * The fewest cases of an order that, alone, costs less than ordering nothing; undefined if none
 * does. Up to the gap, n cases save shortage · n · caseSize against the fixed cost, so the least
 * such n is the first above fixed / (shortage · caseSize); past the gap the cost only grows, so
 * the first case count past the gap is the only other candidate.
 */
export function smallestOrderWorthPlacing(item: PreparedItem): number | undefined {
  if (item.maximumCases < item.minimumCases || item.maximumCases === 0) return undefined;
  const gapCases = (item.target - item.position) / item.caseSize;
  const savingPerCase = item.item.shortageCost * item.caseSize;
  const pastFixedCost =
    savingPerCase > 0
      ? Math.floor((item.item.fixedOrderCost ?? 0) / savingPerCase) + 1
      : Number.POSITIVE_INFINITY;
  const none = itemCost(item, 0);
  const candidates = [pastFixedCost, pastFixedCost + 1, Math.ceil(gapCases)]
    .map((cases) => Math.max(item.minimumCases, cases))
    .filter((cases) => cases <= item.maximumCases)
    .sort((a, b) => a - b);
  return candidates.find((cases) => itemCost(item, cases) < none - 1e-9 * Math.max(1, none));
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
  // the unordered items worth ordering, with their smallest order worth placing in cases
  const wanted = new Map<number, { item: PreparedItem; cases: number }>();
  for (const item of items) {
    if ((cases[item.index] ?? 0) > 0) continue;
    const smallest = smallestOrderWorthPlacing(item);
    if (smallest !== undefined) wanted.set(item.index, { item, cases: smallest });
  }
  const lacksRoom = (rowIndex: number, perCase: number, smallestCases: number) => {
    const row = rows[rowIndex] as HardRow;
    const tolerance = 1e-9 * Math.max(1, Math.abs(row.limit));
    return perCase > 0 && perCase * smallestCases > (room[rowIndex] ?? 0) + tolerance;
  };
  // every row an unordered wanted item lacks room in, to name the others beside each
  const blockingRows = new Map<number, number[]>();
  rows.forEach((row, rowIndex) => {
    for (const term of row.terms) {
      const entry = wanted.get(term.itemIndex);
      if (entry === undefined || !lacksRoom(rowIndex, term.perCase, entry.cases)) continue;
      blockingRows.set(term.itemIndex, [...(blockingRows.get(term.itemIndex) ?? []), rowIndex]);
    }
  });
  return rows.map((row, rowIndex) => {
    const blocked: BlockedOrder[] = [];
    for (const term of row.terms) {
      const entry = wanted.get(term.itemIndex);
      const blockers = blockingRows.get(term.itemIndex) ?? [];
      if (entry === undefined || !blockers.includes(rowIndex)) continue;
      const { item } = entry;
      blocked.push({
        sku: item.item.sku,
        location: item.item.location,
        smallestOrderQuantity: entry.cases * item.caseSize,
        smallestOrderReason: entry.cases > item.minimumCases ? 'ordering-cost' : 'minimum-order',
        smallestOrderUsage: term.perCase * entry.cases,
        shortageCost: item.item.shortageCost * Math.max(0, item.target - item.position),
        alsoBlockedBy: blockers
          .filter((other) => other !== rowIndex)
          .map((other) => rows[other] as HardRow)
          .map((other) => ({ kind: other.kind, name: other.name })),
      });
    }
    return blocked.sort((a, b) => a.smallestOrderUsage - b.smallestOrderUsage);
  });
}
