// The status banner in Chromium when Ollama lacks the chat model: the exact `ollama pull` to run,
// and a slash command still answers (tools run without the model).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allModels, sendMessage, snap, startWebStack, type WebStack } from '../../support/browser';

let stack: WebStack;
beforeAll(async () => {
  stack = await startWebStack({ models: allModels.filter((model) => model.name !== 'qwen3:8b') });
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

describe('the missing-model banner in Chromium', () => {
  it('names `ollama pull qwen3:8b` and a slash command still answers with a forecast card', async () => {
    const page = await stack.open();
    await expect
      .poll(() => page.getByText('ollama pull qwen3:8b').first().isVisible(), { timeout: 10_000 })
      .toBe(true);
    await snap(page, 'banner-model-missing');
    await sendMessage(page, '/forecast QUI-500 4 week');
    const card = page.locator('details[data-tool="forecast_demand"]');
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => card.locator('canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // no model was asked: the tool ran from the slash command alone
    expect(stack.ollama.bodies('/api/chat')).toEqual([]);
    await snap(page, 'banner-slash-command', true);
    expect(stack.pageErrors).toEqual([]);
  });
});
