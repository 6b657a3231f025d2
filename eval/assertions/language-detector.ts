// A small language detector for Spanish vs English answers: the share of each language's
// function words (articles, prepositions, pronouns, auxiliaries: words every sentence needs,
// whatever the topic, plus a few planning words) among the text's words, and Spanish-only
// letters and marks. Short or
// mixed texts give 'undetermined' rather than a guess.

export type DetectedLanguage = 'es' | 'en' | 'undetermined';

export interface LanguageDetection {
  language: DetectedLanguage;
  /** function words of each language found */
  spanishWords: number;
  englishWords: number;
  /** all words considered */
  words: number;
}

// Words in both lists' common use ("a", "no", "me", "he", "son"...) are left out of one of them
// or both so they do not count twice.
const spanishWords = new Set(
  `el la los las un una unos unas lo al del de en con por para sin sobre entre hasta desde hacia
   según durante y e o u pero sino que qué cual cuál cuales cuáles quien quién cuando cuándo donde
   dónde como cómo cuanto cuánto cuánta cuántos cuántas porque pues si sí ya muy más menos también
   tampoco nunca siempre aquí allí este esta estos estas ese esa esos esas aquel aquella esto eso
   yo tú usted ustedes nosotros nosotras ellos ellas él ella le les nos se su sus mi mis tu tus
   nuestro nuestra nuestros nuestras es son está están era eran fue fueron ser estar sido hay había
   habrá tiene tienen tener puede pueden debe deben va van hace hacer será serán sería podría cada
   todo toda todos todas otro otra otros otras mismo misma algo nada alguno alguna ningún ninguna
   ni aún todavía entonces mientras dentro fuera bajo ante tras contra
   semana semanas mes meses días unidades ventas pronóstico dame favor necesito quiero próximo
   próxima próximos próximas último última`.split(/\s+/),
);

const englishWords = new Set(
  `the an of in on at by for with without about between until from towards into onto over under
   and or but that which who whom whose when where why how what because if so very more less
   also never always here there this these those it its they them their theirs we our ours you
   your yours i my mine he him his she her hers is are was were be been being am has have had
   having do does did will would shall should can could may might must not no yes than then
   each every all any some other another such same only just still yet while during within
   outside against through after before
   to please give show tell want need next last
   week weeks month months days units sales forecast`.split(/\s+/),
);

const minimumWords = 5;
/** function words needed when both languages show some; 2 suffice when only one does */
const minimumFunctionWords = 3;
const minimumUncontested = 2;
/** one language's function words must outnumber the other's by this factor */
const dominance = 2;

export function detectLanguage(text: string): LanguageDetection {
  // Code spans, SKUs and numbers say nothing about the language.
  const prose = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\[[^\]]*#L\d+[^\]]*\]/g, ' ');
  const words = (prose.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => word.length > 0);
  let spanish = 0;
  let english = 0;
  for (const word of words) {
    if (spanishWords.has(word)) spanish += 1;
    if (englishWords.has(word)) english += 1;
  }
  // ñ, ¿, ¡ and accented vowels occur in Spanish, not English.
  const marks = (prose.match(/[ñ¿¡áéíóú]/gi) ?? []).length;
  spanish += Math.min(marks, Math.ceil(words.length / 10));
  let language: DetectedLanguage = 'undetermined';
  const enough =
    spanish + english >= minimumFunctionWords ||
    (Math.min(spanish, english) === 0 && Math.max(spanish, english) >= minimumUncontested);
  if (words.length >= minimumWords && enough) {
    if (spanish >= dominance * english && spanish > 0) language = 'es';
    else if (english >= dominance * spanish && english > 0) language = 'en';
  }
  return { language, spanishWords: spanish, englishWords: english, words: words.length };
}
