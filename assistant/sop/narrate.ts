// The S&OP executive narrative from the model (issue 9): structured output from the facts JSON,
// validated (one retry on a malformed answer), then every figure checked against the facts.
// Sentences with a figure the facts do not hold, or with figures about a section that is not
// available, are removed and listed; a missing section the model left out is added back as not
// available. When nothing usable is left, or the model cannot be reached, the deterministic
// template narrative is used and the reason is given.
import { z } from 'zod';
import { promptLabel, sopNarrativeV1 } from '../../prompts';
import { sopNarrative, type SopFacts, type SopNarrative } from '../../tools/sop/sop-facts';
import {
  notAvailableLine,
  sopSectionNames,
  templateNarrative,
} from '../../tools/sop/template-narrative';
import {
  collectNumbers,
  extractFigures,
  findUngroundedFigures,
  NumberIndex,
} from '../agent/grounding';
import type { LlmClient, LlmMessage } from '../llm/llm-client';
import { isLlmError } from '../llm/llm-errors';

export interface NarrateDeps {
  llm: LlmClient;
  model: string;
  signal?: AbortSignal;
}

export interface UngroundedSentence {
  /** the figure that is not in the facts */
  text: string;
  /** the sentence removed because of it */
  sentence: string;
}

export interface NarrateResult {
  narrative: SopNarrative;
  source: 'model' | 'template';
  model?: string;
  promptVersion?: string;
  ungrounded: UngroundedSentence[];
  fallbackReason?: string;
}

type Language = 'es' | 'en';
type SectionName = (typeof sopSectionNames)[number];

const narrativeSchema = z.toJSONSchema(sopNarrative) as Record<string, unknown>;

/** Words that say a sentence is about a section (accents removed, lower case). */
const sectionWords: Record<SectionName, RegExp> = {
  demandReview: /\b(demand|demanda|forecast|pronostic|wape|mape|bias|sesgo)/,
  supplyReview:
    /\b(inventor|stock|supply|abastec|cover|cobertura|excess|exceso|expir|vencim|waste|merma|fill rate|nivel de servicio|service level|quiebre)/,
  anomalies: /\banomal/,
  quality: /\b(quality|calidad|qc|inspecc|inspection|pass rate|aprobac|rechaz)/,
  lifecycle: /\b(lifecycle|ciclo de vida|launch|lanzamiento|declin|discontinu|descontinu)/,
};
const missingWords = /\b(no disponible|not available|unavailable|sin datos|no data)\b/;

const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=\S)/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

const isYear = (value: number) => Number.isInteger(value) && value >= 1990 && value <= 2100;

/** Checks sentences against the facts: what to keep and why the rest was removed. */
function groundingChecker(facts: SopFacts) {
  const missing = sopSectionNames.flatMap((name) => {
    const section = facts[name];
    return section.status === 'not_available'
      ? [
          {
            name,
            words: sectionWords[name],
            allowed: new NumberIndex(collectNumbers(section.reason)),
          },
        ]
      : [];
  });
  return (sentence: string): string | undefined => {
    const ungrounded = findUngroundedFigures(sentence, { sources: [facts], userText: '' });
    if (ungrounded.length > 0) return ungrounded[0]?.text;
    const words = plain(sentence);
    for (const section of missing) {
      if (!section.words.test(words)) continue;
      const filled = extractFigures(sentence).find(
        (figure) =>
          !figure.readings.some(
            (reading) =>
              isYear(reading.value) || section.allowed.has(reading.value, reading.tolerance),
          ),
      );
      if (filled) return filled.text;
    }
    return undefined;
  };
}

function keepGrounded(
  texts: readonly string[],
  check: (sentence: string) => string | undefined,
  removed: UngroundedSentence[],
): string[] {
  return texts.flatMap((text) => {
    const kept = sentencesOf(text).filter((sentence) => {
      const figure = check(sentence);
      if (figure !== undefined) removed.push({ text: figure, sentence });
      return figure === undefined;
    });
    return kept.length > 0 ? [kept.join(' ')] : [];
  });
}

/** The model's issues, then a "not available" line for each missing section it did not mention. */
function withMissingSections(issues: string[], facts: SopFacts, language: Language): string[] {
  const added = sopSectionNames.flatMap((name) => {
    const section = facts[name];
    if (section.status === 'available') return [];
    const mentioned = issues.some((issue) => {
      const words = plain(issue);
      return sectionWords[name].test(words) && missingWords.test(words);
    });
    return mentioned ? [] : [notAvailableLine(name, section.reason, language)];
  });
  return [...issues.slice(0, 8 - added.length), ...added];
}

/** The JSON object in the answer (the schema makes it the whole answer; some models fence it). */
function parseNarrative(content: string): { narrative?: SopNarrative; problem?: string } {
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  let value: unknown;
  try {
    value = JSON.parse(start !== -1 && end > start ? content.slice(start, end + 1) : content);
  } catch (error) {
    return { problem: `the answer is not valid JSON (${(error as Error).message})` };
  }
  const parsed = sopNarrative.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      problem: `the answer does not fit the schema: ${issue?.path.join('.') || 'answer'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  return { narrative: parsed.data };
}

function fallback(
  facts: SopFacts,
  language: Language,
  reason: string,
  extra: Partial<NarrateResult> = {},
): NarrateResult {
  return {
    ungrounded: [],
    ...extra,
    narrative: templateNarrative(facts, language),
    source: 'template',
    fallbackReason: reason,
  };
}

/** The narrative of the facts by the model, grounded in them; the template when that fails. */
export async function narrateSopFacts(
  deps: NarrateDeps,
  facts: SopFacts,
  language: Language,
): Promise<NarrateResult> {
  const prompt = sopNarrativeV1;
  const promptVersion = promptLabel(prompt);
  const messages: LlmMessage[] = [
    { role: 'system', content: prompt.render({ language }) },
    { role: 'user', content: JSON.stringify(facts) },
  ];
  let narrative: SopNarrative | undefined;
  let model = deps.model;
  let problem = '';
  for (let attempt = 1; attempt <= 2 && narrative === undefined; attempt += 1) {
    let content: string;
    try {
      const result = await deps.llm.chat({
        model: deps.model,
        messages,
        format: narrativeSchema,
        options: { temperature: 0 },
        ...(deps.signal && { signal: deps.signal }),
      });
      content = result.message.content;
      model = result.model;
    } catch (error) {
      if (!isLlmError(error) || error.failure === 'aborted') throw error;
      return fallback(facts, language, `the model could not be used: ${error.message}`, {
        promptVersion,
      });
    }
    const parsed = parseNarrative(content);
    narrative = parsed.narrative;
    if (narrative === undefined) {
      problem = parsed.problem ?? 'invalid answer';
      messages.push(
        { role: 'assistant', content },
        {
          role: 'user',
          content: `That answer cannot be used: ${problem}. Answer again with only the JSON object of the schema (headline, keyIssues, decisions).`,
        },
      );
    }
  }
  if (narrative === undefined) {
    return fallback(facts, language, `the model's answer was unusable twice: ${problem}`, {
      model,
      promptVersion,
    });
  }

  const ungrounded: UngroundedSentence[] = [];
  const check = groundingChecker(facts);
  const headline = keepGrounded([narrative.headline], check, ungrounded)[0] ?? '';
  const keyIssues = keepGrounded(narrative.keyIssues, check, ungrounded);
  const decisions = keepGrounded(narrative.decisions, check, ungrounded);
  if (headline === '' || keyIssues.length + decisions.length === 0) {
    return fallback(
      facts,
      language,
      `nothing usable was left of the model's narrative after removing ${ungrounded.length} sentence(s) with figures not in the facts`,
      { model, promptVersion, ungrounded },
    );
  }
  return {
    narrative: {
      headline,
      keyIssues: withMissingSections(keyIssues, facts, language),
      decisions,
    },
    source: 'model',
    model,
    promptVersion,
    ungrounded,
  };
}
