// Grounding: every figure in the final answer must appear in the run's tool results (or in what
// the user wrote). A figure matches a source number when it equals that number at the precision
// the answer shows it (12.3% matches 0.1234 and 12.34; "1,2 millones" matches 1,187,000).
import type { UngroundedFigure } from '../protocol/events';

interface Figure {
  text: string;
  /** the readings of the text (1.234 is 1234 in Spanish and 1.234 in English) */
  readings: { value: number; tolerance: number }[];
}

const multipliers: Record<string, number> = {
  k: 1e3,
  mil: 1e3,
  miles: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  millón: 1e6,
  millon: 1e6,
  millones: 1e6,
  million: 1e6,
  millions: 1e6,
};

// A number not glued to letters or a code (GRA-005, LIM-01, v2), with optional grouping and
// decimals, a percent sign or a multiplier word after it. Word ends are checked with Unicode
// letters, not \b (ASCII-only: "1,240 más" would read as 1,240 m = 1.24 billion).
const numberPattern =
  /(?<![\p{L}\d_.,]|[\p{L}]-)(\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!(?!(?:k|mm|m)(?![\p{L}\d]))[\p{L}\d])(\s?%)?(?:\s?(k|mil|miles|thousand|mm|m|millón|millon|millones|millions?)(?![\p{L}\d]))?/giu;

function decimalsOf(text: string): number {
  return text.length;
}

/** Readings of a numeral as written in Spanish or English, with the precision it shows. */
function readingsOf(numeral: string): { value: number; decimals: number }[] {
  const compact = numeral.replace(/[\u202f\u00a0 ]/g, ' ');
  const readings: { value: number; decimals: number }[] = [];
  const add = (normalised: string) => {
    const value = Number(normalised);
    if (!Number.isFinite(value)) return;
    const point = normalised.indexOf('.');
    const decimals = point === -1 ? 0 : decimalsOf(normalised.slice(point + 1));
    if (!readings.some((reading) => reading.value === value)) readings.push({ value, decimals });
  };
  if (/^\d+$/.test(compact)) add(compact);
  else {
    // English: commas/spaces group, the point is decimal. Spanish: points/spaces group, comma decimal.
    if (/^\d{1,3}([, ]\d{3})*(\.\d+)?$/.test(compact) || /^\d+\.\d+$/.test(compact))
      add(compact.replace(/[, ]/g, ''));
    if (/^\d{1,3}([. ]\d{3})*(,\d+)?$/.test(compact) || /^\d+,\d+$/.test(compact))
      add(compact.replace(/[. ]/g, '').replace(',', '.'));
  }
  return readings;
}

export function extractFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const match of text.matchAll(numberPattern)) {
    const [whole, numeral, percent, multiplierWord] = match;
    if (numeral === undefined) continue;
    const multiplier = multiplierWord ? (multipliers[multiplierWord.toLowerCase()] ?? 1) : 1;
    const readings = readingsOf(numeral).flatMap(({ value, decimals }) => {
      const tolerance = 0.5 * 10 ** -decimals * multiplier;
      const scaled = { value: value * multiplier, tolerance };
      // A percentage may be stored as a fraction (WAPE 0.11) or in percent (11).
      return percent
        ? [scaled, { value: scaled.value / 100, tolerance: tolerance / 100 }]
        : [scaled];
    });
    if (readings.length > 0) figures.push({ text: whole.trim(), readings });
  }
  return figures;
}

/** Every number in a JSON value: numbers, and numerals inside strings (dates, labels). */
export function collectNumbers(value: unknown, into: number[] = []): number[] {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) into.push(value, Math.abs(value));
  } else if (typeof value === 'string') {
    for (const figure of extractFigures(value))
      for (const reading of figure.readings) into.push(reading.value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectNumbers(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectNumbers(item, into);
  }
  return into;
}

/** Sorted source numbers, searched by range. */
export class NumberIndex {
  private readonly sorted: Float64Array;

  constructor(numbers: readonly number[]) {
    this.sorted = Float64Array.from(numbers).sort();
  }

  /** True when a source number lies in [value - tolerance, value + tolerance]. */
  has(value: number, tolerance: number): boolean {
    const low = value - tolerance - Math.abs(value) * 1e-9;
    const high = value + tolerance + Math.abs(value) * 1e-9;
    let left = 0;
    let right = this.sorted.length;
    while (left < right) {
      const middle = (left + right) >>> 1;
      if ((this.sorted[middle] as number) < low) left = middle + 1;
      else right = middle;
    }
    return left < this.sorted.length && (this.sorted[left] as number) <= high;
  }
}

export interface GroundingOptions {
  /** tool results of the run (full structured results) */
  sources: readonly unknown[];
  /** what the user wrote in this conversation: figures they gave are not the model's invention */
  userText: string;
}

/** Small counts and years read as prose ("3 meses", "en 2026"), not as claims from data. */
function isProseNumber(value: number): boolean {
  return (
    (Number.isInteger(value) && value >= 0 && value <= 12) ||
    (Number.isInteger(value) && value >= 1990 && value <= 2100)
  );
}

/** The figures of `answer` that neither the tool results nor the user's words contain. */
export function findUngroundedFigures(
  answer: string,
  options: GroundingOptions,
): UngroundedFigure[] {
  const index = new NumberIndex([
    ...collectNumbers([...options.sources]),
    ...collectNumbers(options.userText),
  ]);
  const ungrounded: UngroundedFigure[] = [];
  for (const figure of extractFigures(stripListMarkers(answer))) {
    if (figure.readings.some((reading) => isProseNumber(reading.value))) continue;
    if (figure.readings.some((reading) => index.has(reading.value, reading.tolerance))) continue;
    ungrounded.push({ text: figure.text, value: figure.readings[0]?.value ?? Number.NaN });
  }
  return ungrounded;
}

/** "1. " and "2) " at the start of a Markdown list line are numbering, not figures. */
function stripListMarkers(text: string): string {
  return text.replace(/^(\s*)\d+[.)]\s/gm, '$1');
}
