// Reading a best-before date as printed on Peruvian packs (day first): "2027-03-01",
// "01/03/2027", "01.03.27", "03/2027" (end of that month), "1 MAR 2027", "01 SET 27".
// Returns null when the text is not a date, never a guess.

const monthNumbers: Record<string, number> = {
  ene: 1,
  jan: 1,
  feb: 2,
  mar: 3,
  abr: 4,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  ago: 8,
  aug: 8,
  set: 9,
  sep: 9,
  oct: 10,
  nov: 11,
  dic: 12,
  dec: 12,
};

function fullYear(text: string): number {
  const value = Number(text);
  return text.length === 2 ? 2000 + value : value;
}

function valid(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 2000 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO date a printed best-before means, or null when it cannot be read as one. */
export function parseBestBefore(printed: string): string | null {
  const text = printed
    .trim()
    .toLowerCase()
    .replace(/^(best before|consumir antes de|vence|vencimiento|exp|fv|f\.v\.|bb)[:.]?\s*/, '');
  let match = text.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/);
  if (match) return valid(Number(match[1]), Number(match[2]), Number(match[3]));
  match = text.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/);
  if (match) return valid(fullYear(match[3] as string), Number(match[2]), Number(match[1]));
  match = text.match(/^(\d{1,2})[-/.](\d{4})$/);
  if (match) {
    const year = Number(match[2]);
    const month = Number(match[1]);
    return month >= 1 && month <= 12 ? valid(year, month, lastDay(year, month)) : null;
  }
  match = text.match(/^(\d{1,2})[\s-/.]*([a-z]{3})[a-z]*[\s-/.]*(\d{2}|\d{4})$/);
  if (match) {
    const month = monthNumbers[match[2] as string];
    return month === undefined
      ? null
      : valid(fullYear(match[3] as string), month, Number(match[1]));
  }
  return null;
}
