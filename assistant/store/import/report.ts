// Collecting problems (first 100 plus a count), the one-line rejection message and rejected-row CSV.
import type { Invalid } from './cells';
import type { ImportProblem, ImportReport } from './types';

export const PROBLEM_LIMIT = 100;

export class ProblemCollector {
  readonly problems: ImportProblem[] = [];
  count = 0;
  /** Reasons of the row being processed, for the rejected-rows CSV. */
  readonly rowReasons: string[] = [];

  constructor(private readonly file: string) {}

  add(line: number, column: string | null, value: string | null, invalid: Invalid): void {
    this.count += 1;
    this.rowReasons.push(invalid.reason);
    if (this.problems.length >= PROBLEM_LIMIT) return;
    const problem: ImportProblem = { file: this.file, line, column, value, reason: invalid.reason };
    if (invalid.fix) problem.fix = invalid.fix;
    this.problems.push(problem);
  }
}

const SHOWN_IN_MESSAGE = 3;

/** `sales.csv: 3 invalid rows, nothing imported (line 7: units "-4" is negative: ...; line 9: ...)` */
export function rejectionMessage(report: ImportReport): string {
  const shown = report.problems
    .slice(0, SHOWN_IN_MESSAGE)
    .map((problem) => `line ${problem.line}: ${problem.reason}`);
  const more = report.problemCount - shown.length;
  const list = `${shown.join('; ')}${more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : ''}`;
  if (report.rowsRejected === 0) return `${report.file}: ${list}; nothing imported`;
  const rows = `${report.rowsRejected} invalid row${report.rowsRejected === 1 ? '' : 's'}`;
  return `${report.file}: ${rows}, nothing imported (${list})`;
}

/** One CSV line (with the line break), quoting fields that need it. */
export function csvLine(fields: readonly string[], delimiter: string): string {
  let line = '';
  for (let index = 0; index < fields.length; index += 1) {
    const field = fields[index] ?? '';
    if (index > 0) line += delimiter;
    line +=
      field.includes(delimiter) ||
      field.includes('"') ||
      field.includes('\n') ||
      field.includes('\r') ||
      field !== field.trim()
        ? `"${field.replaceAll('"', '""')}"`
        : field;
  }
  return `${line}\r\n`;
}
