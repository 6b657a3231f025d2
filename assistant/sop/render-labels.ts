// The report's words in Spanish and English, and its number formats (es-PE / en-US: both write
// 8,400.5). Money is soles; which price a figure uses is said in the section's notes.
import type { SopDecision, SopKpi } from '../../tools/sop/sop-facts';
import type { ReportLanguage } from './report-types';

const spanish = {
  title: 'Resumen S&OP',
  scope: 'Alcance',
  dataThrough: 'Datos hasta',
  created: 'Generado',
  narrativeByModel: 'Narrativa escrita por el modelo',
  narrativeByTemplate: 'Narrativa de plantilla (sin modelo)',
  fallback: 'Se usó la plantilla',
  ungrounded: 'Cifras del modelo que no están en los datos (se quitaron sus frases)',
  executiveSummary: 'Resumen ejecutivo',
  keyIssues: 'Temas clave',
  narrativeDecisions: 'Decisiones propuestas',
  kpiCard: 'Indicadores',
  kpi: 'Indicador',
  thisMonth: 'Este mes',
  previousMonth: 'Mes anterior',
  change: 'Cambio',
  better: 'mejor',
  worse: 'peor',
  same: 'igual',
  notAvailable: 'No disponible',
  demandReview: 'Revisión de la demanda',
  supplyReview: 'Revisión de abastecimiento e inventario',
  anomalies: 'Anomalías e incidentes',
  quality: 'Calidad (inspecciones)',
  lifecycle: 'Ciclo de vida de productos',
  decisions: 'Decisiones requeridas',
  noDecisions: 'Ninguna acción recomendada este mes.',
  none: 'Ninguno.',
  forecastFromSnapshot: 'pronóstico guardado antes del mes',
  forecastFromBacktest: 'pronóstico recalculado con los datos hasta',
  forecastOrigin: 'Pronóstico comparado',
  overall: 'Total',
  category: 'Categoría',
  region: 'Región',
  location: 'Local',
  sku: 'SKU',
  product: 'Producto',
  actualUnits: 'Real (u)',
  forecastUnits: 'Pronóstico (u)',
  wape: 'WAPE',
  mape: 'MAPE',
  bias: 'Sesgo',
  accuracyByCategory: 'Precisión por categoría',
  accuracyByRegion: 'Precisión por región',
  worstItems: 'Mayores errores',
  absError: 'Error abs. (u)',
  errorValue: 'Error (S/, precio de lista)',
  outlook: 'Próximos 3 meses vs el año anterior',
  month: 'Mes',
  interval: 'Intervalo (u)',
  lastYear: 'Año anterior (u)',
  drivers: 'Factores de la demanda',
  driverKind: 'Tipo',
  description: 'Descripción',
  uplift: 'Efecto',
  stockDate: 'Conteo de stock del',
  daysOfCover: 'Días de cobertura',
  onHand: 'Stock (u)',
  dailyUnits: 'Venta diaria (u)',
  days: 'Días',
  belowSafetyStock: 'Por debajo del stock de seguridad',
  safetyStock: 'Stock de seguridad (u)',
  projectedStockouts: 'Quiebres proyectados dentro del plazo de reposición',
  daysUntilStockout: 'Días al quiebre',
  leadTime: 'Plazo (días)',
  orderUnits: 'Pedir (u)',
  lostSales: 'Venta perdida (S/, precio de lista)',
  excess: 'Exceso sobre la política recomendada (S/, costo unitario)',
  recommendedMax: 'Máximo recomendado (u)',
  excessUnits: 'Exceso (u)',
  excessValue: 'Exceso (S/)',
  expiryRisk: 'Riesgo de vencimiento (S/, costo unitario)',
  units: 'Unidades',
  value: 'Valor (S/)',
  daysLeft: 'Días restantes',
  expectedWaste: 'Merma esperada',
  serviceLevel: 'Nivel de servicio',
  fillRate: 'Tasa de cumplimiento',
  stockoutDays: 'Días con quiebre',
  listingDays: 'Días-local',
  date: 'Fecha',
  kind: 'Tipo',
  expected: 'Esperado (u)',
  valueAtRisk: 'Valor en riesgo (S/)',
  explanation: 'Explicación',
  explained: 'Anomalías explicadas por el calendario o promociones',
  reason: 'Motivo',
  incidents: 'Incidentes',
  from: 'Desde',
  to: 'Hasta',
  count: 'Anomalías',
  rules: 'Reglas de negocio',
  rule: 'Regla',
  message: 'Mensaje',
  inspected: 'Inspeccionados',
  passed: 'Aprobados',
  failed: 'Rechazados',
  needsReview: 'Por revisar',
  retake: 'Repetir foto',
  passRate: 'Tasa de aprobación',
  bySku: 'Por SKU',
  byLine: 'Por línea',
  line: 'Línea',
  launches: 'Lanzamientos',
  launchDate: 'Lanzamiento',
  analogueForecast: 'Pronóstico por análogo (u)',
  ratio: 'Real / análogo',
  declining: 'En declive',
  discontinued: 'Descontinuados con stock',
  onHandValue: 'Valor (S/, costo unitario)',
  rank: '#',
  action: 'Acción',
  evidence: 'Evidencia',
  co2e: 'CO2e (kg)',
  chartOutlook: 'Pronóstico vs año anterior (unidades)',
  chartForecast: 'Pronóstico',
  chartLastYear: 'Año anterior',
  chartCover: 'Días de cobertura por categoría y local',
  chartExcessExpiry: 'Exceso y riesgo de vencimiento por ítem (S/)',
  chartAccuracy: 'WAPE por categoría',
} as const;

export type LabelKey = keyof typeof spanish;

const english: Record<LabelKey, string> = {
  title: 'S&OP summary',
  scope: 'Scope',
  dataThrough: 'Data through',
  created: 'Created',
  narrativeByModel: 'Narrative written by the model',
  narrativeByTemplate: 'Template narrative (no model)',
  fallback: 'The template was used',
  ungrounded: 'Figures the model wrote that are not in the facts (their sentences were removed)',
  executiveSummary: 'Executive summary',
  keyIssues: 'Key issues',
  narrativeDecisions: 'Proposed decisions',
  kpiCard: 'KPIs',
  kpi: 'KPI',
  thisMonth: 'This month',
  previousMonth: 'Previous month',
  change: 'Change',
  better: 'better',
  worse: 'worse',
  same: 'same',
  notAvailable: 'Not available',
  demandReview: 'Demand review',
  supplyReview: 'Supply and inventory review',
  anomalies: 'Anomalies and incidents',
  quality: 'Quality (inspections)',
  lifecycle: 'Product lifecycle',
  decisions: 'Decisions required',
  noDecisions: 'No recommended action this month.',
  none: 'None.',
  forecastFromSnapshot: 'forecast stored before the month',
  forecastFromBacktest: 'forecast recomputed from the data through',
  forecastOrigin: 'Forecast compared',
  overall: 'Overall',
  category: 'Category',
  region: 'Region',
  location: 'Location',
  sku: 'SKU',
  product: 'Product',
  actualUnits: 'Actual (u)',
  forecastUnits: 'Forecast (u)',
  wape: 'WAPE',
  mape: 'MAPE',
  bias: 'Bias',
  accuracyByCategory: 'Accuracy by category',
  accuracyByRegion: 'Accuracy by region',
  worstItems: 'Largest errors',
  absError: 'Abs. error (u)',
  errorValue: 'Error (S/, list price)',
  outlook: 'Next 3 months vs last year',
  month: 'Month',
  interval: 'Interval (u)',
  lastYear: 'Last year (u)',
  drivers: 'Demand drivers',
  driverKind: 'Kind',
  description: 'Description',
  uplift: 'Effect',
  stockDate: 'Stock count of',
  daysOfCover: 'Days of cover',
  onHand: 'On hand (u)',
  dailyUnits: 'Daily sales (u)',
  days: 'Days',
  belowSafetyStock: 'Below safety stock',
  safetyStock: 'Safety stock (u)',
  projectedStockouts: 'Projected stockouts within the lead time',
  daysUntilStockout: 'Days to stockout',
  leadTime: 'Lead time (days)',
  orderUnits: 'Order (u)',
  lostSales: 'Lost sales (S/, list price)',
  excess: 'Stock above the recommended policy (S/, unit cost)',
  recommendedMax: 'Recommended max (u)',
  excessUnits: 'Excess (u)',
  excessValue: 'Excess (S/)',
  expiryRisk: 'Expiry risk (S/, unit cost)',
  units: 'Units',
  value: 'Value (S/)',
  daysLeft: 'Days left',
  expectedWaste: 'Expected waste',
  serviceLevel: 'Service level',
  fillRate: 'Fill rate',
  stockoutDays: 'Stockout days',
  listingDays: 'Listing-days',
  date: 'Date',
  kind: 'Kind',
  expected: 'Expected (u)',
  valueAtRisk: 'Value at risk (S/)',
  explanation: 'Explanation',
  explained: 'Anomalies explained by the calendar or promotions',
  reason: 'Reason',
  incidents: 'Incidents',
  from: 'From',
  to: 'To',
  count: 'Anomalies',
  rules: 'Business rules',
  rule: 'Rule',
  message: 'Message',
  inspected: 'Inspected',
  passed: 'Passed',
  failed: 'Failed',
  needsReview: 'Needs review',
  retake: 'Retake',
  passRate: 'Pass rate',
  bySku: 'By SKU',
  byLine: 'By line',
  line: 'Line',
  launches: 'Launches',
  launchDate: 'Launch',
  analogueForecast: 'Analogue forecast (u)',
  ratio: 'Actual / analogue',
  declining: 'Declining',
  discontinued: 'Discontinued with stock',
  onHandValue: 'Value (S/, unit cost)',
  rank: '#',
  action: 'Action',
  evidence: 'Evidence',
  co2e: 'CO2e (kg)',
  chartOutlook: 'Forecast vs last year (units)',
  chartForecast: 'Forecast',
  chartLastYear: 'Last year',
  chartCover: 'Days of cover by category and location',
  chartExcessExpiry: 'Excess and expiry risk by item (S/)',
  chartAccuracy: 'WAPE by category',
};

const kpiNames: Record<ReportLanguage, Record<SopKpi['id'], string>> = {
  es: {
    wape: 'Error de pronóstico (WAPE)',
    bias: 'Sesgo del pronóstico',
    fill_rate: 'Tasa de cumplimiento',
    stockout_days: 'Días con quiebre',
    days_of_cover: 'Días de cobertura',
    excess_value: 'Exceso de stock',
    expiry_risk_value: 'Riesgo de vencimiento',
    waste_co2e_kg: 'CO2e de la merma',
    anomalies: 'Anomalías',
    qc_pass_rate: 'Aprobación en inspección',
    revenue: 'Ventas',
    units: 'Unidades vendidas',
  },
  en: {
    wape: 'Forecast error (WAPE)',
    bias: 'Forecast bias',
    fill_rate: 'Fill rate',
    stockout_days: 'Stockout days',
    days_of_cover: 'Days of cover',
    excess_value: 'Excess stock',
    expiry_risk_value: 'Expiry risk',
    waste_co2e_kg: 'Waste CO2e',
    anomalies: 'Anomalies',
    qc_pass_rate: 'QC pass rate',
    revenue: 'Revenue',
    units: 'Units sold',
  },
};

const actionNames: Record<ReportLanguage, Record<SopDecision['action'], string>> = {
  es: {
    raise_order: 'Aumentar el pedido',
    reduce_order: 'Reducir el pedido',
    transfer_stock: 'Transferir stock',
    markdown_or_donate: 'Rebajar o donar',
    review_forecast: 'Revisar el pronóstico',
    investigate_anomaly: 'Investigar la anomalía',
    quality_hold: 'Retener por calidad',
  },
  en: {
    raise_order: 'Raise the order',
    reduce_order: 'Reduce the order',
    transfer_stock: 'Transfer stock',
    markdown_or_donate: 'Mark down or donate',
    review_forecast: 'Review the forecast',
    investigate_anomaly: 'Investigate the anomaly',
    quality_hold: 'Quality hold',
  },
};

export interface ReportWords {
  language: ReportLanguage;
  label(key: LabelKey): string;
  kpiName(id: SopKpi['id']): string;
  actionName(action: SopDecision['action']): string;
  /** 8,400 or 12.5 (one decimal below 100) */
  number(value: number): string;
  /** "S/ 8,400" */
  money(value: number): string;
  /** 0.123 -> "12.3%" */
  percent(fraction: number): string;
  /** a signed percentage: 0.05 -> "+5.0%" */
  signedPercent(fraction: number): string;
  /** "2026-10" -> "octubre de 2026" / "October 2026" */
  monthName(month: string): string;
  /** a KPI's value in its unit */
  kpiValue(kpi: Pick<SopKpi, 'unit'>, value: number | null): string;
  /** the "not available" line for a missing value or section */
  missing: string;
}

export function reportWords(language: ReportLanguage): ReportWords {
  const locale = language === 'es' ? 'es-PE' : 'en-US';
  const table: Record<LabelKey, string> = language === 'es' ? spanish : english;
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percentFormat = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const monthFormat = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const number = (value: number) =>
    Math.abs(value) >= 100 ? whole.format(value) : oneDecimal.format(value);
  const money = (value: number) => `${value < 0 ? '-' : ''}S/ ${whole.format(Math.abs(value))}`;
  const percent = (fraction: number) => percentFormat.format(fraction);
  const missing = language === 'es' ? 'n/d' : 'n/a';
  return {
    language,
    label: (key) => table[key],
    kpiName: (id) => kpiNames[language][id],
    actionName: (action) => actionNames[language][action],
    number,
    money,
    percent,
    signedPercent: (fraction) => `${fraction > 0 ? '+' : ''}${percent(fraction)}`,
    monthName: (month) => {
      const date = new Date(`${month}-01T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? month : monthFormat.format(date);
    },
    kpiValue: (kpi, value) => {
      if (value === null) return missing;
      switch (kpi.unit) {
        case 'fraction':
          return percent(value);
        case 'soles':
          return money(value);
        case 'days':
          return `${oneDecimal.format(value)} ${language === 'es' ? 'días' : 'days'}`;
        case 'kg':
          return `${number(value)} kg`;
        case 'units':
        case 'count':
          return number(value);
      }
    },
    missing,
  };
}
