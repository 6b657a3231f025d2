// The report's content once, in words and tables, for both renderers: Markdown writes the tables
// as pipe tables, HTML as <table> with charts beside them. A section that is not available
// becomes its "Not available: <reason>" line and nothing else — never a table of zeros.
import type { SopFacts, SopKpi, SopSection } from '../../tools/sop/sop-facts';
import { reasonIn } from '../../tools/sop/template-narrative';
import { reportWords, type ReportWords } from './render-labels';
import {
  anomalyBlocks,
  demandBlocks,
  lifecycleBlocks,
  qualityBlocks,
  supplyBlocks,
  table,
  type ReportNames,
} from './render-section-blocks';
import type { SopReport } from './report-types';

export interface TableBlock {
  kind: 'table';
  caption: string;
  headers: string[];
  rows: string[][];
  /** which columns hold numbers (right-aligned) */
  numeric: boolean[];
}
export interface TextBlock {
  kind: 'text';
  text: string;
}
export type Block = TableBlock | TextBlock;

export type SectionId = 'demandReview' | 'supplyReview' | 'anomalies' | 'quality' | 'lifecycle';
export const sectionIds: readonly SectionId[] = [
  'demandReview',
  'supplyReview',
  'anomalies',
  'quality',
  'lifecycle',
];

export interface SectionView {
  id: SectionId;
  title: string;
  /** "Not available: <reason>" when the section could not be computed */
  notAvailable?: string;
  blocks: Block[];
}

export interface KpiView {
  id: SopKpi['id'];
  name: string;
  value: string;
  previous: string;
  change: string;
  /** better / worse by the KPI's own direction; unknown without both values */
  direction: 'better' | 'worse' | 'same' | 'unknown';
  arrow: '▲' | '▼' | '=' | '';
}

export interface ReportDocument {
  words: ReportWords;
  title: string;
  metaLines: string[];
  kpis: KpiView[];
  sections: SectionView[];
  decisions: TableBlock;
}

export function kpiView(kpi: SopKpi, words: ReportWords): KpiView {
  const base = {
    id: kpi.id,
    name: words.kpiName(kpi.id),
    value: words.kpiValue(kpi, kpi.value),
    previous: words.kpiValue(kpi, kpi.previous),
  };
  if (kpi.value === null || kpi.previous === null)
    return { ...base, change: words.missing, direction: 'unknown', arrow: '' };
  const delta = kpi.value - kpi.previous;
  const sign = delta > 0 ? '+' : '';
  const change =
    kpi.unit === 'fraction'
      ? `${sign}${words.number(delta * 100)} pp`
      : `${sign}${words.kpiValue(kpi, delta)}`;
  if (delta === 0) return { ...base, change, direction: 'same', arrow: '=' };
  const improved = delta > 0 === (kpi.better === 'higher');
  return {
    ...base,
    change,
    direction: improved ? 'better' : 'worse',
    arrow: delta > 0 ? '▲' : '▼',
  };
}

function sectionView<T>(
  id: SectionId,
  section: SopSection<T>,
  blocks: (data: T, words: ReportWords, names: ReportNames) => Block[],
  words: ReportWords,
  names: ReportNames,
): SectionView {
  const title = words.label(id);
  if (section.status === 'not_available')
    return {
      id,
      title,
      notAvailable: `${words.label('notAvailable')}: ${reasonIn(section.reason, words.language)}`,
      blocks: [],
    };
  return { id, title, blocks: blocks(section.data, words, names) };
}

function evidenceSection(section: string, words: ReportWords): string {
  return (sectionIds as readonly string[]).includes(section)
    ? words.label(section as SectionId)
    : section;
}

export function reportNames(facts: SopFacts): ReportNames {
  const products = facts.labels?.products ?? {};
  const locations = facts.labels?.locations ?? {};
  return {
    product: (sku) => (products[sku] ? `${products[sku]} (${sku})` : sku),
    location: (code) => locations[code] ?? code,
  };
}

export function decisionsTable(facts: SopFacts, w: ReportWords, names: ReportNames): TableBlock {
  return table(
    w.label('decisions'),
    [
      w.label('rank'),
      w.label('action'),
      w.label('sku'),
      w.label('location'),
      w.label('units'),
      w.label('valueAtRisk'),
      w.label('evidence'),
    ],
    [...facts.decisions]
      .sort((a, b) => a.rank - b.rank)
      .map((decision) => [
        String(decision.rank),
        w.actionName(decision.action),
        decision.sku === undefined ? '' : names.product(decision.sku),
        decision.location === undefined ? '' : names.location(decision.location),
        decision.units === undefined ? '' : w.number(decision.units),
        w.money(decision.valueAtRisk),
        `${evidenceSection(decision.evidence.section, w)} › ${decision.evidence.path}`,
      ]),
    [true, false, false, false, true, true, false],
  );
}

export function buildReportDocument(report: SopReport): ReportDocument {
  const words = reportWords(report.language);
  const facts = report.facts;
  const names = reportNames(facts);
  const source =
    report.narrativeSource === 'model'
      ? `${words.label('narrativeByModel')}${report.model ? ` (${report.model}${report.promptVersion ? `, ${report.promptVersion}` : ''})` : ''}`
      : words.label('narrativeByTemplate');
  const metaLines = [
    `${words.label('scope')}: ${report.scopeLabel}`,
    `${words.label('dataThrough')}: ${facts.dataThrough}`,
    `${words.label('created')}: ${report.createdAt}`,
    source +
      (report.fallbackReason ? ` — ${words.label('fallback')}: ${report.fallbackReason}` : ''),
  ];
  return {
    words,
    title: `${words.label('title')} — ${words.monthName(report.month)} — ${report.scopeLabel}`,
    metaLines,
    kpis: facts.kpis.map((kpi) => kpiView(kpi, words)),
    sections: [
      sectionView('demandReview', facts.demandReview, demandBlocks, words, names),
      sectionView('supplyReview', facts.supplyReview, supplyBlocks, words, names),
      sectionView('anomalies', facts.anomalies, anomalyBlocks, words, names),
      sectionView('quality', facts.quality, qualityBlocks, words, names),
      sectionView('lifecycle', facts.lifecycle, lifecycleBlocks, words, names),
    ],
    decisions: decisionsTable(facts, words, names),
  };
}
