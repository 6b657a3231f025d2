// `ayni summary --month YYYY-MM [--category X] [--region R] [--location Y] [--language es|en]
// --format md|html|json|pdf --out FILE [--no-narrate]`: generates the month's S&OP report from the
// store at AYNI_DATA_DIR (stored like the API's), narrated by the chat model unless --no-narrate
// (the template when the model cannot be reached), and writes it in the format asked.
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { pino } from 'pino';
import { InvalidInputError } from '../../errors';
import { generateReport } from '../../sop/generate-report';
import { renderReportHtml } from '../../sop/render-html';
import { renderReportMarkdown } from '../../sop/render-markdown';
import { renderReportPdf } from '../../sop/render-pdf';
import { reportLanguages, type ReportLanguage, type SopReport } from '../../sop/report-types';
import { createStoreToolContext } from '../../store/tool-context';
import { narrationClient, requireSales, withDataStore } from '../open-store';
import { action, configFromEnvironment, UsageError } from '../run-command';

const formats = ['md', 'html', 'json', 'pdf'] as const;
type SummaryFormat = (typeof formats)[number];

interface SummaryFlags {
  month: string;
  category: string[];
  region: string[];
  location: string[];
  language: string;
  format: string;
  out: string;
  /** commander sets false for --no-narrate */
  narrate: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function checkFlags(flags: SummaryFlags): { format: SummaryFormat; language: ReportLanguage } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(flags.month))
    throw new UsageError(`--month "${flags.month}" is not a month: use YYYY-MM, e.g. 2026-10`);
  if (!(formats as readonly string[]).includes(flags.format))
    throw new UsageError(`--format "${flags.format}": use one of ${formats.join(', ')}`);
  if (!(reportLanguages as readonly string[]).includes(flags.language))
    throw new UsageError(`--language "${flags.language}": use es or en`);
  return { format: flags.format as SummaryFormat, language: flags.language as ReportLanguage };
}

async function rendered(report: SopReport, format: SummaryFormat): Promise<string | Buffer> {
  switch (format) {
    case 'md':
      return renderReportMarkdown(report);
    case 'html':
      return renderReportHtml(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'pdf':
      return renderReportPdf(renderReportHtml(report));
  }
}

async function runSummary(flags: SummaryFlags): Promise<void> {
  const { format, language } = checkFlags(flags);
  const config = configFromEnvironment();
  const logger = pino({ level: 'silent' });
  await withDataStore(config, async (store) => {
    requireSales(store, config);
    const clock = () => new Date();
    const llm = narrationClient(config, flags.narrate);
    let report: SopReport;
    try {
      report = await generateReport(
        {
          store,
          toolContext: (signal) => createStoreToolContext(store, { signal, now: clock, logger }),
          ...(llm && { llm, chatModel: config.models.chat }),
          clock,
          logger,
        },
        {
          month: flags.month,
          scope: {
            ...(flags.category.length > 0 && { categories: flags.category }),
            ...(flags.region.length > 0 && { regions: flags.region }),
            ...(flags.location.length > 0 && { locations: flags.location }),
          },
          language,
          trigger: 'manual',
          narrate: flags.narrate,
        },
      );
    } catch (error) {
      if (error instanceof InvalidInputError) throw new UsageError(error.message);
      throw error;
    }
    writeFileSync(flags.out, await rendered(report, format));
    const note = report.fallbackReason ? ` (template narrative: ${report.fallbackReason})` : '';
    process.stderr.write(
      `${flags.out}: S&OP summary of ${report.month} for ${report.scopeLabel}, report ${report.id}${note}\n`,
    );
  });
}

export function registerSummaryCommand(program: Command): void {
  program
    .command('summary')
    .description(
      "the month's S&OP summary (demand, supply, anomalies, quality, lifecycle, KPIs, decisions) from the store, as Markdown, HTML, JSON or PDF",
    )
    .requiredOption('--month <YYYY-MM>', 'the calendar month, e.g. 2026-10')
    .option('--category <name>', 'only this category (repeat for more)', collect, [])
    .option('--region <name>', 'only this region (repeat for more)', collect, [])
    .option('--location <code>', 'only this location (repeat for more)', collect, [])
    .option('--language <es|en>', 'the language of the report', 'es')
    .requiredOption('--format <md|html|json|pdf>', 'the output format (pdf needs Chromium)')
    .requiredOption('--out <file>', 'where to write the report')
    .option('--no-narrate', 'the deterministic template narrative; no chat model is called')
    .action(action(runSummary));
}
