import { describe, expect, it } from 'vitest';
import { caseOutput, score } from './case-output-fixture';
import { detectLanguage } from './language-detector';

const spanishAnswers = [
  'Para la quinoa blanca de 500 g se esperan 1,240 unidades en diciembre, un poco más que el mes pasado.',
  'No encontré ventas de ese producto en Arequipa durante la última semana; ¿quieres que revise otra tienda?',
  'El stock de seguridad recomendado es de 320 unidades con un nivel de servicio del 95%.',
  '¿Te refieres a la quinoa blanca o a la roja? Hay dos productos con ese nombre.',
  'Según la política de inventario, los lácteos se reponen cada semana y no deben superar los 10 días de cobertura.',
];
const englishAnswers = [
  'The forecast for white quinoa 500 g is 1,240 units in December, slightly more than last month.',
  'I could not find any sales of that product in Arequipa during the last week; should I check another store?',
  'The recommended safety stock is 320 units for a 95% service level.',
  'Do you mean the white or the red quinoa? There are two products with that name.',
  'According to the inventory policy, dairy is replenished every week and should not exceed 10 days of cover.',
];

describe('detectLanguage', () => {
  it('tells Spanish from English planning answers, otherwise language checks are noise', () => {
    for (const text of spanishAnswers) expect(detectLanguage(text).language, text).toBe('es');
    for (const text of englishAnswers) expect(detectLanguage(text).language, text).toBe('en');
  });

  it('tells short requests with Spanish product names apart, otherwise language: user is never checked on them', () => {
    expect(detectLanguage('Forecast atún for next quarter please.').language).toBe('en');
    expect(
      detectLanguage('Is this Atún en aceite 170 g can OK to ship? Photo attached.').language,
    ).toBe('en');
    expect(detectLanguage('Revisa este empaque, por favor.').language).toBe('es');
    expect(
      detectLanguage('Inspecciona esta foto de Quinoa blanca 500 g, lote L2611-03.').language,
    ).toBe('es');
  });

  it('says undetermined for short texts and codes instead of guessing', () => {
    expect(detectLanguage('¿Y en Lima Callao?').language).toBe('undetermined');
    expect(detectLanguage('OK').language).toBe('undetermined');
    expect(detectLanguage('GRA-005: 1,240').language).toBe('undetermined');
    expect(detectLanguage('Quinoa blanca 500 g').language).toBe('undetermined');
  });

  it('says undetermined for an even mix of both languages', () => {
    expect(
      detectLanguage(
        'Please dame el forecast de la quinoa for the next month, por favor and the sales',
      ).language,
    ).toBe('undetermined');
  });
});

describe('language', () => {
  it('fails a Spanish answer to an English question with language: user, naming both, otherwise users get the wrong language', async () => {
    const run = caseOutput({
      userMessage: 'How much white quinoa will we sell in December?',
      output: spanishAnswers[0],
    });
    const result = await score({ type: 'language', language: 'user' }, run);
    expect(result.pass).toBe(false);
    expect(result.reason).toMatch(
      /^the answer is in Spanish, expected English, the user's language/,
    );
  });

  it("passes an answer in the user's language and checks a fixed es/en", async () => {
    const run = caseOutput({
      userMessage: '¿Cuánta quinoa blanca venderemos en diciembre?',
      output: spanishAnswers[0],
    });
    expect((await score({ type: 'language', language: 'user' }, run)).pass).toBe(true);
    expect((await score({ type: 'language', language: 'es' }, run)).pass).toBe(true);
    const english = await score({ type: 'language', language: 'en' }, run);
    expect(english.pass).toBe(false);
    expect(english.reason).toContain('expected English');
  });

  it('passes an undetermined answer saying it was not checked', async () => {
    const run = caseOutput({
      userMessage: 'How much quinoa will we sell in December?',
      output: '1,240 u.',
    });
    const result = await score({ type: 'language', language: 'user' }, run);
    expect(result.pass).toBe(true);
    expect(result.reason).toContain('undetermined');
    expect(result.reason).toContain('not checked');
  });

  it('defaults to the user language when none is given', async () => {
    const run = caseOutput({
      userMessage: 'What were the sales of milk last week?',
      output: englishAnswers[1],
    });
    expect((await score({ type: 'language' }, run)).pass).toBe(true);
  });
});
