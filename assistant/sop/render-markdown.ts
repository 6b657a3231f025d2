// The report as Markdown: the narrative, the KPI card with the previous month, each section's
// tables (or its "Not available: <reason>" line) and the ranked decisions.
import { buildReportDocument, type Block, type TableBlock } from './render-document';
import type { SopReport } from './report-types';

/** Text from the data (product names, reasons) cannot open a tag, a link or break a table. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (character) => `\\${character}`).replace(/\s*\n\s*/g, ' ');
}

function markdownTable(block: TableBlock, none: string): string[] {
  const lines = [`**${escapeMarkdown(block.caption)}**`, ''];
  if (block.rows.length === 0) return [...lines, none, ''];
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  lines.push(row(block.headers));
  lines.push(`|${block.numeric.map((numeric) => (numeric ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const cells of block.rows) lines.push(row(cells));
  lines.push('');
  return lines;
}

function markdownBlock(block: Block, none: string): string[] {
  return block.kind === 'text' ? [escapeMarkdown(block.text), ''] : markdownTable(block, none);
}

export function renderReportMarkdown(report: SopReport): string {
  const document = buildReportDocument(report);
  const { words } = document;
  const lines: string[] = [`# ${escapeMarkdown(document.title)}`, ''];
  for (const meta of document.metaLines) lines.push(`- ${escapeMarkdown(meta)}`);
  lines.push('');

  lines.push(`## ${words.label('executiveSummary')}`, '');
  lines.push(`**${escapeMarkdown(report.narrative.headline)}**`, '');
  if (report.narrative.keyIssues.length > 0) {
    lines.push(`### ${words.label('keyIssues')}`, '');
    for (const issue of report.narrative.keyIssues) lines.push(`- ${escapeMarkdown(issue)}`);
    lines.push('');
  }
  if (report.narrative.decisions.length > 0) {
    lines.push(`### ${words.label('narrativeDecisions')}`, '');
    report.narrative.decisions.forEach((decision, index) =>
      lines.push(`${index + 1}. ${escapeMarkdown(decision)}`),
    );
    lines.push('');
  }
  if (report.ungrounded.length > 0) {
    lines.push(
      `> ⚠ ${words.label('ungrounded')}: ${report.ungrounded.map((figure) => escapeMarkdown(figure.text)).join(', ')}`,
      '',
    );
  }

  lines.push(`## ${words.label('kpiCard')}`, '');
  lines.push(
    `| ${words.label('kpi')} | ${words.label('thisMonth')} | ${words.label('previousMonth')} | ${words.label('change')} |`,
    '| --- | ---: | ---: | ---: |',
  );
  for (const kpi of document.kpis) {
    const verdict = kpi.direction === 'unknown' ? '' : ` (${words.label(kpi.direction)})`;
    lines.push(
      `| ${escapeMarkdown(kpi.name)} | ${kpi.value} | ${kpi.previous} | ${kpi.arrow ? `${kpi.arrow} ` : ''}${kpi.change}${verdict} |`,
    );
  }
  lines.push('');

  for (const section of document.sections) {
    lines.push(`## ${section.title}`, '');
    if (section.notAvailable !== undefined) {
      lines.push(`_${escapeMarkdown(section.notAvailable)}_`, '');
      continue;
    }
    for (const block of section.blocks) lines.push(...markdownBlock(block, words.label('none')));
  }

  lines.push(`## ${words.label('decisions')}`, '');
  if (document.decisions.rows.length === 0) lines.push(words.label('noDecisions'), '');
  else lines.push(...markdownTable(document.decisions, '').slice(2));
  return `${lines.join('\n').trimEnd()}\n`;
}
