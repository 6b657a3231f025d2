// The scheduled monthly S&OP summary (issue 9): the report of the month just closed, for the whole
// company, generated and stored by generateReport with trigger 'schedule' (the chat model's
// narrative when one is given, else the template).
import { generateReport, type GenerateReportDeps } from '../sop/generate-report';
import type { ReportLanguage } from '../sop/report-types';

export interface MonthlySummaryResult {
  reportId: string;
  month: string;
  narrativeSource: 'model' | 'template';
  ungrounded: number;
}

export async function generateMonthlySummary(
  deps: GenerateReportDeps,
  month: string,
  language: ReportLanguage,
  signal?: AbortSignal,
): Promise<MonthlySummaryResult> {
  const report = await generateReport(deps, {
    month,
    scope: {},
    language,
    trigger: 'schedule',
    ...(signal && { signal }),
  });
  return {
    reportId: report.id,
    month: report.month,
    narrativeSource: report.narrativeSource,
    ungrounded: report.ungrounded.length,
  };
}
