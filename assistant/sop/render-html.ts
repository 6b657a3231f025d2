// The report as one printable, self-contained HTML page: inline CSS, inline SVG charts, no
// scripts and no external requests (a Content-Security-Policy meta says so). Every text from
// the data or the model is escaped.
import { escapeXml } from './charts/svg';
import { buildReportDocument, type Block, type KpiView, type TableBlock } from './render-document';
import { demandCharts, supplyCharts } from './render-html-charts';
import { reportStyle } from './render-html-style';
import type { SopReport } from './report-types';

const escape = escapeXml;

function htmlTable(block: TableBlock, none: string): string {
  if (block.rows.length === 0)
    return `<h3>${escape(block.caption)}</h3><p class="empty">${escape(none)}</p>`;
  const cellClass = (index: number) => (block.numeric[index] ? ' class="number"' : '');
  const head = block.headers
    .map((header, index) => `<th scope="col"${cellClass(index)}>${escape(header)}</th>`)
    .join('');
  const body = block.rows
    .map(
      (cells) =>
        `<tr>${cells.map((cell, index) => `<td${cellClass(index)}>${escape(cell)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table><caption>${escape(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function htmlBlock(block: Block, none: string): string {
  return block.kind === 'text' ? `<p>${escape(block.text)}</p>` : htmlTable(block, none);
}

function kpiCard(kpi: KpiView, previousLabel: string): string {
  return `<div class="kpi" data-kpi="${escape(kpi.id)}"><div class="name">${escape(kpi.name)}</div><div class="value">${escape(kpi.value)}</div><div class="change ${kpi.direction}">${escape(`${kpi.arrow} ${kpi.change}`.trim())}</div><div class="previous">${escape(previousLabel)}: ${escape(kpi.previous)}</div></div>`;
}

export function renderReportHtml(report: SopReport): string {
  const document = buildReportDocument(report);
  const { words } = document;
  const none = words.label('none');
  const parts: string[] = [];
  parts.push(`<h1>${escape(document.title)}</h1>`);
  parts.push(
    `<ul class="meta">${document.metaLines.map((line) => `<li>${escape(line)}</li>`).join('')}</ul>`,
  );

  parts.push(`<section id="summary"><h2>${escape(words.label('executiveSummary'))}</h2>`);
  parts.push(`<p class="headline">${escape(report.narrative.headline)}</p>`);
  if (report.narrative.keyIssues.length > 0)
    parts.push(
      `<h3>${escape(words.label('keyIssues'))}</h3><ul>${report.narrative.keyIssues.map((issue) => `<li>${escape(issue)}</li>`).join('')}</ul>`,
    );
  if (report.narrative.decisions.length > 0)
    parts.push(
      `<h3>${escape(words.label('narrativeDecisions'))}</h3><ol>${report.narrative.decisions.map((decision) => `<li>${escape(decision)}</li>`).join('')}</ol>`,
    );
  if (report.ungrounded.length > 0)
    parts.push(
      `<p class="ungrounded">${escape(`${words.label('ungrounded')}: ${report.ungrounded.map((figure) => figure.text).join(', ')}`)}</p>`,
    );
  parts.push('</section>');

  parts.push(
    `<section id="kpis"><h2>${escape(words.label('kpiCard'))}</h2><div class="kpis">${document.kpis.map((kpi) => kpiCard(kpi, words.label('previousMonth'))).join('')}</div></section>`,
  );

  for (const section of document.sections) {
    parts.push(`<section id="${section.id}"><h2>${escape(section.title)}</h2>`);
    if (section.notAvailable !== undefined) {
      parts.push(`<p class="not-available">${escape(section.notAvailable)}</p></section>`);
      continue;
    }
    const charts =
      section.id === 'demandReview' && report.facts.demandReview.status === 'available'
        ? demandCharts(report.facts.demandReview.data, words)
        : section.id === 'supplyReview' && report.facts.supplyReview.status === 'available'
          ? supplyCharts(report.facts.supplyReview.data, words)
          : [];
    if (charts.length > 0)
      parts.push(
        `<div class="charts">${charts.map((chart) => `<figure><figcaption>${escape(chart.title)}</figcaption>${chart.svg}</figure>`).join('')}</div>`,
      );
    for (const block of section.blocks) parts.push(htmlBlock(block, none));
    parts.push('</section>');
  }

  parts.push(`<section id="decisions"><h2>${escape(words.label('decisions'))}</h2>`);
  parts.push(
    document.decisions.rows.length === 0
      ? `<p class="empty">${escape(words.label('noDecisions'))}</p>`
      : htmlTable({ ...document.decisions, caption: '' }, none).replace('<caption></caption>', ''),
  );
  parts.push('</section>');

  return `<!doctype html>
<html lang="${report.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.title)}</title>
<style>${reportStyle}</style>
</head>
<body>
<main>
${parts.join('\n')}
</main>
</body>
</html>
`;
}
