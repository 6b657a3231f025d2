// `language`: the answer is in Spanish (`es`), English (`en`) or the user's language (`user`,
// detected from the case's message). A text too short or too mixed to tell is 'undetermined'
// and passes, saying so: the detector does not guess.
import type { CaseOutput } from '../case-result';
import type { Assertion } from '../suite-schema';
import { detectLanguage, type DetectedLanguage } from './language-detector';
import { verdict, type Verdict } from './scoring-context';

const names: Record<DetectedLanguage, string> = {
  es: 'Spanish',
  en: 'English',
  undetermined: 'undetermined',
};

export function wantedLanguage(assertion: Assertion): 'es' | 'en' | 'user' {
  const wanted = assertion.language ?? assertion.value ?? 'user';
  if (wanted === 'es' || wanted === 'en' || wanted === 'user') return wanted;
  throw new TypeError(`language: give language: es, en or user; got ${JSON.stringify(wanted)}`);
}

export function scoreLanguage(assertion: Assertion, output: CaseOutput): Verdict {
  let wanted: DetectedLanguage = 'undetermined';
  const requested = wantedLanguage(assertion);
  if (requested === 'user') {
    wanted = detectLanguage(output.userMessage).language;
    if (wanted === 'undetermined')
      return verdict(
        true,
        "the user's message is too short or mixed to tell its language; not checked",
      );
  } else wanted = requested;
  const detected = detectLanguage(output.output);
  const counts = `(${detected.spanishWords} Spanish / ${detected.englishWords} English function words in ${detected.words} words)`;
  const target = `${names[wanted]}${requested === 'user' ? ", the user's language" : ''}`;
  if (detected.language === 'undetermined')
    return verdict(
      true,
      `the answer's language is undetermined ${counts}; not checked against ${target}`,
    );
  return detected.language === wanted
    ? verdict(true, `the answer is in ${target} ${counts}`)
    : verdict(false, `the answer is in ${names[detected.language]}, expected ${target} ${counts}`);
}
