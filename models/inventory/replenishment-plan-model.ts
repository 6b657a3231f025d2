// The replenishment MIP written as CPLEX LP text for HiGHS, in three forms: the plan itself, the
// LP with the order/no-order choices fixed (for shadow prices), and the elastic model that finds
// which hard constraint group makes the plan infeasible (Chinneck 2008, "Feasibility and
// Infeasibility in Optimization", ch. 7: elastic programming).
//
// Per item k: n_k whole cases (order = caseSize·n_k), y_k ∈ {0,1} when the choice needs a switch,
// s_k / e_k ≥ 0 shortfall / excess with s_k − e_k + caseSize·n_k = target − position;
// minimumCases·y_k ≤ n_k ≤ maximumCases·y_k. Hard rows: budgets and capacities (Σ perCase·n ≤ rhs).
import type {
  PreparedItem,
  ReplenishmentLocation,
  ReplenishmentPlanInput,
} from './replenishment-plan-input';

export type HardRowKind =
  'budget' | 'location-budget' | 'category-budget' | 'capacity-volume' | 'capacity-pallets';

export interface HardRow {
  kind: HardRowKind;
  /** The location or category it limits ("all" for the overall budget). */
  name: string;
  unit: 'currency' | 'm3' | 'pallets';
  limit: number;
  /** Already used before any order (stock on hand and on order, for capacities). */
  existing: number;
  terms: { itemIndex: number; perCase: number }[];
}

export type ModelForm =
  { form: 'plan' } | { form: 'fixed-switches'; ordered: readonly boolean[] } | { form: 'elastic' };

/** LP-format number: finite, in JavaScript's shortest round-trip spelling (HiGHS reads exponents). */
function lpNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`model coefficient: ${value} is not finite`);
  return String(value === 0 ? 0 : value);
}

/** " + 3 n1 - 2 y1 ..." with line breaks every few terms (LP readers dislike very long lines). */
function linearExpression(terms: readonly { coefficient: number; variable: string }[]): string {
  const parts: string[] = [];
  terms.forEach(({ coefficient, variable }, position) => {
    const sign = coefficient < 0 ? '-' : '+';
    const separator = position > 0 && position % 8 === 0 ? '\n   ' : ' ';
    parts.push(`${separator}${sign} ${lpNumber(Math.abs(coefficient))} ${variable}`);
  });
  return parts.length === 0 ? ' 0 s0' : parts.join('');
}

export const casesVariable = (index: number): string => `n${index}`;
export const switchVariable = (index: number): string => `y${index}`;
export const shortfallVariable = (index: number): string => `s${index}`;
export const excessVariable = (index: number): string => `e${index}`;
export const hardRowName = (index: number): string => `h${index}`;
export const elasticVariable = (index: number): string => `v${index}`;

/** The bounds of n_k in the given form; the switch rows carry them where a binary exists. */
function casesBounds(item: PreparedItem, form: ModelForm): [number, number] {
  if (form.form === 'fixed-switches') {
    if (!form.ordered[item.index]) return [0, 0];
    return [
      Math.max(item.mandatoryCases, item.needsOrderSwitch ? item.minimumCases : 0),
      item.maximumCases,
    ];
  }
  return [item.mandatoryCases, item.maximumCases];
}

export function writeReplenishmentModel(
  items: readonly PreparedItem[],
  hardRows: readonly HardRow[],
  form: ModelForm,
): string {
  const useSwitches = form.form !== 'fixed-switches';
  const objective: { coefficient: number; variable: string }[] = [];
  const constraints: string[] = [];
  const bounds: string[] = [];
  const generals: string[] = [];
  const binaries: string[] = [];
  for (const item of items) {
    const k = item.index;
    const [lower, upper] = casesBounds(item, form);
    if (form.form !== 'elastic') {
      if (item.item.shortageCost > 0)
        objective.push({ coefficient: item.item.shortageCost, variable: shortfallVariable(k) });
      if (item.item.holdingCost > 0)
        objective.push({ coefficient: item.item.holdingCost, variable: excessVariable(k) });
    }
    constraints.push(
      ` b${k}: ${shortfallVariable(k)} - ${excessVariable(k)} + ${lpNumber(item.caseSize)} ${casesVariable(k)} = ${lpNumber(item.target - item.position)}`,
    );
    bounds.push(` ${lpNumber(lower)} <= ${casesVariable(k)} <= ${lpNumber(upper)}`);
    if (form.form !== 'fixed-switches') generals.push(casesVariable(k));
    if (useSwitches && item.needsOrderSwitch) {
      const fixedCost = item.item.fixedOrderCost ?? 0;
      if (form.form === 'plan' && fixedCost > 0)
        objective.push({ coefficient: fixedCost, variable: switchVariable(k) });
      constraints.push(
        ` l${k}: ${casesVariable(k)} - ${lpNumber(item.minimumCases)} ${switchVariable(k)} >= 0`,
      );
      constraints.push(
        ` u${k}: ${casesVariable(k)} - ${lpNumber(item.maximumCases)} ${switchVariable(k)} <= 0`,
      );
      binaries.push(switchVariable(k));
    }
  }
  hardRows.forEach((row, index) => {
    const terms = row.terms.map((term) => ({
      coefficient: term.perCase,
      variable: casesVariable(term.itemIndex),
    }));
    if (form.form === 'elastic') {
      // relative violation, so that soles and cubic metres compare
      const scale = Math.max(1, Math.abs(row.limit));
      objective.push({ coefficient: 1 / scale, variable: elasticVariable(index) });
      terms.push({ coefficient: -1, variable: elasticVariable(index) });
    }
    if (terms.length === 0) return;
    constraints.push(
      ` ${hardRowName(index)}:${linearExpression(terms)} <= ${lpNumber(row.limit - row.existing)}`,
    );
  });
  const objectiveText =
    objective.length === 0
      ? ` obj: 0 ${casesVariable(items[0]?.index ?? 0)}`
      : ` obj:${linearExpression(objective)}`;
  const sections = ['Minimize', objectiveText, 'Subject To', ...constraints, 'Bounds', ...bounds];
  if (generals.length > 0) sections.push('Generals', ...chunk(generals));
  if (binaries.length > 0) sections.push('Binaries', ...chunk(binaries));
  sections.push('End', '');
  return sections.join('\n');
}

function chunk(names: readonly string[]): string[] {
  const lines: string[] = [];
  for (let start = 0; start < names.length; start += 16)
    lines.push(` ${names.slice(start, start + 16).join(' ')}`);
  return lines;
}

/** The hard rows: overall, per-location and per-category budgets; pallet and m³ capacities per location. */
export function buildHardRows(
  input: ReplenishmentPlanInput,
  items: readonly PreparedItem[],
  locations: Map<string, ReplenishmentLocation>,
): HardRow[] {
  const rows: HardRow[] = [];
  const valueTerm = (item: PreparedItem) => ({
    itemIndex: item.index,
    perCase: item.item.unitCost * item.caseSize,
  });
  if (input.budget !== undefined) {
    rows.push({
      kind: 'budget',
      name: 'all',
      unit: 'currency',
      limit: input.budget,
      existing: 0,
      terms: items.map(valueTerm),
    });
  }
  for (const [name, location] of locations) {
    const here = items.filter((item) => item.item.location === name);
    if (here.length === 0) continue;
    if (location.budget !== undefined) {
      rows.push({
        kind: 'location-budget',
        name,
        unit: 'currency',
        limit: location.budget,
        existing: 0,
        terms: here.map(valueTerm),
      });
    }
    if (location.capacityVolume !== undefined) {
      const volume = (item: PreparedItem) => item.item.unitVolume ?? 0;
      rows.push({
        kind: 'capacity-volume',
        name,
        unit: 'm3',
        limit: location.capacityVolume,
        existing: here.reduce((sum, item) => sum + volume(item) * item.position, 0),
        terms: here.map((item) => ({
          itemIndex: item.index,
          perCase: volume(item) * item.caseSize,
        })),
      });
    }
    if (location.capacityPallets !== undefined) {
      const perUnit = (item: PreparedItem) => 1 / (item.item.unitsPerPallet ?? 1);
      rows.push({
        kind: 'capacity-pallets',
        name,
        unit: 'pallets',
        limit: location.capacityPallets,
        existing: here.reduce((sum, item) => sum + perUnit(item) * item.position, 0),
        terms: here.map((item) => ({
          itemIndex: item.index,
          perCase: perUnit(item) * item.caseSize,
        })),
      });
    }
  }
  for (const [category, budget] of Object.entries(input.categoryBudgets ?? {})) {
    const inCategory = items.filter((item) => item.item.category === category);
    if (inCategory.length === 0) continue;
    rows.push({
      kind: 'category-budget',
      name: category,
      unit: 'currency',
      limit: budget,
      existing: 0,
      terms: inCategory.map(valueTerm),
    });
  }
  return rows;
}
