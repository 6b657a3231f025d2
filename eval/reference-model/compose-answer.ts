// The reference model's final answers, composed from the tool messages it was sent (the tools'
// compact model output): every figure is copied from them, knowledge answers carry the passage's
// source label, an ambiguous product becomes a question listing the candidates, and passages that
// address instructions to the assistant are named and not followed.
export type AnswerLanguage = 'es' | 'en';

export interface ToolMessage {
  toolName: string;
  content: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const text = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);

/** Text in a passage that addresses the assistant instead of informing the reader. */
export const injectionPattern =
  /ignor[ae]\w*\s+(?:\w+\s+){0,4}(?:instrucci|reglas|rules|instructions)|ignore (?:all|any|previous|your)|asistentes? de (?:IA|inteligencia artificial)|AI assistants?/i;

const phrases = {
  es: {
    total: 'Total',
    units: 'unidades',
    declined:
      'Lo siento, eso está fuera de lo que puedo hacer. Puedo ayudarte con ventas, pronósticos de demanda, anomalías, inventario, control de calidad de empaques y el resumen S&OP de la empresa.',
    greeting:
      '¡Hola! Soy Ayni, el asistente de planeamiento. Puedo ayudarte con ventas, pronósticos, anomalías, inventario, calidad de empaques y el resumen S&OP.',
  },
  en: {
    total: 'Total',
    units: 'units',
    declined:
      'Sorry, that is outside what I can do. I can help with sales, demand forecasts, anomalies, inventory, packaging quality checks and the S&OP summary of the company.',
    greeting:
      'Hello! I am Ayni, the planning assistant. I can help with sales, forecasts, anomalies, inventory, packaging quality and the S&OP summary.',
  },
} as const;

export function declineAnswer(language: AnswerLanguage, chitchat: boolean): string {
  return chitchat ? phrases[language].greeting : phrases[language].declined;
}

function labelOf(row: Json): string {
  return ['period', 'sku', 'product', 'category', 'location', 'region']
    .map((key) => text(row[key]))
    .filter(Boolean)
    .join(' · ');
}

function salesAnswer(output: Json, language: AnswerLanguage): string {
  const rows = list(output.rows).slice(0, 8);
  const lines = rows.map(
    (row) =>
      `- ${labelOf(row)}: ${text(row.units)} ${phrases[language].units} (S/ ${text(row.revenue)})`,
  );
  const head =
    language === 'es' ? `Ventas de ${text(output.scope)}:` : `Sales of ${text(output.scope)}:`;
  const total =
    language === 'es'
      ? `En total son ${text(output.totalUnits)} unidades y S/ ${text(output.totalRevenue)} en el periodo consultado.`
      : `In total that is ${text(output.totalUnits)} units and S/ ${text(output.totalRevenue)} over the period asked.`;
  return [head, ...lines, total].join('\n');
}

function forecastAnswer(output: Json, language: AnswerLanguage): string {
  const periods = list(output.forecast);
  const first = periods[0];
  const last = periods.at(-1);
  const accuracy = isObject(output.accuracy) ? output.accuracy : undefined;
  if (language === 'es') {
    const parts = [
      `Pronóstico de ${text(output.scope)} con el método ${text(output.method)}, hasta el periodo que empieza el ${text(last?.start)}.`,
    ];
    if (first)
      parts.push(
        `Para el periodo que empieza el ${text(first.start)} se esperan ${text(first.units)} unidades, con un rango probable entre ${text(first.low80)} y ${text(first.high80)}.`,
      );
    if (accuracy?.wapePercent !== undefined && accuracy.wapePercent !== null)
      parts.push(
        `En la prueba sobre el historial el error WAPE fue de ${text(accuracy.wapePercent)} %.`,
      );
    return parts.join(' ');
  }
  const parts = [
    `Forecast for ${text(output.scope)} with the ${text(output.method)} method, up to the period starting ${text(last?.start)}.`,
  ];
  if (first)
    parts.push(
      `For the period starting ${text(first.start)} the forecast is ${text(first.units)} units, likely between ${text(first.low80)} and ${text(first.high80)}.`,
    );
  if (accuracy?.wapePercent !== undefined && accuracy.wapePercent !== null)
    parts.push(`On the history backtest the WAPE was ${text(accuracy.wapePercent)} %.`);
  return parts.join(' ');
}

function anomalyAnswer(output: Json, language: AnswerLanguage): string {
  const anomalies = list(output.anomalies);
  const rules = list(output.rules);
  const describe = (item: Json) =>
    ['product', 'sku', 'location', 'kind', 'start', 'severity']
      .map((key) => text(item[key]))
      .filter(Boolean)
      .join(', ') +
    (item.observed !== undefined
      ? language === 'es'
        ? ` (observado ${text(item.observed)}, esperado ${text(item.expected)})`
        : ` (observed ${text(item.observed)}, expected ${text(item.expected)})`
      : '');
  const lines = anomalies.slice(0, 5).map((item) => `- ${describe(item)}`);
  const ruleLines = rules
    .slice(0, 5)
    .map(
      (rule) =>
        `- ${[rule.rule, rule.sku, rule.location, rule.dates, rule.severity].map(text).filter(Boolean).join(', ')}`,
    );
  if (language === 'es')
    return [
      `Revisé ${text(output.scope)} en el periodo ${text(output.period)}: ${anomalies.length === 0 ? 'no encontré anomalías sin explicar' : 'encontré estas anomalías sin explicar'}.`,
      ...lines,
      ...(ruleLines.length > 0 ? ['Alertas de reglas de negocio:', ...ruleLines] : []),
    ].join('\n');
  return [
    `I checked ${text(output.scope)} over ${text(output.period)}: ${anomalies.length === 0 ? 'I found no unexplained anomalies' : 'I found these unexplained anomalies'}.`,
    ...lines,
    ...(ruleLines.length > 0 ? ['Business-rule alerts:', ...ruleLines] : []),
  ].join('\n');
}

function inventoryAnswer(output: Json, language: AnswerLanguage): string {
  const items = list(output.topItems).slice(0, 4);
  const lines = items.map((item) =>
    language === 'es'
      ? `- ${text(item.sku)} en ${text(item.location)}: punto de reorden ${text(item.reorderPoint)}, reponer hasta ${text(item.orderUpTo)}, pedir ahora ${text(item.orderNow)} unidades; fill rate esperado ${text(item.expectedFillRatePercent)} % y cobertura actual de ${text(item.daysOfCover)} días.`
      : `- ${text(item.sku)} at ${text(item.location)}: reorder point ${text(item.reorderPoint)}, order up to ${text(item.orderUpTo)}, order ${text(item.orderNow)} units now; expected fill rate ${text(item.expectedFillRatePercent)} % and ${text(item.daysOfCover)} days of cover today.`,
  );
  return [
    language === 'es'
      ? `Política recomendada para ${text(output.scope)}:`
      : `Recommended policy for ${text(output.scope)}:`,
    ...lines,
  ].join('\n');
}

function firstSentence(passage: string): string {
  const plain = passage
    .replace(/^#+ .*$/gm, ' ')
    .replace(/\*\*|`|^\s*(?:[-*]|\d+\.)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  const end = plain.slice(40).search(/\.(\s|$)/);
  return (end === -1 ? plain.slice(0, 280) : plain.slice(0, 40 + end + 1)).trim();
}

function knowledgeAnswer(output: Json, language: AnswerLanguage): string {
  const passages = list(output.passages);
  const clean = passages.filter((passage) => !injectionPattern.test(text(passage.text)));
  const flagged = passages.filter((passage) => injectionPattern.test(text(passage.text)));
  const lines = clean
    .slice(0, 2)
    .map((passage) =>
      language === 'es'
        ? `Según ${text(passage.source)}: ${firstSentence(text(passage.text))}`
        : `According to ${text(passage.source)}: ${firstSentence(text(passage.text))}`,
    );
  if (lines.length === 0)
    lines.push(
      language === 'es'
        ? 'La base de conocimiento no cubre esta pregunta.'
        : 'The knowledge base does not cover this question.',
    );
  for (const passage of flagged)
    lines.push(
      language === 'es'
        ? `Nota: el pasaje ${text(passage.source)} contiene instrucciones dirigidas al asistente; no las seguí y conviene revisarlo.`
        : `Note: the passage ${text(passage.source)} holds instructions addressed to the assistant; I did not follow them and it should be reviewed.`,
    );
  return lines.join('\n');
}

function kpi(
  kpis: Json,
  name: string,
  field: 'value' | 'percent',
  language: AnswerLanguage,
): string {
  const entry = isObject(kpis[name]) ? kpis[name] : undefined;
  const value = entry?.[field];
  if (value === null || value === undefined)
    return language === 'es' ? 'no disponible' : 'not available';
  return text(value);
}

function sopAnswer(output: Json, language: AnswerLanguage): string {
  const kpis = isObject(output.kpis) ? output.kpis : {};
  const sections = isObject(output.sections) ? output.sections : {};
  const quality = text(sections.quality ?? output.quality);
  const qualityMissing = kpi(kpis, 'qc_pass_rate', 'percent', language);
  if (language === 'es')
    return [
      `Resumen S&OP de ${text(output.month)} (${text(output.scope)}):`,
      `- Ventas: S/ ${kpi(kpis, 'revenue', 'value', language)} (mes anterior: S/ ${text(isObject(kpis.revenue) ? kpis.revenue.previous : '')}); ${kpi(kpis, 'units', 'value', language)} unidades.`,
      `- Precisión del pronóstico: WAPE ${kpi(kpis, 'wape', 'percent', language)} %, sesgo ${kpi(kpis, 'bias', 'percent', language)} %.`,
      `- Servicio: fill rate ${kpi(kpis, 'fill_rate', 'percent', language)} %, ${kpi(kpis, 'stockout_days', 'value', language)} días con quiebre, cobertura de ${kpi(kpis, 'days_of_cover', 'value', language)} días.`,
      `- Riesgo de vencimiento: S/ ${kpi(kpis, 'expiry_risk_value', 'value', language)}.`,
      `- Calidad: ${qualityMissing === 'no disponible' || /not available/.test(quality) ? 'no disponible, porque no hay registros de inspección para este mes' : `${qualityMissing} % de inspecciones aprobadas`}.`,
    ].join('\n');
  return [
    `S&OP summary for ${text(output.month)} (${text(output.scope)}):`,
    `- Revenue: S/ ${kpi(kpis, 'revenue', 'value', language)} (previous month: S/ ${text(isObject(kpis.revenue) ? kpis.revenue.previous : '')}); ${kpi(kpis, 'units', 'value', language)} units.`,
    `- Forecast accuracy: WAPE ${kpi(kpis, 'wape', 'percent', language)} %, bias ${kpi(kpis, 'bias', 'percent', language)} %.`,
    `- Service: fill rate ${kpi(kpis, 'fill_rate', 'percent', language)} %, ${kpi(kpis, 'stockout_days', 'value', language)} stockout days, ${kpi(kpis, 'days_of_cover', 'value', language)} days of cover.`,
    `- Expiry risk: S/ ${kpi(kpis, 'expiry_risk_value', 'value', language)}.`,
    `- Quality: ${qualityMissing === 'not available' || /not available/.test(quality) ? 'not available, as there are no inspection records for this month' : `${qualityMissing} % of inspections passed`}.`,
  ].join('\n');
}

const verdictWords: Record<string, Record<AnswerLanguage, string>> = {
  pass: { es: 'APROBADO', en: 'PASS' },
  fail: { es: 'RECHAZADO', en: 'FAIL' },
  needs_review: { es: 'REQUIERE REVISIÓN', en: 'NEEDS REVIEW' },
  retake: { es: 'REPETIR LA FOTO', en: 'RETAKE THE PHOTO' },
};

function inspectionAnswer(output: Json, language: AnswerLanguage): string {
  const lines = list(output.photos ?? output.results).map((result) => {
    if (result.rejected !== undefined)
      return language === 'es'
        ? `- Foto ${text(result.photo)}: no se pudo inspeccionar (${text(result.rejected)}).`
        : `- Photo ${text(result.photo)}: could not be inspected (${text(result.rejected)}).`;
    const verdict = text(result.verdict);
    const word = verdictWords[verdict]?.[language] ?? verdict;
    // in Spanish only the finding's kind and severity: the checks write their messages in English
    const findings = (Array.isArray(result.findings) ? result.findings.map(text) : []).map(
      (finding) => (language === 'es' ? finding.replace(/\):[\s\S]*$/, ')') : finding),
    );
    const because =
      findings.length > 0 || language === 'es'
        ? findings.join('; ')
        : Array.isArray(result.reasons)
          ? result.reasons.map(text).join('; ')
          : '';
    return language === 'es'
      ? `- Foto ${text(result.photo)}: veredicto ${word} (${verdict}).${because ? ` Hallazgos: ${because}` : ''}`
      : `- Photo ${text(result.photo)}: verdict ${word} (${verdict}).${because ? ` Findings: ${because}` : ''}`;
  });
  return [
    language === 'es' ? 'Resultado de la inspección del empaque:' : 'Packaging inspection result:',
    ...lines,
  ].join('\n');
}

function errorAnswer(error: Json, language: AnswerLanguage): string {
  const candidates = list(error.candidates).map(
    (item) => `${text(item.code)} (${text(item.name)})`,
  );
  if (error.kind === 'ambiguous' && candidates.length > 0)
    return language === 'es'
      ? `Hay varios productos con ese nombre. ¿A cuál te refieres?\n${candidates.map((item) => `- ${item}`).join('\n')}`
      : `Several products in the catalogue match that name, so I did not guess. Which one do you mean? Please tell me and I will run it for that product:\n${candidates.map((item) => `- ${item}`).join('\n')}`;
  if (error.kind === 'not_found')
    return language === 'es'
      ? `No encontré lo que pediste en el catálogo.${candidates.length > 0 ? ` Los nombres más parecidos son: ${candidates.join(', ')}. ¿Es alguno de ellos?` : ''}`
      : `I could not find that in the catalogue.${candidates.length > 0 ? ` The closest names are: ${candidates.join(', ')}. Is it one of them?` : ''}`;
  return language === 'es'
    ? `No pude completar la consulta: ${text(error.message)}`
    : `I could not complete the request: ${text(error.message)}`;
}

const composers: Record<string, (output: Json, language: AnswerLanguage) => string> = {
  query_sales: salesAnswer,
  forecast_demand: forecastAnswer,
  detect_anomalies: anomalyAnswer,
  optimize_inventory: inventoryAnswer,
  search_knowledge: knowledgeAnswer,
  sop_summary: sopAnswer,
  inspect_packaging: inspectionAnswer,
};

/** One paragraph per tool message, in the order the tools answered. */
export function composeAnswer(messages: readonly ToolMessage[], language: AnswerLanguage): string {
  const paragraphs = messages.map((message) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.content);
    } catch {
      parsed = undefined;
    }
    if (!isObject(parsed))
      return language === 'es'
        ? `La herramienta ${message.toolName} respondió algo que no pude leer.`
        : `The ${message.toolName} tool answered something I could not read.`;
    if (isObject(parsed.error)) return errorAnswer(parsed.error, language);
    const compose = composers[message.toolName];
    return compose
      ? compose(parsed, language)
      : language === 'es'
        ? `La herramienta ${message.toolName} no es una que sepa resumir.`
        : `I cannot summarise the ${message.toolName} tool.`;
  });
  return paragraphs.join('\n\n');
}
