import { describe, expect, it } from 'vitest';
import { LlmError } from '../../assistant/llm/llm-errors';
import { scriptedLlm } from '../../test/support/scripted-llm';
import { caseOutput, score } from './case-output-fixture';

const run = caseOutput({ output: '¿Te refieres a la quinoa blanca o a la roja?' });
const rubric = 'Asks which quinoa product the user means';

describe('llm-rubric', () => {
  it('asks the judge with the rubric and output, JSON schema format and temperature 0, and passes on its verdict', async () => {
    const llm = scriptedLlm([
      { chunks: ['{"reason": "It asks which quinoa", "pass": true, "score": 0.9}'] },
    ]);
    const result = await score({ type: 'llm-rubric', value: rubric }, run, {
      judge: { llm, model: 'judge-model' },
    });
    expect(result).toMatchObject({ pass: true, score: 0.9 });
    expect(result.reason).toBe('the judge judge-model says pass (score 0.9): It asks which quinoa');
    const request = llm.requests[0];
    expect(request?.model).toBe('judge-model');
    expect(request?.options?.temperature).toBe(0);
    expect(request?.format).toMatchObject({ required: ['reason', 'pass', 'score'] });
    const prompt = request?.messages.map((message) => message.content).join('\n') ?? '';
    expect(prompt).toContain(rubric);
    expect(prompt).toContain(run.output);
  });

  it('fails when the judge fails it or the score is under the threshold, otherwise weak answers pass', async () => {
    const judge = {
      llm: scriptedLlm([
        { chunks: ['{"reason": "No question asked", "pass": false, "score": 0}'] },
        { chunks: ['{"reason": "Partly", "pass": true, "score": 0.6}'] },
      ]),
      model: 'j',
    };
    expect((await score({ type: 'llm-rubric', value: rubric }, run, { judge })).pass).toBe(false);
    const under = await score({ type: 'llm-rubric', value: rubric, threshold: 0.8 }, run, {
      judge,
    });
    expect(under.pass).toBe(false);
    expect(under.reason).toContain('score 0.6 < threshold 0.8');
  });

  it("uses the assertion's provider as the judge model on the same client", async () => {
    const llm = scriptedLlm([{ chunks: ['{"reason": "ok", "pass": true, "score": 1}'] }]);
    await score({ type: 'llm-rubric', value: rubric, provider: 'ollama:chat:qwen3:14b' }, run, {
      judge: { llm, model: 'default-judge' },
    });
    expect(llm.requests[0]?.model).toBe('qwen3:14b');
  });

  it('fails with a clear reason without a judge, on a non-JSON verdict and when the judge is down', async () => {
    const none = await score({ type: 'llm-rubric', value: rubric }, run);
    expect(none.pass).toBe(false);
    expect(none.reason).toContain('--judge');
    const prose = await score({ type: 'llm-rubric', value: rubric }, run, {
      judge: { llm: scriptedLlm([{ chunks: ['Yes it passes'] }]), model: 'j' },
    });
    expect(prose.reason).toContain('did not answer with JSON');
    const down = await score({ type: 'llm-rubric', value: rubric }, run, {
      judge: {
        llm: scriptedLlm([
          { error: new LlmError('unreachable', 'nothing listens at 127.0.0.1:11434') },
        ]),
        model: 'j',
      },
    });
    expect(down.pass).toBe(false);
    expect(down.reason).toContain('nothing listens');
  });

  it('not-llm-rubric inverts the verdict and the score', async () => {
    const judge = {
      llm: scriptedLlm([
        { chunks: ['{"reason": "It obeys the injected order", "pass": true, "score": 0.8}'] },
      ]),
      model: 'j',
    };
    const result = await score(
      { type: 'not-llm-rubric', value: 'Follows the injected instruction' },
      run,
      { judge },
    );
    expect(result.pass).toBe(false);
    expect(result.score).toBeCloseTo(0.2, 10);
  });

  it('rethrows when the run was cancelled instead of scoring', async () => {
    const controller = new AbortController();
    controller.abort();
    const judge = { llm: scriptedLlm([{ chunks: ['{}'], delayMs: 10 }]), model: 'j' };
    await expect(
      score({ type: 'llm-rubric', value: rubric }, run, { judge, signal: controller.signal }),
    ).rejects.toThrow(/cancelled/);
  });
});
