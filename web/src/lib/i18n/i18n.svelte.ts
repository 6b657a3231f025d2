// The interface language as reactive state: the browser's language at first, switchable, and
// remembered in localStorage. Components call i18n.t('key').
import {
  fillTemplate,
  localeOf,
  pickLanguage,
  translate,
  type Language,
  type StringKey,
} from './strings';

const storageKey = 'ayni.language';

function readStored(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

class I18n {
  language = $state<Language>(pickLanguage(readStored(), browserLanguages()));

  t = (key: StringKey, params?: Record<string, string | number>): string =>
    translate(this.language, key, params);

  set(language: Language): void {
    this.language = language;
    try {
      localStorage.setItem(storageKey, language);
    } catch {
      // storage unavailable (private mode): the choice lasts for this page only
    }
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  }
}

export const i18n = new I18n();

/** The locale for numbers and dates in the current language. */
export function currentLocale(): string {
  return localeOf(i18n.language);
}

/** A t() over a component's own English and Spanish strings, following the current language. */
export function localTranslator<Key extends string>(
  en: Record<Key, string>,
  es: Record<Key, string>,
): (key: Key, params?: Record<string, string | number>) => string {
  return (key, params = {}) => fillTemplate((i18n.language === 'es' ? es : en)[key], params);
}
