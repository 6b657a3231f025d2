// Parsers for single CSV cells (numbers with decimal points or commas, yes/no, text, EANs; dates
// are in date-cells.ts).
// Each returns the typed value, or an Invalid that says what is wrong with the value and how to fix it.

export class Invalid {
  constructor(
    /** What is wrong, naming the column and the value: `units "-4" is negative`. */
    readonly problem: string,
    /** What to do about it: `units sold must be >= 0`. */
    readonly fix?: string,
  ) {}

  get reason(): string {
    return this.fix ? `${this.problem}: ${this.fix}` : this.problem;
  }
}

export type CellParser<T> = (text: string) => T | Invalid;

/** How the file writes numbers and dates; fixed per file from its delimiter. */
export interface CellFormat {
  delimiter: ',' | ';' | '\t';
  /** `;` files (Excel in Peru): "12,5" and "1.234,5" are decimals with a decimal comma. */
  decimalComma: boolean;
  /** `;` files: "03/04/2024" is read day-first (DD/MM/YYYY); elsewhere only ISO dates. */
  dayFirstSlashDates: boolean;
}

const MAX_QUOTED = 60;

/** The value as it appears in a reason: quoted, escaped, cut to 60 characters. */
export function quote(text: string): string {
  const shown = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}...` : text;
  return JSON.stringify(shown);
}

// ---- numbers -----------------------------------------------------------------------------------

const DOT_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const GROUPED_COMMA_DECIMAL = /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/;
const GROUPED_INTEGER = /^[+-]?[1-9]\d{0,2}(?:\.\d{3}){2,}$/;
const ONE_DOT_GROUP = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;

type NumberReading = number | 'invalid' | 'comma' | 'ambiguous';

/**
 * Reads a number. With decimal commas (`;` files): "12,5" and "1.234,5" are decimals, "1.234.567"
 * is grouped thousands, "3.5" a decimal point, and "1.234" is ambiguous (thousands or decimal?)
 * and refused. Without (`,` and tab files): only a decimal point; any comma is refused, since a
 * quoted "12,5" or "1,234" cannot be told apart.
 */
export function readNumber(text: string, decimalComma: boolean): NumberReading {
  let value = text;
  if (value.includes(',')) {
    if (!decimalComma) return 'comma';
    if (COMMA_DECIMAL.test(value)) value = value.replace(',', '.');
    else if (GROUPED_COMMA_DECIMAL.test(value)) value = value.replaceAll('.', '').replace(',', '.');
    else return 'invalid';
  } else if (decimalComma && value.includes('.')) {
    if (GROUPED_INTEGER.test(value)) value = value.replaceAll('.', '');
    else if (ONE_DOT_GROUP.test(value)) return 'ambiguous';
  }
  if (!DOT_NUMBER.test(value)) return 'invalid';
  const number = Number(value);
  return Number.isFinite(number) ? number : 'invalid';
}

export interface NumberRule {
  /** What the column holds, for the fix: "units sold". */
  what: string;
  required: boolean;
  integer?: boolean;
  /** > 0 rather than >= 0 */
  positive?: boolean;
}

export function numberCell(
  column: string,
  rule: NumberRule,
  format: CellFormat,
): CellParser<number | null> {
  const example = format.decimalComma ? '12,5' : '12.5';
  return (raw) => {
    const text = raw.trim();
    if (text === '') {
      return rule.required
        ? new Invalid(`${column} is empty`, `every row needs ${rule.what}`)
        : null;
    }
    const reading = readNumber(text, format.decimalComma);
    if (typeof reading === 'number') {
      if (reading < 0)
        return new Invalid(`${column} ${quote(raw)} is negative`, `${rule.what} must be >= 0`);
      if (rule.integer && !Number.isInteger(reading))
        return new Invalid(
          `${column} ${quote(raw)} is not a whole number`,
          `${rule.what} must be a whole number`,
        );
      if (rule.positive && reading === 0)
        return new Invalid(
          `${column} ${quote(raw)} is zero`,
          `${rule.what} must be > 0 (leave the cell empty when unknown)`,
        );
      return reading === 0 ? 0 : reading;
    }
    if (reading === 'comma')
      return new Invalid(
        `${column} ${quote(raw)} has a comma in a ${delimiterName(format.delimiter)}-separated file`,
        `${commaFix(text)}, or save the file with ';' as the delimiter to use decimal commas`,
      );
    if (reading === 'ambiguous')
      return new Invalid(
        `${column} ${quote(raw)} is ambiguous in a ';' file (thousands separator or decimal point?)`,
        `write ${text.replace('.', '')} for thousands or ${text.replace('.', ',')} for a decimal`,
      );
    return new Invalid(
      `${column} ${quote(raw)} is not a number`,
      `write ${rule.what} as digits, e.g. ${example}`,
    );
  };
}

/** How to write a number that has a comma in a file whose decimals need a point. */
function commaFix(text: string): string {
  if (text.includes('.'))
    return `write ${text.replaceAll(',', '')} without the thousands separator`;
  if (/^[+-]?\d{1,3},\d{3}$/.test(text))
    return `write ${text.replace(',', '')} for thousands or ${text.replace(',', '.')} for a decimal`;
  return `write ${text.replace(',', '.')} with a decimal point`;
}

export function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `'${delimiter}'`;
}

// ---- yes/no ------------------------------------------------------------------------------------

const FLAGS = new Map<string, boolean>([
  ['', false],
  ['0', false],
  ['1', true],
  ['false', false],
  ['true', true],
  ['no', false],
  ['yes', true],
  ['n', false],
  ['y', true],
  ['si', true],
  ['sí', true],
  ['falso', false],
  ['verdadero', true],
]);

/** 0/1, true/false, yes/no, si/sí/no, verdadero/falso (Excel in Spanish); empty = no. */
export function flagCell(column: string): CellParser<boolean> {
  return (raw) => {
    const flag = FLAGS.get(raw) ?? FLAGS.get(raw.trim().toLowerCase());
    if (flag !== undefined) return flag;
    return new Invalid(
      `${column} ${quote(raw)} is not a yes/no value`,
      'use 1/0, true/false, yes/no or si/no (empty = no)',
    );
  };
}

// ---- text --------------------------------------------------------------------------------------

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export interface TextRule {
  required: boolean;
  maxLength: number;
  /** Codes (SKU, location) may not contain line breaks; free text may. */
  code: boolean;
}

export function textCell(column: string, rule: TextRule): CellParser<string | null> {
  const control = rule.code ? CONTROL : CONTROL_BUT_LINE_BREAKS;
  return (raw) => {
    const text = raw.trim();
    if (text === '')
      return rule.required
        ? new Invalid(`${column} is empty`, `every row needs a ${column}`)
        : null;
    if (text.length > rule.maxLength)
      return new Invalid(
        `${column} ${quote(raw)} is ${text.length} characters long`,
        `at most ${rule.maxLength}; check the delimiter and the quoting of this row`,
      );
    if (control.test(text))
      return new Invalid(
        `${column} ${quote(raw)} contains ${rule.code ? 'a line break or ' : ''}a control character`,
        'remove it',
      );
    return text;
  };
}

// ---- EAN ---------------------------------------------------------------------------------------

/** GS1 check digit: weights 3 and 1 alternating from the right of the payload (GS1 General Specifications 7.9). */
export function eanCheckDigitValid(digits: string): boolean {
  let sum = 0;
  const last = digits.length - 1;
  for (let index = 0; index < last; index += 1) {
    const weight = (last - index) % 2 === 1 ? 3 : 1;
    sum += Number(digits[index]) * weight;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[last]);
}

export function eanCell(column: string): CellParser<string | null> {
  return (raw) => {
    const text = raw.trim();
    if (text === '') return null;
    if (/^\d(?:[.,]\d+)?E\+?\d+$/i.test(text))
      return new Invalid(
        `${column} ${quote(raw)} was turned into scientific notation by Excel`,
        'format the column as Text before saving, so the code keeps all its digits',
      );
    if (!/^\d+$/.test(text) || (text.length !== 8 && text.length !== 13))
      return new Invalid(
        `${column} ${quote(raw)} is not an EAN-13 or EAN-8 code`,
        'write its 13 or 8 digits',
      );
    if (!eanCheckDigitValid(text))
      return new Invalid(
        `${column} ${quote(raw)} has a wrong check digit`,
        'check the code against the label (a digit is mistyped)',
      );
    return text;
  };
}
