import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n/i18n.svelte';
import { formatNumber, locale, t } from './strings';

afterEach(() => i18n.set('en'));

describe('result view strings', () => {
  it('follow the interface language, placeholders filled (else Spanish users would read English)', () => {
    i18n.set('en');
    expect(t('rules', { count: 3 })).toBe('Rule alerts (3)');
    i18n.set('es');
    expect(t('rules', { count: 3 })).toBe('Alertas por reglas (3)');
  });

  it('use Peru’s number locale in Spanish (else figures would not read as a Peruvian planner writes them)', () => {
    i18n.set('es');
    expect(locale()).toBe('es-PE');
    expect(formatNumber(1234.56, 1)).toBe('1,234.6');
    i18n.set('en');
    expect(locale()).toBe('en-US');
  });
});
