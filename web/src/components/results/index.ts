// The result view for each tool: one Svelte component per tool result type.
// A tool with no entry here is shown by the chat's generic JSON view; a view given a result that
// does not match its expected shape shows it as JSON too (JsonFallback.svelte).
import type { Component } from 'svelte';
import AnomaliesResult from './AnomaliesResult.svelte';
import ForecastResult from './ForecastResult.svelte';
import InspectionResult from './InspectionResult.svelte';
import InventoryResult from './InventoryResult.svelte';
import KnowledgeResult from './KnowledgeResult.svelte';
import QuerySalesResult from './QuerySalesResult.svelte';
import SopSummaryResult from './SopSummaryResult.svelte';

export type ResultViewProps = { result: unknown; args: unknown };
export type ResultView = Component<ResultViewProps>;

const views: Record<string, ResultView> = {
  forecast_demand: ForecastResult,
  detect_anomalies: AnomaliesResult,
  query_sales: QuerySalesResult,
  search_knowledge: KnowledgeResult,
  optimize_inventory: InventoryResult,
  sop_summary: SopSummaryResult,
  inspect_packaging: InspectionResult,
};

/** The component that renders `tool`'s structured result, or undefined when there is none. */
export function resultViewFor(tool: string): ResultView | undefined {
  return Object.hasOwn(views, tool) ? views[tool] : undefined;
}
