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

// The openings of the reasons the builders write in English, in Spanish (the rest, names and
// dates, stays as written); a reason not listed is shown as written.
const spanishReasons: [RegExp, string][] = [
  [/^no (packaging )?inspections recorded in /i, 'sin inspecciones registradas en '],
  [/^inspection records are not available$/i, 'no hay registros de inspección'],
  [/^no stock counts in the store for /i, 'sin conteos de stock en el sistema para '],
  [/^no stock counts in the store$/i, 'sin conteos de stock en el sistema'],
  [/^no sales in the store for /i, 'sin ventas en el sistema para '],
  [/^no sales in the store$/i, 'sin ventas en el sistema'],
  [/^no sales in /i, 'sin ventas en '],
  [/^too little history to forecast /i, 'historia insuficiente para pronosticar '],
  [/^could not be computed: /i, 'no se pudo calcular: '],
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
  if (data.outlook.length > 0) {
    // each month as computed: a sum of the months would be a figure the facts do not hold
    const months = data.outlook
      .map(
        (month) =>
          `${formatMonthName(month.month, language)} ${formatNumber(month.forecastUnits, language)}`,
      )
      .join(', ');
    parts.push(es(writer) ? `pronóstico en unidades: ${months}` : `forecast units: ${months}`);
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
      ? `${formatNumber(data.serviceLevel.stockoutDays, language)} días-ítem con quiebre de stock`
      : `${formatNumber(data.serviceLevel.stockoutDays, language)} item-days out of stock`,
  );
  // the lists hold the largest rows only: their lengths are not totals, so they are not written
  const stockout = data.projectedStockouts[0];
  if (stockout) {
    parts.push(
      es(writer)
        ? `mayor quiebre proyectado: ${writer.product(stockout.sku)} en ${writer.location(stockout.location)} en ${formatNumber(stockout.daysUntilStockout, language, 1)} días, ${formatMoney(stockout.lostSalesValue, language)} de ventas perdidas`
        : `largest projected stock-out: ${writer.product(stockout.sku)} at ${writer.location(stockout.location)} in ${formatNumber(stockout.daysUntilStockout, language, 1)} days, ${formatMoney(stockout.lostSalesValue, language)} of lost sales`,
    );
  }
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
  const biggest = [...data.anomalies].sort(
    (left, right) => right.valueAtRisk - left.valueAtRisk,
  )[0];
  if (!biggest) {
    return es(writer)
      ? `${sectionTitles[language].anomalies}: ninguna sin explicación en el mes.`
      : `${sectionTitles[language].anomalies}: none unexplained in the month.`;
  }
  return es(writer)
    ? `${sectionTitles[language].anomalies}: la mayor sin explicación: ${writer.product(biggest.sku)} en ${writer.location(biggest.location)} el ${biggest.date}, ${formatNumber(biggest.units, language)} unidades frente a ${formatNumber(biggest.expectedUnits, language)} esperadas, ${formatMoney(biggest.valueAtRisk, language)} en riesgo.`
    : `${sectionTitles[language].anomalies}: largest unexplained: ${writer.product(biggest.sku)} at ${writer.location(biggest.location)} on ${biggest.date}, ${formatNumber(biggest.units, language)} units against ${formatNumber(biggest.expectedUnits, language)} expected, ${formatMoney(biggest.valueAtRisk, language)} at risk.`;
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
  const names = (items: readonly { sku: string }[], describe: (index: number) => string) =>
    items
      .slice(0, 3)
      .map((item, index) => `${writer.product(item.sku)}${describe(index)}`)
      .join(', ');
  const parts: string[] = [];
  if (data.launches.length > 0) {
    const launches = names(data.launches, (index) => {
      const ratio = data.launches[index]?.ratio ?? null;
      return ratio === null
        ? ''
        : ` (${formatPercent(ratio, language, { digits: 0 })} ${es(writer) ? 'de lo previsto por análogos' : 'of its analogue forecast'})`;
    });
    parts.push(`${es(writer) ? 'lanzamientos' : 'launches'}: ${launches}`);
  }
  if (data.declining.length > 0) {
    const declining = names(data.declining, (index) => {
      // changePct is a fraction (-0.23 = 23% less than a year earlier)
      const change = data.declining[index]?.changePct ?? 0;
      return ` (${formatPercent(change, language, { signed: true })})`;
    });
    parts.push(`${es(writer) ? 'en declive' : 'declining'}: ${declining}`);
  }
  if (data.discontinued.length > 0) {
    const discontinued = names(data.discontinued, (index) => {
      const units = data.discontinued[index]?.onHandUnits ?? 0;
      return ` (${formatNumber(units, language)} ${es(writer) ? 'unidades en stock' : 'units in stock'})`;
    });
    parts.push(`${es(writer) ? 'descontinuados' : 'discontinued'}: ${discontinued}`);
  }
  if (parts.length === 0) {
    parts.push(
      es(writer)
        ? 'sin lanzamientos, productos en declive ni descontinuados'
        : 'no launches, declining or discontinued products',
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
  const scopeParts = [
    ...(facts.scope.categories ?? []),
    ...(facts.scope.regions ?? []).map((region) => `${es(writer) ? 'región' : 'region'} ${region}`),
    ...(facts.scope.locations ?? []).map((code) => writer.location(code)),
  ];
  const scope =
    scopeParts.length > 0
      ? scopeParts.join(' · ')
      : es(writer)
        ? 'toda la empresa'
        : 'whole company';
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
