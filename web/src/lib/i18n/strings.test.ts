import { describe, expect, it } from 'vitest';
import { en, es, pickLanguage, translate } from './strings';

describe('strings', () => {
  it('names the main controls exactly as the accessibility contract says (else tests and screen readers miss them)', () => {
    expect([en.message, en.send, en.stop, en.attachImage]).toEqual([
      'Message',
      'Send',
      'Stop',
      'Attach image',
    ]);
    expect(es.message).toBe('Mensaje');
  });

  it('has every Spanish string filled (else Spanish users see empty labels)', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(es[key].trim()).not.toBe('');
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(translate('es', 'tooManyImages', { count: 8 })).toBe(
      'Como máximo 8 imágenes por mensaje',
    );
    expect(translate('en', 'imageTooLarge')).toBe('{name} is larger than 20 MB');
  });

  it('prefers the stored choice, then the browser languages, then Spanish', () => {
    expect(pickLanguage('en', ['es-PE'])).toBe('en');
    expect(pickLanguage(null, ['fr-FR', 'en-US'])).toBe('en');
    expect(pickLanguage('de', ['fr'])).toBe('es');
  });
});
