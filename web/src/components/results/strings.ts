// The result views' words in English and Spanish; the language is U1's i18n state, so a switch
// re-renders them. {name} placeholders are filled by t().
import { i18n } from '../../lib/i18n/i18n.svelte';

const en = {
  forecastChart: 'Forecast chart: history, forecast and 80% / 95% intervals for {scope}',
  history: 'History',
  forecast: 'Forecast',
  lower80: '80% lower',
  upper80: '80% upper',
  lower95: '95% lower',
  upper95: '95% upper',
  grainDay: 'daily',
  grainWeek: 'weekly',
  grainMonth: 'monthly',
  horizon: '{grain} forecast, {horizon} periods',
  modelChosen: 'Model',
  accuracy: 'Backtest accuracy',
  accuracyOrigins: '{origins} origins, {horizon} periods ahead',
  noBacktest: 'No backtest: too little history to measure accuracy.',
  wapeHelp: 'weighted absolute percentage error (lower is better)',
  maseHelp: 'error relative to a seasonal naive forecast (below 1 beats it)',
  biasHelp: 'average forecast minus actual (positive: over-forecast)',
  coverage: 'Interval coverage',
  holidaysInHorizon: 'Holidays and events in the horizon',
  holiday: 'holiday',
  event: 'event',
  currentPeriod: 'Current period {start}–{end}: {units} units so far (data through {through})',
  explanation: 'Why',
  forecastTable: 'Forecast table',
  period: 'Period',
  mean: 'Forecast',
  interval80: '80% interval',
  interval95: '95% interval',
  notes: 'Notes',
  fullHistory: 'Show the whole history ({periods} periods)',
  recentHistory: 'Show recent history only',
  loadingHistory: 'Loading the history…',
  anomaliesTitle: '{count} anomalies in {scope}, {from} to {to}',
  anomalyChart: 'Daily sales of {product} at {location} with the anomaly marked',
  dailySales: 'Units sold',
  expectedRange: 'expected range',
  kind_spike: 'spike',
  kind_drop: 'drop',
  kind_level_shift: 'level shift',
  kind_outlier: 'outlier',
  severity_low: 'low',
  severity_medium: 'medium',
  severity_high: 'high',
  expectedVsObserved: 'expected {expected} ({lower}–{upper}) a day, observed {observed}',
  valueAtRisk: 'value at risk S/ {value}',
  showOnChart: 'Show on chart',
  shownOnChart: 'Shown on chart',
  noAnomalies: 'No unexplained anomalies in this period.',
  explainedTitle: 'Explained by calendar, promotion, price or stock ({count})',
  incidents: 'Incidents',
  rules: 'Rule alerts ({count})',
  outliers: 'Unusual combinations ({count})',
  loadingChart: 'Loading the chart…',
  chartFailed: 'The chart could not be loaded: {message}',
  salesTitle: 'Sales of {scope}',
  salesChart: 'Chart of units sold by {grain} for {scope}',
  units: 'Units',
  revenue: 'Revenue',
  promo: 'Promo rows',
  stockout: 'Stockout rows',
  total: 'Total',
  truncated: 'Showing the first {count} rows.',
  rows: '{count} rows',
  noRows: 'No sales in this selection.',
  knowledgeTitle: 'Passages for “{query}”',
  lexicalOnly: 'Lexical search only',
  lines: 'lines {start}–{end}',
  noPassages: 'No passage matched.',
  matchedBy: 'matched by {how}',
  sku: 'SKU',
  category: 'Category',
  location: 'Location',
  region: 'Region',
  inventoryTitle: 'Inventory policy for {scope}',
  inventorySubtitle:
    'Data through {date} · both policies simulated {replications} times over {horizon} days from today’s stock',
  ordersNow: 'Order now: {items}, {units} units, S/ {value}',
  itemsOne: '1 item',
  itemsMany: '{count} items',
  nothingToOrder:
    'Nothing to order now: every stock position is above its recommended reorder point.',
  budgetUse: 'Budget S/ {budget}: S/ {used} planned (plan {status})',
  orderCaption: 'Orders to place now',
  withinBudget: 'Within budget',
  comparisonCaption:
    'Current policy (inferred) vs recommended, simulated over {horizon} days ({items} items)',
  noComparison: 'No comparison with the current policy: ',
  measure: 'Measure',
  current: 'Current (inferred)',
  recommended: 'Recommended',
  change: 'Change',
  row_inventoryValue: 'Average inventory value (S/)',
  row_fillRate: 'Fill rate',
  row_wasteUnits: 'Waste (units)',
  row_wasteValue: 'Waste value (S/)',
  row_wasteCo2e: 'Waste CO₂e (kg)',
  points: '{value} pts',
  itemsCaption: 'Policy per item ({count}): current inferred from the stock history, not on record',
  item: 'Item',
  onHand: 'On hand',
  onOrder: '+{units} on order',
  daysOfCover: 'Days of cover',
  currentPolicy: 'Current policy (inferred)',
  recommendedPolicy: 'Recommended policy',
  reorderPoint: 'Reorder point',
  orderUpTo: 'Order-up-to',
  orderQuantity: 'Order quantity',
  orderNow: 'Order now',
  value: 'Value (S/)',
  service_fill: 'Expected fill rate',
  service_csl: 'Expected cycle service level',
  target: 'target {level}',
  waste: 'Expected waste (units · S/)',
  why: 'Why',
  perishable: 'shelf life {days} d',
  notInferred: 'too little history',
  showAllItems: 'Show all {count} items',
  showFewerItems: 'Show the first {count} only',
  skipped: 'Left out ({count})',
} as const;

type Key = keyof typeof en;

const es: Record<Key, string> = {
  forecastChart:
    'Gráfico de pronóstico: historia, pronóstico e intervalos de 80 % / 95 % de {scope}',
  history: 'Historia',
  forecast: 'Pronóstico',
  lower80: '80 % inferior',
  upper80: '80 % superior',
  lower95: '95 % inferior',
  upper95: '95 % superior',
  grainDay: 'diario',
  grainWeek: 'semanal',
  grainMonth: 'mensual',
  horizon: 'Pronóstico {grain}, {horizon} periodos',
  modelChosen: 'Modelo',
  accuracy: 'Precisión en backtest',
  accuracyOrigins: '{origins} orígenes, {horizon} periodos adelante',
  noBacktest: 'Sin backtest: la historia es muy corta para medir la precisión.',
  wapeHelp: 'error porcentual absoluto ponderado (menor es mejor)',
  maseHelp: 'error relativo al pronóstico ingenuo estacional (menos de 1 lo supera)',
  biasHelp: 'pronóstico menos real en promedio (positivo: sobrepronóstico)',
  coverage: 'Cobertura de los intervalos',
  holidaysInHorizon: 'Feriados y eventos en el horizonte',
  holiday: 'feriado',
  event: 'evento',
  currentPeriod:
    'Periodo en curso {start}–{end}: {units} unidades hasta ahora (datos hasta {through})',
  explanation: 'Por qué',
  forecastTable: 'Tabla del pronóstico',
  period: 'Periodo',
  mean: 'Pronóstico',
  interval80: 'Intervalo 80 %',
  interval95: 'Intervalo 95 %',
  notes: 'Notas',
  fullHistory: 'Ver toda la historia ({periods} periodos)',
  recentHistory: 'Ver solo la historia reciente',
  loadingHistory: 'Cargando la historia…',
  anomaliesTitle: '{count} anomalías en {scope}, del {from} al {to}',
  anomalyChart: 'Ventas diarias de {product} en {location} con la anomalía marcada',
  dailySales: 'Unidades vendidas',
  expectedRange: 'rango esperado',
  kind_spike: 'pico',
  kind_drop: 'caída',
  kind_level_shift: 'cambio de nivel',
  kind_outlier: 'atípico',
  severity_low: 'baja',
  severity_medium: 'media',
  severity_high: 'alta',
  expectedVsObserved: 'esperado {expected} ({lower}–{upper}) al día, observado {observed}',
  valueAtRisk: 'valor en riesgo S/ {value}',
  showOnChart: 'Ver en el gráfico',
  shownOnChart: 'En el gráfico',
  noAnomalies: 'Sin anomalías sin explicar en este periodo.',
  explainedTitle: 'Explicadas por calendario, promoción, precio o stock ({count})',
  incidents: 'Incidentes',
  rules: 'Alertas por reglas ({count})',
  outliers: 'Combinaciones inusuales ({count})',
  loadingChart: 'Cargando el gráfico…',
  chartFailed: 'No se pudo cargar el gráfico: {message}',
  salesTitle: 'Ventas de {scope}',
  salesChart: 'Gráfico de unidades vendidas por {grain} de {scope}',
  units: 'Unidades',
  revenue: 'Ingresos',
  promo: 'Filas en promoción',
  stockout: 'Filas con quiebre',
  total: 'Total',
  truncated: 'Se muestran las primeras {count} filas.',
  rows: '{count} filas',
  noRows: 'Sin ventas en esta selección.',
  knowledgeTitle: 'Pasajes para «{query}»',
  lexicalOnly: 'Solo búsqueda léxica',
  lines: 'líneas {start}–{end}',
  noPassages: 'Ningún pasaje coincide.',
  matchedBy: 'encontrado por {how}',
  sku: 'SKU',
  category: 'Categoría',
  location: 'Ubicación',
  region: 'Región',
  inventoryTitle: 'Política de inventario de {scope}',
  inventorySubtitle:
    'Datos hasta {date} · ambas políticas simuladas {replications} veces en {horizon} días desde el stock de hoy',
  ordersNow: 'Pedir ahora: {items}, {units} unidades, S/ {value}',
  itemsOne: '1 ítem',
  itemsMany: '{count} ítems',
  nothingToOrder:
    'Nada que pedir ahora: cada posición de stock está sobre su punto de pedido recomendado.',
  budgetUse: 'Presupuesto S/ {budget}: S/ {used} planificados (plan {status})',
  orderCaption: 'Pedidos a colocar ahora',
  withinBudget: 'Dentro del presupuesto',
  comparisonCaption:
    'Política actual (inferida) frente a la recomendada, simulada en {horizon} días ({items} ítems)',
  noComparison: 'Sin comparación con la política actual: ',
  measure: 'Medida',
  current: 'Actual (inferida)',
  recommended: 'Recomendada',
  change: 'Cambio',
  row_inventoryValue: 'Valor promedio del inventario (S/)',
  row_fillRate: 'Nivel de servicio (fill rate)',
  row_wasteUnits: 'Merma (unidades)',
  row_wasteValue: 'Valor de la merma (S/)',
  row_wasteCo2e: 'CO₂e de la merma (kg)',
  points: '{value} p. p.',
  itemsCaption:
    'Política por ítem ({count}): la actual se infiere de la historia de stock, no está registrada',
  item: 'Ítem',
  onHand: 'En mano',
  onOrder: '+{units} en camino',
  daysOfCover: 'Días de cobertura',
  currentPolicy: 'Política actual (inferida)',
  recommendedPolicy: 'Política recomendada',
  reorderPoint: 'Punto de pedido',
  orderUpTo: 'Nivel máximo',
  orderQuantity: 'Cantidad a pedir',
  orderNow: 'Pedir ahora',
  value: 'Valor (S/)',
  service_fill: 'Fill rate esperado',
  service_csl: 'Nivel de servicio por ciclo esperado',
  target: 'meta {level}',
  waste: 'Merma esperada (unidades · S/)',
  why: 'Por qué',
  perishable: 'vida útil {days} d',
  notInferred: 'historia insuficiente',
  showAllItems: 'Ver los {count} ítems',
  showFewerItems: 'Ver solo los primeros {count}',
  skipped: 'Excluidos ({count})',
};

/** The current language's text for key, placeholders filled. */
export function t(key: Key, params: Record<string, string | number> = {}): string {
  const template = (i18n.language === 'es' ? es : en)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The locale for numbers and dates in the current language. */
export function locale(): string {
  return i18n.language === 'es' ? 'es-PE' : 'en-US';
}

const formats = new Map<string, Intl.NumberFormat>();

/** A number with at most `digits` decimals in the current locale (formatters are reused). */
export function formatNumber(value: number, digits = 0): string {
  const key = `${locale()}|${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(), { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(value);
}

const fixedFormats = new Map<string, Intl.NumberFormat>();

/** A number with exactly `digits` decimals in the current locale: money (S/ 1,000.00), percents. */
export function formatFixed(value: number, digits: number): string {
  const key = `${locale()}|${digits}`;
  let format = fixedFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    fixedFormats.set(key, format);
  }
  return format.format(value);
}
