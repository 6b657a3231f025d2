import { describe, expect, it } from 'vitest';
import { askVisionModel, parseVisionAnswer, visionUserPrompt } from './ask-vision-model';
import type { ToolVisionModel, VisionModelRequest } from './inspection-records';

function scripted(
  replies: (string | Error)[],
): ToolVisionModel & { requests: VisionModelRequest[] } {
  const requests: VisionModelRequest[] = [];
  return {
    model: 'scripted-vision',
    requests,
    ask(request) {
      requests.push(request);
      const next = replies.shift();
      if (next === undefined) throw new Error('no reply scripted');
      if (next instanceof Error) return Promise.reject(next);
      return Promise.resolve({ content: next, model: 'scripted-vision', ms: 1 });
    },
  };
}

const ok = {
  defects: [],
  legibleText: '',
  bestBefore: null,
  lotCode: null,
  confidence: 0.9,
};
const signal = new AbortController().signal;

describe('parseVisionAnswer', () => {
  it('accepts a valid object, also inside a ```json fence (models often fence it)', () => {
    expect(parseVisionAnswer(JSON.stringify(ok))).toEqual({ ok: true, answer: ok });
    expect(parseVisionAnswer('```json\n' + JSON.stringify(ok) + '\n```').ok).toBe(true);
  });

  it.each([
    [
      'a defect type outside the list',
      { ...ok, defects: [{ type: 'rust', location: 'x', severity: 'minor' }] },
      'defects.0.type',
    ],
    ['a confidence above 1', { ...ok, confidence: 1.5 }, 'confidence'],
    ['a missing best-before field', { ...ok, bestBefore: undefined }, 'bestBefore'],
    ['an extra field', { ...ok, verdict: 'pass' }, '(answer)'],
  ])('rejects %s naming the field (else an invalid answer is trusted)', (_, value, field) => {
    const parsed = parseVisionAnswer(JSON.stringify(value));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(field);
  });
});

describe('askVisionModel', () => {
  it('asks once when the first answer is valid, with the schema and the photo', async () => {
    const vision = scripted([JSON.stringify(ok)]);
    const outcome = await askVisionModel(vision, { imageBase64: 'AAAA', signal });
    expect(outcome).toMatchObject({ status: 'ok', attempts: 1, answer: ok });
    expect(vision.requests[0]?.images).toEqual(['AAAA']);
    expect(vision.requests[0]?.schema).toMatchObject({ type: 'object' });
    expect(vision.requests[0]?.prompt).toBe(visionUserPrompt({}));
  });

  it('does not ask a third time after two invalid answers (else a slow model is asked forever)', async () => {
    const vision = scripted(['nope', '{}', JSON.stringify(ok)]);
    const outcome = await askVisionModel(vision, { imageBase64: 'AAAA', signal });
    expect(outcome.status).toBe('unusable');
    expect(vision.requests).toHaveLength(2);
  });

  it('rethrows when the caller aborted (else a cancelled request still inspects)', async () => {
    const controller = new AbortController();
    controller.abort();
    const vision = scripted([new Error('aborted')]);
    await expect(
      askVisionModel(vision, { imageBase64: 'AAAA', signal: controller.signal }),
    ).rejects.toThrow('aborted');
  });
});
