// How the S&OP summary writes its figures, in Spanish (Peru) or English: "S/ 8,400",
// "12.3%", "octubre de 2026". Peru groups thousands with a comma and marks decimals with a
// point, like English, so a figure reads the same in both languages.

export type SopLanguage = 'es' | 'en';

const locales: Record<SopLanguage, string> = { es: 'es-PE', en: 'en-US' };

function numberFormat(language: SopLanguage, digits: number): Intl.NumberFormat {
  return new Intl.NumberFormat(locales[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A count or quantity with thousands grouped: 1,200 (at most `digits` decimals, none by default). */
export function formatNumber(value: number, language: SopLanguage, digits = 0): string {
  const rounded = Number(value.toFixed(digits));
  const shown = Number.isInteger(rounded) ? 0 : digits;
  return numberFormat(language, shown).format(rounded === 0 ? 0 : rounded);
}

/** Soles: "S/ 8,400" (whole soles from S/ 100 up, céntimos below). */
export function formatMoney(value: number, language: SopLanguage): string {
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  return `${sign}S/ ${numberFormat(language, magnitude >= 100 ? 0 : 2).format(magnitude)}`;
}

/** A fraction as a percentage: 0.1234 -> "12.3%"; `signed` writes "+" for a positive value. */
export function formatPercent(
  fraction: number,
  language: SopLanguage,
  options: { digits?: number; signed?: boolean } = {},
): string {
  const text = formatNumber(Math.abs(fraction) * 100, language, options.digits ?? 1);
  const negative = fraction < 0 && text !== '0';
  const sign = negative ? '-' : options.signed && fraction > 0 ? '+' : '';
  return `${sign}${text}%`;
}

/** "octubre de 2026" / "October 2026" for a YYYY-MM month. */
export function formatMonthName(month: string, language: SopLanguage): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || Number.isNaN(date.getTime())) {
    throw new RangeError(`month must be YYYY-MM, e.g. 2026-10; got "${month}"`);
  }
  return new Intl.DateTimeFormat(locales[language], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Every YYYY-MM month inside a text (not part of a full date) written as its name. */
export function nameMonthsIn(text: string, language: SopLanguage): string {
  return text.replace(/\b(\d{4}-(?:0[1-9]|1[0-2]))\b(?!-\d)/g, (month) =>
    formatMonthName(month, language),
  );
}
