// Term processing for the lexical index, tuned for Spanish with English queries in mind:
// lower case, accents stripped ("línea" = "linea"), stop words dropped, a light stemmer, and
// product codes such as "GRA-005" kept whole so a planner can search by SKU.

// Product codes: letters, a hyphen, digits (optionally more letters/digits), e.g. GRA-005, LAC-12B.
const skuPattern = /^[a-z]{2,6}-\d{1,6}[a-z0-9]*$/;
const tokenPattern = /[a-z]{2,6}-\d{1,6}[a-z0-9]*|[a-z0-9]+/g;

// Frequent Spanish function words (after accent stripping), from the Snowball Spanish stop list,
// plus the commonest English ones because planners also ask in English.
const stopWords = new Set(
  (
    'de la que el en y a los del se las por un para con no una su al lo como mas pero sus le ya o ' +
    'este si porque esta entre cuando muy sin sobre tambien me hasta hay donde quien desde todo ' +
    'nos durante todos uno les ni contra otros ese eso ante ellos e esto mi antes algunos que unos ' +
    'yo otro otras otra el tanto esa estos mucho quienes nada muchos cual poco ella estar estas ' +
    'algunas algo nosotros mis tu te ti tus ellas nosotras vosotros vosotras os mio mia mios mias ' +
    'tuyo tuya tuyos tuyas suyo suya suyos suyas nuestro nuestra nuestros nuestras vuestro vuestra ' +
    'vuestros vuestras esos esas es son fue ser sera han ha he era cada cual cuales cuanto cuanta ' +
    'the of and to in is it for on that this with as be are by or an at from what which how'
  ).split(' '),
);

/** Lower case without diacritics: "Línea" -> "linea", "año" -> "ano". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Raw tokens of a text (folded), product codes kept whole. */
export function tokenizeText(text: string): string[] {
  return foldText(text).match(tokenPattern) ?? [];
}

export function isProductCode(token: string): boolean {
  return skuPattern.test(token);
}

/**
 * Savoy's light Spanish stemmer (J. Savoy, "Report on CLEF-2001 experiments", 2002; the rules of
 * Lucene's SpanishLightStemmer): words of 5+ letters lose a final a/o/e, or a plural -as/-os/-es
 * ("-ces" -> "-z", "-eses" -> "-es"). Chosen over Snowball because Snowball stems "linea" and
 * "lineas" differently ("line" / "lin"), which loses exactly the singular/plural matches we need.
 */
export function stemSpanish(word: string): string {
  if (word.length < 5) return word;
  const last = word[word.length - 1];
  if (last === 'a' || last === 'o' || last === 'e') return word.slice(0, -1);
  if (last === 's') {
    if (word.endsWith('eses')) return word.slice(0, -2);
    if (word.endsWith('ces')) return `${word.slice(0, -3)}z`;
    const beforeS = word[word.length - 2];
    if (beforeS === 'a' || beforeS === 'o' || beforeS === 'e') return word.slice(0, -2);
  }
  return word;
}

/** One folded token to its index term, or null for a stop word. */
export function indexTerm(token: string): string | null {
  if (stopWords.has(token)) return null;
  if (isProductCode(token) || /^\d/.test(token)) return token;
  return stemSpanish(token);
}

/** The index terms of a text, in order (stop words dropped). */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenizeText(text)) {
    const term = indexTerm(token);
    if (term !== null) terms.push(term);
  }
  return terms;
}
