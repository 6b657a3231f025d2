// The shapes of a CSV import's report (re-exported by import-csv.ts, the module's entry).

export type ImportKind = 'sales' | 'products' | 'inventory' | 'supply';

export const IMPORT_KINDS: readonly ImportKind[] = ['sales', 'products', 'inventory', 'supply'];

export type ImportEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type ImportDelimiter = ',' | ';' | '\t';

export interface ImportProblem {
  file: string;
  /** 1-based physical line in the file where the record starts. */
  line: number;
  /** Column name (lower case, as in ARCHITECTURE.md 3.5), or null for the whole row or file. */
  column: string | null;
  /** The raw cell text, or null for whole-row and file problems. */
  value: string | null;
  /** What is wrong and how to fix it: `units "-4" is negative: units sold must be >= 0`. */
  reason: string;
  /** The fix alone, when the reason ends with one. */
  fix?: string;
}

export interface ImportReport {
  kind: ImportKind;
  file: string;
  delimiter: ImportDelimiter;
  decimalComma: boolean;
  encoding: ImportEncoding;
  /** Data rows read (blank lines and the header not counted). */
  rowsRead: number;
  /** Rows written (inserted or updated); 0 when the import was rejected. */
  rowsImported: number;
  /** Rows with at least one problem. */
  rowsRejected: number;
  /** Products and locations created for unknown codes (createMissing); 0 when rejected. */
  created: { products: number; locations: number };
  warnings: string[];
  /** The first 100 problems, in file order. */
  problems: ImportProblem[];
  /** All problems found, including those beyond the first 100. */
  problemCount: number;
}
