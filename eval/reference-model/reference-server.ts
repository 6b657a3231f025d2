// The reference model: the Ollama-protocol test server (test/support/fake-ollama.ts, real HTTP)
// scripted to play a competent tool-calling model for the shipped suites. For each chat request it
// finds the case by the user's message, answers the first turn with the calls the case's own
// assertions expect (case-plan.ts) and the last turn with an answer composed from the tool results
// it was sent (compose-answer.ts). So recordings made with it test the runner, the agent loop and
// the tools; they say nothing about a real model's quality.
//
// `reference-weak` has two deliberate weaknesses, for reports with real failures: it answers
// forecast questions with query_sales (history) instead of forecast_demand, and it adds a growth
// figure found in no tool result. `reference-judge` grades llm-rubric assertions: it passes when
// every `backquoted` term of the rubric occurs in the output (case-insensitive), and says which not.
import { detectLanguage } from '../assertions/language-detector';
import type { LoadedCase } from '../load-suite';
import {
  startFakeOllama,
  type ChatBody,
  type FakeOllama,
  type FakeReply,
  type FakeToolCall,
} from '../../test/support/fake-ollama';
import { planCase, type CasePlan } from './case-plan';
import { composeAnswer, declineAnswer, type AnswerLanguage } from './compose-answer';

export const referenceModels = {
  competent: 'reference',
  weak: 'reference-weak',
  judge: 'reference-judge',
} as const;

const photoNote = /\n\n\[The user attached \d+ photos?\. [^\]]*\]$/;

/** The user's message as the case wrote it (the agent appends a note about attached photos). */
function caseMessage(content: string): string {
  return content
    .replace(photoNote, '')
    .replace(/^\[The user attached [^\]]*\]$/, '')
    .trim();
}

function languageOf(message: string): AnswerLanguage {
  const detected = detectLanguage(message);
  if (detected.language !== 'undetermined') return detected.language === 'en' ? 'en' : 'es';
  // too short to be sure: the language with more function words, Spanish on a tie
  return detected.englishWords > detected.spanishWords ? 'en' : 'es';
}

/** Word pieces, so the answer streams in chunks and token counts are plausible. */
function replyOf(content: string, toolCalls?: readonly FakeToolCall[]): FakeReply {
  const words = content.split(/\s+/).filter(Boolean).length;
  return {
    kind: 'chat',
    content,
    ...(toolCalls && toolCalls.length > 0 ? { toolCalls } : {}),
    chunks: Math.min(6, Math.max(1, words)),
    evalCount: Math.ceil(words * 1.4) + 24 * (toolCalls?.length ?? 0),
  };
}

export function judgeReply(body: ChatBody): FakeReply {
  const prompt = body.messages?.find((message) => message.role === 'user')?.content ?? '';
  const rubric = /<rubric>\n([\s\S]*?)\n<\/rubric>/.exec(prompt)?.[1] ?? '';
  const output = /<output>\n([\s\S]*?)\n<\/output>/.exec(prompt)?.[1] ?? '';
  const terms = [...rubric.matchAll(/`([^`]+)`/g)].map((match) => match[1] as string);
  const missing = terms.filter((term) => !output.toLowerCase().includes(term.toLowerCase()));
  const verdict =
    terms.length === 0
      ? {
          reason: 'the rubric names no `term` the reference judge can check',
          pass: false,
          score: 0,
        }
      : missing.length === 0
        ? { reason: `the output contains ${terms.join(', ')}`, pass: true, score: 1 }
        : {
            reason: `the output lacks ${missing.join(', ')}`,
            pass: false,
            score: 1 - missing.length / terms.length,
          };
  return { kind: 'chat', content: JSON.stringify(verdict), chunks: 1 };
}

const inventedFigure: Record<AnswerLanguage, string> = {
  es: 'Además, estimo que la demanda crecerá 23,7 % el próximo mes.',
  en: 'On top of that, I expect demand to grow 23.7 % next month.',
};

export function createReferenceHandler(cases: readonly LoadedCase[]) {
  const plans = new Map<string, CasePlan>();
  for (const loaded of cases) {
    const plan = planCase(loaded);
    const other = plans.get(plan.message);
    if (other && JSON.stringify(other.calls) !== JSON.stringify(plan.calls))
      throw new Error(
        `cases ${other.caseId} and ${plan.caseId} have the same message but expect different tool calls; the reference model tells cases apart by their message`,
      );
    plans.set(plan.message, plan);
  }

  return (body: ChatBody): FakeReply => {
    const messages = body.messages ?? [];
    if (body.model.startsWith(referenceModels.judge)) return judgeReply(body);
    const weak = body.model.startsWith(referenceModels.weak);
    const lastUser = messages.findLastIndex((message) => message.role === 'user');
    const message = caseMessage(messages[lastUser]?.content ?? '');
    const plan = plans.get(message);
    if (!plan)
      return {
        kind: 'http',
        status: 500,
        error: `reference model: no case has the message ${JSON.stringify(message.slice(0, 80))}`,
      };
    const language = languageOf(message);
    const turn = messages.slice(lastUser + 1);
    const toolMessages = turn
      .filter((item) => item.role === 'tool')
      .map((item) => ({
        toolName: (item as { tool_name?: string }).tool_name ?? '',
        content: item.content ?? '',
      }));
    if (toolMessages.length === 0) {
      if (plan.answersWithoutTools || plan.calls.length === 0)
        return replyOf(declineAnswer(language, plan.chitchat));
      const calls = plan.calls.map((call) =>
        weak && call.name === 'forecast_demand'
          ? {
              name: 'query_sales',
              arguments: Object.fromEntries(
                Object.entries(call.arguments).filter(([key]) =>
                  ['product', 'category', 'location'].includes(key),
                ),
              ),
            }
          : call,
      );
      return replyOf('', calls);
    }
    const answer = composeAnswer(toolMessages, language);
    return replyOf(weak ? `${answer}\n\n${inventedFigure[language]}` : answer);
  };
}

/** Starts the test server with the reference models answering the given cases. */
export async function startReferenceOllama(cases: readonly LoadedCase[]): Promise<FakeOllama> {
  const handler = createReferenceHandler(cases);
  const server = await startFakeOllama({
    kind: 'models',
    models: [
      { name: referenceModels.competent, capabilities: ['completion', 'tools'] },
      { name: referenceModels.weak, capabilities: ['completion', 'tools'] },
      { name: referenceModels.judge, capabilities: ['completion'] },
    ],
  });
  server.onChat(handler);
  return server;
}
