import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assembleSopFacts } from '../../tools/sop/build-sop-facts';
import {
  fixedBuilders,
  fixedSections,
  testContext,
} from '../../tools/sop/build-sop-facts.test-doubles';
import { sopNarrative, type SopFacts, type SopNarrative } from '../../tools/sop/sop-facts';
import { templateNarrative } from '../../tools/sop/template-narrative';
import { scriptedLlm } from '../../test/support/scripted-llm';
import { findUngroundedFigures } from '../agent/grounding';
import { LlmError } from '../llm/llm-errors';
import { narrateSopFacts } from './narrate';

const facts = (): SopFacts =>
  assembleSopFacts(testContext(), { month: '2026-10', scope: {} }, fixedBuilders());

const reply = (narrative: SopNarrative | string) => ({
  chunks: [typeof narrative === 'string' ? narrative : JSON.stringify(narrative)],
});

const grounded: SopNarrative = {
  headline:
    'Octubre de 2026: subir el pedido de Yogur fresa 1 L en Arequipa DC, S/ 8,400 de ventas en riesgo.',
  keyIssues: [
    'Demanda: WAPE de 12.3% y sesgo de +10.1%.',
    'Inventario: fill rate 97.1%; exceso de stock S/ 1,860.50 y S/ 180 en riesgo de vencimiento.',
    'Calidad: no disponible — sin inspecciones registradas en octubre de 2026.',
  ],
  decisions: ['Subir el pedido de Yogur fresa 1 L en Arequipa DC en 1,200 unidades: S/ 8,400.'],
};

describe('narrateSopFacts', () => {
  it('passes a grounded narrative unchanged and asks for structured output at temperature 0', async () => {
    const llm = scriptedLlm([reply(grounded)]);
    const result = await narrateSopFacts({ llm, model: 'qwen3:8b' }, facts(), 'es');
    expect(result).toEqual({
      narrative: grounded,
      source: 'model',
      model: 'qwen3:8b',
      promptVersion: 'sop-narrative@1',
      ungrounded: [],
    });
    const request = llm.requests[0];
    expect(request?.format).toEqual(z.toJSONSchema(sopNarrative));
    expect(request?.options?.temperature).toBe(0);
    expect(request?.messages[0]?.content).toContain('Write in Spanish');
    expect(JSON.parse(request?.messages[1]?.content ?? '')).toEqual(facts());
  });

  it('removes the sentence with an invented number and lists it, else the model can make up figures', async () => {
    const invented = {
      ...grounded,
      keyIssues: [
        'Demanda: WAPE de 12.3%. Las ventas crecerán 37% en diciembre.',
        ...grounded.keyIssues.slice(1),
      ],
    };
    const result = await narrateSopFacts(
      { llm: scriptedLlm([reply(invented)]), model: 'm' },
      facts(),
      'es',
    );
    expect(result.source).toBe('model');
    expect(result.narrative.keyIssues[0]).toBe('Demanda: WAPE de 12.3%.');
    expect(result.ungrounded).toEqual([
      { text: '37%', sentence: 'Las ventas crecerán 37% en diciembre.' },
    ]);
  });

  it('catches figures written into a section that is not available, else the model fills gaps', async () => {
    // 0.9712 is in the facts (the fill rate), so only the not-available rule can catch it.
    const filled = {
      ...grounded,
      keyIssues: [
        ...grounded.keyIssues.slice(0, 2),
        'Calidad: la tasa de aprobación fue 97.1% en 3 inspecciones.',
      ],
    };
    const result = await narrateSopFacts(
      { llm: scriptedLlm([reply(filled)]), model: 'm' },
      facts(),
      'es',
    );
    expect(result.ungrounded).toEqual([
      { text: '97.1%', sentence: 'Calidad: la tasa de aprobación fue 97.1% en 3 inspecciones.' },
    ]);
    expect(result.narrative.keyIssues).toContain(
      'Calidad: no disponible — sin inspecciones registradas en octubre de 2026',
    );
  });

  it('adds a missing section the model left out as not available, else the gap looks like no problem', async () => {
    const silent = { ...grounded, keyIssues: grounded.keyIssues.slice(0, 2) };
    const result = await narrateSopFacts(
      { llm: scriptedLlm([reply(silent)]), model: 'm' },
      facts(),
      'en',
    );
    expect(result.narrative.keyIssues).toEqual([
      ...grounded.keyIssues.slice(0, 2),
      'Quality: not available — no inspections recorded in October 2026',
    ]);
  });

  it('retries once on malformed JSON and uses the second answer, else one stray token loses the narrative', async () => {
    const llm = scriptedLlm([reply('{"headline": "Octubre'), reply(grounded)]);
    const result = await narrateSopFacts({ llm, model: 'm' }, facts(), 'es');
    expect(result.source).toBe('model');
    expect(llm.requests).toHaveLength(2);
    expect(llm.requests[1]?.messages.at(-1)?.content).toMatch(/not valid JSON/);
  });

  it('falls back to the template after two malformed answers, with the reason, else the report is empty', async () => {
    const llm = scriptedLlm([reply('not json'), reply({ headline: '' } as SopNarrative)]);
    const result = await narrateSopFacts({ llm, model: 'm' }, facts(), 'es');
    expect(result.source).toBe('template');
    expect(result.narrative).toEqual(templateNarrative(facts(), 'es'));
    expect(result.fallbackReason).toMatch(
      /unusable twice: the answer does not fit the schema: headline/,
    );
  });

  it('falls back to the template when the model is unreachable, else the summary fails without Ollama', async () => {
    const llm = scriptedLlm([
      { error: new LlmError('unreachable', 'nothing listens at 127.0.0.1:11434') },
    ]);
    const result = await narrateSopFacts({ llm, model: 'm' }, facts(), 'en');
    expect(result.source).toBe('template');
    expect(result.fallbackReason).toBe(
      'the model could not be used: nothing listens at 127.0.0.1:11434',
    );
    expect(result.narrative.keyIssues).toContain(
      'Quality: not available — no inspections recorded in October 2026',
    );
  });

  it('uses the template when every sentence is ungrounded, else an empty narrative is shown', async () => {
    const invented: SopNarrative = {
      headline: 'Ventas de S/ 99,999.',
      keyIssues: ['Demanda: 4,321 unidades.'],
      decisions: ['Comprar 777 unidades.'],
    };
    const result = await narrateSopFacts(
      { llm: scriptedLlm([reply(invented)]), model: 'm' },
      facts(),
      'es',
    );
    expect(result.source).toBe('template');
    expect(result.ungrounded.map((item) => item.text)).toEqual(['99,999', '4,321', '777']);
    expect(result.fallbackReason).toMatch(/nothing usable/);
  });

  it('rethrows when the caller aborts, else a cancelled request still returns a template', async () => {
    const llm = scriptedLlm([{ error: new LlmError('aborted', 'the request was cancelled') }]);
    await expect(narrateSopFacts({ llm, model: 'm' }, facts(), 'es')).rejects.toThrow(/cancelled/);
  });
});

describe('templateNarrative grounding', () => {
  for (const language of ['es', 'en'] as const) {
    it(`writes only figures of the facts in ${language}, else the template invents numbers`, () => {
      for (const withDecisions of [true, false]) {
        const sectionFacts = assembleSopFacts(
          testContext(),
          { month: '2026-10', scope: { locations: ['Sur'] } },
          fixedBuilders(fixedSections(), withDecisions ? undefined : []),
        );
        const narrative = templateNarrative(sectionFacts, language);
        const text = [narrative.headline, ...narrative.keyIssues, ...narrative.decisions].join(
          '\n',
        );
        expect(findUngroundedFigures(text, { sources: [sectionFacts], userText: '' })).toEqual([]);
      }
    });
  }
});
