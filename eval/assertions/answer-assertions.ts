// `grounded` (every figure in the answer is in the run's tool results or the user's words) and
// `cites` (a knowledge answer cites a source). Both read what the agent recorded in run-end and
// recheck from the tool calls, so a run recorded without those fields is still checked.
import { findUngroundedFigures } from '../../assistant/agent/grounding';
import type { Citation, UngroundedFigure } from '../../assistant/protocol/events';
import type { CaseOutput } from '../case-result';
import type { Assertion } from '../suite-schema';
import { verdict, type ScoringContext, type Verdict } from './scoring-context';

/** What the user wrote in the conversation: figures they gave are not the model's invention. */
function userTextOf(output: CaseOutput, caseVars: Readonly<Record<string, unknown>>): string {
  const history = Array.isArray(caseVars.history) ? (caseVars.history as unknown[]) : [];
  const earlier = history
    .filter(
      (turn): turn is { role: string; content: string } =>
        turn !== null &&
        typeof turn === 'object' &&
        (turn as { role?: unknown }).role === 'user' &&
        typeof (turn as { content?: unknown }).content === 'string',
    )
    .map((turn) => turn.content);
  return [...earlier, output.userMessage].join('\n');
}

export function scoreGrounded(output: CaseOutput, context: ScoringContext): Verdict {
  // The agent's sources: each successful call's arguments and result.
  const sources = output.toolCalls
    .filter((call) => call.result !== undefined)
    .map((call) => [call.args, call.result]);
  const rechecked = findUngroundedFigures(output.output, {
    sources,
    userText: userTextOf(output, context.caseVars),
  });
  const all: UngroundedFigure[] = [...(output.ungrounded ?? [])];
  for (const figure of rechecked)
    if (!all.some((known) => known.text === figure.text)) all.push(figure);
  if (all.length === 0)
    return verdict(true, "every figure in the answer is in the tool results or the user's words");
  const listed = all
    .slice(0, 5)
    .map((figure) => `"${figure.text}"`)
    .join(', ');
  return verdict(
    false,
    `the answer has ${all.length} figure(s) found in no tool result: ${listed}${all.length > 5 ? ', …' : ''}`,
  );
}

function passagesOf(output: CaseOutput): Citation[] {
  const found: Citation[] = [];
  for (const call of output.toolCalls) {
    if (call.name !== 'search_knowledge') continue;
    const passages = (call.result as { passages?: unknown } | null | undefined)?.passages;
    if (!Array.isArray(passages)) continue;
    for (const passage of passages as Partial<Citation>[])
      if (typeof passage?.document === 'string')
        found.push({
          document: passage.document,
          heading: String(passage.heading ?? ''),
          lineStart: Number(passage.lineStart ?? 0),
          lineEnd: Number(passage.lineEnd ?? 0),
        });
  }
  return found;
}

function sameDocument(document: string, wanted: string): boolean {
  const normalise = (text: string) => text.toLowerCase().replace(/\.md$/, '');
  return normalise(document).includes(normalise(wanted));
}

export function scoreCites(assertion: Assertion, output: CaseOutput): Verdict {
  const citations = output.citations?.length ? output.citations : passagesOf(output);
  if (citations.length === 0)
    return verdict(
      false,
      output.toolCalls.some((call) => call.name === 'search_knowledge')
        ? 'the answer cites no source: search_knowledge returned no passage'
        : 'the answer cites no source: search_knowledge was not called',
    );
  const documents = [...new Set(citations.map((citation) => citation.document))];
  if (assertion.value === undefined)
    return verdict(true, `the answer cites ${documents.join(', ')}`);
  if (typeof assertion.value !== 'string')
    throw new TypeError(
      `cites: value must be a document name, got ${JSON.stringify(assertion.value)}`,
    );
  const wanted = assertion.value;
  return documents.some((document) => sameDocument(document, wanted))
    ? verdict(true, `the answer cites ${wanted}`)
    : verdict(false, `the answer cites ${documents.join(', ')}, not ${wanted}`);
}
