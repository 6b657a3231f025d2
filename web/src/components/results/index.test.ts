import { describe, expect, it } from 'vitest';
import AnomaliesResult from './AnomaliesResult.svelte';
import ForecastResult from './ForecastResult.svelte';
import InventoryResult from './InventoryResult.svelte';
import KnowledgeResult from './KnowledgeResult.svelte';
import QuerySalesResult from './QuerySalesResult.svelte';
import { resultViewFor } from './index';

describe('resultViewFor', () => {
  it('maps each tool to its view (else a tool card would show raw JSON)', () => {
    expect(resultViewFor('forecast_demand')).toBe(ForecastResult);
    expect(resultViewFor('detect_anomalies')).toBe(AnomaliesResult);
    expect(resultViewFor('query_sales')).toBe(QuerySalesResult);
    expect(resultViewFor('search_knowledge')).toBe(KnowledgeResult);
    expect(resultViewFor('optimize_inventory')).toBe(InventoryResult);
  });

  it('has no view for unknown tools or inherited names (else the generic view would never be used)', () => {
    expect(resultViewFor('no_such_tool')).toBeUndefined();
    expect(resultViewFor('toString')).toBeUndefined();
  });
});
