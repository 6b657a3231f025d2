// One question to the vision model about a packaging photo (issue 6, step 3): the JSON Schema of
// the answer goes as `format`, the reply is parsed and validated, a malformed or invalid reply is
// retried once with the problem named, and a second failure is reported as "model output
// unusable" — never repaired by guessing. An unreachable model is reported, not thrown, so the
// deterministic checks still give a verdict.
import type { ToolVisionModel } from './inspection-records';
import { visionAnswer, visionAnswerJsonSchema, type VisionAnswer } from './vision-answer';

export interface AskVisionInput {
  /** base64 (no data: prefix) of the photo as sent */
  imageBase64: string;
  /** the product the photo should show, e.g. "GRA-005 Quinoa blanca 500 g" */
  product?: string | null;
  /** the lot the operator gave */
  lot?: string | null;
  signal: AbortSignal;
}

export type VisionOutcome =
  | { status: 'ok'; answer: VisionAnswer; model: string; ms: number; attempts: number }
  | { status: 'unusable'; problem: string; model: string; ms: number; attempts: number }
  | { status: 'unavailable'; problem: string; model: string; ms: number; attempts: number };

export const maxVisionAttempts = 2;

/** The user message: facts only (the instructions are the vision model's system prompt). */
export function visionUserPrompt(input: Pick<AskVisionInput, 'product' | 'lot'>): string {
  const lines = ['Inspect the package in this photo.'];
  if (input.product) lines.push(`Expected product: ${input.product}.`);
  if (input.lot) lines.push(`Lot given by the operator: ${input.lot}.`);
  return lines.join('\n');
}

type Parsed = { ok: true; answer: VisionAnswer } | { ok: false; problem: string };

/** Parses and validates one reply; a ```json fence around the object is tolerated. */
export function parseVisionAnswer(content: string): Parsed {
  const text = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `not valid JSON (${reason})` };
  }
  const result = visionAnswer.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(answer)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, problem: `JSON that does not fit the schema (${issues})` };
  }
  return { ok: true, answer: result.data };
}

export async function askVisionModel(
  vision: ToolVisionModel,
  input: AskVisionInput,
): Promise<VisionOutcome> {
  const started = performance.now();
  const schema = visionAnswerJsonSchema();
  const basePrompt = visionUserPrompt(input);
  let model = vision.model;
  let lastProblem = '';
  for (let attempt = 1; attempt <= maxVisionAttempts; attempt += 1) {
    const prompt =
      attempt === 1
        ? basePrompt
        : `${basePrompt}\nYour previous answer was ${lastProblem}. Answer again with only the JSON object of the schema.`;
    let content: string;
    try {
      const reply = await vision.ask({
        prompt,
        images: [input.imageBase64],
        schema,
        signal: input.signal,
      });
      content = reply.content;
      model = reply.model;
    } catch (error) {
      if (input.signal.aborted) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      return {
        status: 'unavailable',
        problem: `vision model ${model} did not answer: ${reason}`,
        model,
        ms: performance.now() - started,
        attempts: attempt,
      };
    }
    const parsed = parseVisionAnswer(content);
    if (parsed.ok) {
      return {
        status: 'ok',
        answer: parsed.answer,
        model,
        ms: performance.now() - started,
        attempts: attempt,
      };
    }
    lastProblem = parsed.problem;
  }
  return {
    status: 'unusable',
    problem: `model output unusable: ${model} answered ${lastProblem}, twice`,
    model,
    ms: performance.now() - started,
    attempts: maxVisionAttempts,
  };
}
