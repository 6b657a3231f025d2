// The deterministic S&OP narrative (no model, or when the model's narrative cannot be used):
// a headline from the biggest issue, one line per section (or "not available" with the reason)
// and the ranked decisions in words. Every figure it writes is a number of the facts, formatted.
import {
  formatMoney,
  formatMonthName,
  formatNumber,
  formatPercent,
  nameMonthsIn,
  type SopLanguage,
} from './format-figures';
import type { SopDecision, SopFacts, SopNarrative } from './sop-facts';

type SectionName = 'demandReview' | 'supplyReview' | 'anomalies' | 'quality' | 'lifecycle';

export const sectionTitles: Record<SopLanguage, Record<SectionName, string>> = {
  es: {
    demandReview: 'Demanda',
    supplyReview: 'Inventario y abastecimiento',
    anomalies: 'Anomalías',
    quality: 'Calidad',
    lifecycle: 'Ciclo de vida',
  },
  en: {
    demandReview: 'Demand',
    supplyReview: 'Supply and inventory',
    anomalies: 'Anomalies',
    quality: 'Quality',
    lifecycle: 'Product lifecycle',
  },
};

const notAvailableWords: Record<SopLanguage, string> = {
  es: 'no disponible',
  en: 'not available',
};

// Reasons the builders write in English, in Spanish; anything else is shown as written.
const spanishReasons: [RegExp, string][] = [
  [/^no inspections recorded in (.+)$/i, 'sin inspecciones registradas en $1'],
  [/^no inspection records in the store$/i, 'no hay registros de inspección en el sistema'],
  [/^no stock counts in the store$/i, 'no hay conteos de stock en el sistema'],
  [/^no sales in (.+)$/i, 'sin ventas en $1'],
  [/^could not be computed: (.+)$/i, 'no se pudo calcular: $1'],
];

export function reasonIn(reason: string, language: SopLanguage): string {
  let text = reason;
  if (language === 'es') {
    for (const [pattern, spanish] of spanishReasons) {
      if (pattern.test(text)) {
        text = text.replace(pattern, spanish);
        break;
      }
    }
  }
  return nameMonthsIn(text, language);
}

/** "Calidad: no disponible — sin inspecciones registradas en octubre de 2026" */
export function notAvailableLine(
  section: SectionName,
  reason: string,
  language: SopLanguage,
): string {
  return `${sectionTitles[language][section]}: ${notAvailableWords[language]} — ${reasonIn(reason, language)}`;
}

interface Writer {
  language: SopLanguage;
  product(sku: string | undefined): string;
  location(code: string | undefined): string;
}

function writerFor(facts: SopFacts, language: SopLanguage): Writer {
  const products = facts.labels?.products ?? {};
  const locations = facts.labels?.locations ?? {};
  return {
    language,
    product: (sku) => (sku === undefined ? '' : (products[sku] ?? sku)),
    location: (code) => (code === undefined ? '' : (locations[code] ?? code)),
  };
}

const es = (writer: Writer) => writer.language === 'es';

/** "1 item", "2 items": the count formatted with the word that fits it. */
function counted(count: number, language: SopLanguage, one: string, many: string): string {
  return `${formatNumber(count, language)} ${count === 1 ? one : many}`;
}

function demandLine(facts: SopFacts, writer: Writer): string | undefined {
  if (facts.demandReview.status !== 'available') return undefined;
  const data = facts.demandReview.data;
  const { language } = writer;
  const parts: string[] = [];
  if (data.overall.wape !== null) parts.push(`WAPE ${formatPercent(data.overall.wape, language)}`);
  if (data.overall.bias !== null) {
    const direction =
      data.overall.bias > 0
        ? es(writer)
          ? 'pronóstico por encima de lo vendido'
          : 'forecast above sales'
        : es(writer)
          ? 'pronóstico por debajo de lo vendido'
          : 'forecast below sales';
    parts.push(
      `${es(writer) ? 'sesgo' : 'bias'} ${formatPercent(data.overall.bias, language, { signed: true })} (${direction})`,
    );
  }
  parts.push(
    es(writer)
      ? `${formatNumber(data.overall.actualUnits, language)} unidades vendidas frente a ${formatNumber(data.overall.forecastUnits, language)} pronosticadas`
      : `${formatNumber(data.overall.actualUnits, language)} units sold against ${formatNumber(data.overall.forecastUnits, language)} forecast`,
  );
  const worst = data.worstItems[0];
  if (worst) {
    parts.push(
      es(writer)
        ? `mayor error: ${writer.product(worst.sku)} en ${writer.location(worst.location)}, ${formatNumber(worst.absErrorUnits, language)} unidades`
        : `largest error: ${writer.product(worst.sku)} at ${writer.location(worst.location)}, ${formatNumber(worst.absErrorUnits, language)} units`,
    );
  }
  const outlook = data.outlook.reduce((total, month) => total + month.forecastUnits, 0);
  if (data.outlook.length > 0) {
    parts.push(
      es(writer)
        ? `${data.outlook.length === 1 ? `${nameMonthsIn(data.outlook[0]?.month ?? '', language)}` : `próximos ${data.outlook.length} meses`}: ${formatNumber(outlook, language)} unidades pronosticadas`
        : `${data.outlook.length === 1 ? `${nameMonthsIn(data.outlook[0]?.month ?? '', language)}` : `next ${data.outlook.length} months`}: ${formatNumber(outlook, language)} units forecast`,
    );
  }
  return `${sectionTitles[language].demandReview}: ${parts.join('; ')}.`;
}

function supplyLine(facts: SopFacts, writer: Writer): string | undefined {
  if (facts.supplyReview.status !== 'available') return undefined;
  const data = facts.supplyReview.data;
  const { language } = writer;
  const parts: string[] = [];
  if (data.serviceLevel.fillRate !== null) {
    parts.push(
      `${es(writer) ? 'nivel de servicio (fill rate)' : 'fill rate'} ${formatPercent(data.serviceLevel.fillRate, language)}`,
    );
  }
  parts.push(
    es(writer)
      ? `${counted(data.belowSafetyStock.length, language, 'ítem', 'ítems')} bajo stock de seguridad y ${counted(data.projectedStockouts.length, language, 'quiebre proyectado', 'quiebres proyectados')} dentro del tiempo de reposición`
      : `${counted(data.belowSafetyStock.length, language, 'item', 'items')} below safety stock and ${counted(data.projectedStockouts.length, language, 'projected stock-out', 'projected stock-outs')} within lead time`,
  );
  parts.push(
    es(writer)
      ? `exceso de stock ${formatMoney(data.excess.totalValue, language)}`
      : `excess stock ${formatMoney(data.excess.totalValue, language)}`,
  );
  parts.push(
    es(writer)
      ? `riesgo de vencimiento ${formatMoney(data.expiryRisk.value, language)} (${formatNumber(data.expiryRisk.units, language)} unidades)`
      : `expiry risk ${formatMoney(data.expiryRisk.value, language)} (${formatNumber(data.expiryRisk.units, language)} units)`,
  );
  if (data.expectedWaste.co2eKg !== null && data.expectedWaste.co2eKg > 0) {
    parts.push(
      es(writer)
        ? `merma esperada ${formatNumber(data.expectedWaste.co2eKg, language)} kg CO2e`
        : `expected waste ${formatNumber(data.expectedWaste.co2eKg, language)} kg CO2e`,
    );
  }
  return `${sectionTitles[language].supplyReview}: ${parts.join('; ')}.`;
}

function anomaliesLine(facts: SopFacts, writer: Writer): string | undefined {
  if (facts.anomalies.status !== 'available') return undefined;
  const data = facts.anomalies.data;
  const { language } = writer;
  const count = formatNumber(data.anomalies.length, language);
  const explained = formatNumber(data.explained.length, language);
  const parts = [
    es(writer)
      ? `${count} sin explicación y ${explained} explicadas por promociones, feriados o quiebres`
      : `${count} unexplained and ${explained} explained by promotions, holidays or stock-outs`,
  ];
  const biggest = [...data.anomalies].sort(
    (left, right) => right.valueAtRisk - left.valueAtRisk,
  )[0];
  if (biggest) {
    parts.push(
      es(writer)
        ? `la mayor: ${writer.product(biggest.sku)} en ${writer.location(biggest.location)} el ${biggest.date}, ${formatMoney(biggest.valueAtRisk, language)} en riesgo`
        : `largest: ${writer.product(biggest.sku)} at ${writer.location(biggest.location)} on ${biggest.date}, ${formatMoney(biggest.valueAtRisk, language)} at risk`,
    );
  }
  return `${sectionTitles[language].anomalies}: ${parts.join('; ')}.`;
}

function qualityLine(facts: SopFacts, writer: Writer): string | undefined {
  if (facts.quality.status !== 'available') return undefined;
  const { overall } = facts.quality.data;
  const { language } = writer;
  const rate =
    overall.passRate === null
      ? es(writer)
        ? 'sin tasa de aprobación (todas las fotos por repetir)'
        : 'no pass rate (every photo to retake)'
      : `${es(writer) ? 'tasa de aprobación' : 'pass rate'} ${formatPercent(overall.passRate, language)}`;
  const counts = es(writer)
    ? `${counted(overall.inspected, language, 'inspección', 'inspecciones')}, ${counted(overall.failed, language, 'rechazada', 'rechazadas')}, ${formatNumber(overall.needsReview, language)} por revisar`
    : `${counted(overall.inspected, language, 'inspection', 'inspections')}, ${formatNumber(overall.failed, language)} failed, ${formatNumber(overall.needsReview, language)} to review`;
  return `${sectionTitles[language].quality}: ${rate}; ${counts}.`;
}

function lifecycleLine(facts: SopFacts, writer: Writer): string | undefined {
  if (facts.lifecycle.status !== 'available') return undefined;
  const data = facts.lifecycle.data;
  const { language } = writer;
  const parts = [
    es(writer)
      ? `${counted(data.launches.length, language, 'lanzamiento', 'lanzamientos')}, ${counted(data.declining.length, language, 'producto en declive', 'productos en declive')}, ${counted(data.discontinued.length, language, 'descontinuado', 'descontinuados')}`
      : `${counted(data.launches.length, language, 'launch', 'launches')}, ${counted(data.declining.length, language, 'declining product', 'declining products')}, ${formatNumber(data.discontinued.length, language)} discontinued`,
  ];
  const launch = data.launches.find((item) => item.ratio !== null);
  if (launch && launch.ratio !== null) {
    parts.push(
      es(writer)
        ? `${writer.product(launch.sku)} vende ${formatPercent(launch.ratio, language, { digits: 0 })} de lo previsto por análogos`
        : `${writer.product(launch.sku)} sells ${formatPercent(launch.ratio, language, { digits: 0 })} of its analogue forecast`,
    );
  }
  const stock = data.discontinued.reduce((total, item) => total + item.onHandUnits, 0);
  if (stock > 0) {
    parts.push(
      es(writer)
        ? `${formatNumber(stock, language)} unidades en stock de productos descontinuados`
        : `${formatNumber(stock, language)} units in stock of discontinued products`,
    );
  }
  return `${sectionTitles[language].lifecycle}: ${parts.join('; ')}.`;
}

const lineWriters: Record<SectionName, (facts: SopFacts, writer: Writer) => string | undefined> = {
  demandReview: demandLine,
  supplyReview: supplyLine,
  anomalies: anomaliesLine,
  quality: qualityLine,
  lifecycle: lifecycleLine,
};

export const sopSectionNames: readonly SectionName[] = [
  'demandReview',
  'supplyReview',
  'anomalies',
  'quality',
  'lifecycle',
];

const actionWords: Record<SopLanguage, Record<SopDecision['action'], string>> = {
  es: {
    raise_order: 'Subir el pedido de',
    reduce_order: 'Reducir el pedido de',
    transfer_stock: 'Transferir stock de',
    markdown_or_donate: 'Rebajar o donar',
    review_forecast: 'Revisar el pronóstico de',
    investigate_anomaly: 'Investigar la anomalía de',
    quality_hold: 'Retener para revisión de calidad',
  },
  en: {
    raise_order: 'Raise the order of',
    reduce_order: 'Reduce the order of',
    transfer_stock: 'Transfer stock of',
    markdown_or_donate: 'Mark down or donate',
    review_forecast: 'Review the forecast of',
    investigate_anomaly: 'Investigate the anomaly of',
    quality_hold: 'Hold for quality review',
  },
};

const riskWords: Record<SopLanguage, Record<SopDecision['action'], string>> = {
  es: {
    raise_order: 'de ventas en riesgo',
    reduce_order: 'de stock en exceso',
    transfer_stock: 'en riesgo',
    markdown_or_donate: 'en riesgo de vencimiento',
    review_forecast: 'de error de pronóstico',
    investigate_anomaly: 'en riesgo',
    quality_hold: 'en riesgo',
  },
  en: {
    raise_order: 'of sales at risk',
    reduce_order: 'of excess stock',
    transfer_stock: 'at risk',
    markdown_or_donate: 'at risk of expiry',
    review_forecast: 'of forecast error',
    investigate_anomaly: 'at risk',
    quality_hold: 'at risk',
  },
};

/** "Subir el pedido de Yogur 1 L en Arequipa en 1,200 unidades: S/ 8,400 de ventas en riesgo" */
export function decisionSentence(decision: SopDecision, facts: SopFacts, language: SopLanguage) {
  const writer = writerFor(facts, language);
  const what = decision.sku === undefined ? '' : ` ${writer.product(decision.sku)}`;
  const where =
    decision.location === undefined
      ? ''
      : ` ${es(writer) ? 'en' : 'at'} ${writer.location(decision.location)}`;
  const changesOrder = decision.action === 'raise_order' || decision.action === 'reduce_order';
  const amount =
    decision.units === undefined
      ? ''
      : changesOrder
        ? ` ${es(writer) ? 'en' : 'by'} ${formatNumber(decision.units, language)} ${es(writer) ? 'unidades' : 'units'}`
        : ` (${formatNumber(decision.units, language)} ${es(writer) ? 'unidades' : 'units'})`;
  return `${actionWords[language][decision.action]}${what}${where}${amount}: ${formatMoney(decision.valueAtRisk, language)} ${riskWords[language][decision.action]}`;
}

function headlineOf(facts: SopFacts, writer: Writer): string {
  const { language } = writer;
  const scope =
    Object.keys(facts.scope).length === 0
      ? es(writer)
        ? 'toda la empresa'
        : 'whole company'
      : facts.scopeLabel;
  const month = formatMonthName(facts.month, language);
  const opening = `S&OP ${month} (${scope})`;
  const top = [...facts.decisions].sort((left, right) => left.rank - right.rank)[0];
  if (top) return `${opening}: ${decisionSentence(top, facts, language)}.`;
  const revenue = facts.kpis.find((kpi) => kpi.id === 'revenue')?.value ?? null;
  const units = facts.kpis.find((kpi) => kpi.id === 'units')?.value ?? null;
  if (revenue !== null && units !== null) {
    return es(writer)
      ? `${opening}: sin decisiones urgentes; ${formatNumber(units, language)} unidades vendidas por ${formatMoney(revenue, language)}.`
      : `${opening}: no urgent decisions; ${formatNumber(units, language)} units sold for ${formatMoney(revenue, language)}.`;
  }
  return es(writer) ? `${opening}: sin decisiones urgentes.` : `${opening}: no urgent decisions.`;
}

/** The narrative of the facts in Spanish (Peru) or English, without a model. */
export function templateNarrative(facts: SopFacts, language: SopLanguage): SopNarrative {
  const writer = writerFor(facts, language);
  const keyIssues = sopSectionNames.map((name) => {
    const section = facts[name];
    return section.status === 'available'
      ? (lineWriters[name](facts, writer) as string)
      : notAvailableLine(name, section.reason, language);
  });
  const decisions = [...facts.decisions]
    .sort((left, right) => left.rank - right.rank)
    .slice(0, 10)
    .map((decision) => `${decisionSentence(decision, facts, language)}.`);
  const headline = headlineOf(facts, writer);
  return {
    headline: headline.length <= 300 ? headline : `S&OP ${formatMonthName(facts.month, language)}.`,
    keyIssues,
    decisions: decisions.filter((sentence) => sentence.length <= 600),
  };
}
