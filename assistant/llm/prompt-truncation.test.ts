import { describe, expect, it } from 'vitest';
import {
  detectTruncation,
  estimatePromptTokens,
  FULL_WINDOW_MARGIN,
  TOKENS_PER_MESSAGE,
} from './prompt-truncation';

describe('estimatePromptTokens', () => {
  it('counts characters / 3.5 (rounded up) plus the per-message template overhead', () => {
    // 7 + 7 characters = 14 / 3.5 = 4 tokens, plus 2 messages x 4
    const estimate = estimatePromptTokens({
      messages: [
        { role: 'system', content: 'abcdefg' },
        { role: 'user', content: 'hijklmn' },
      ],
    });
    expect(estimate).toBe(4 + 2 * TOKENS_PER_MESSAGE);
  });

  it('also counts thinking, earlier tool calls, the tool schemas and a format schema', () => {
    const base = estimatePromptTokens({ messages: [{ role: 'user', content: 'x' }] });
    const parameters = { type: 'object', properties: { sku: { type: 'string' } } };
    const withAll = estimatePromptTokens({
      messages: [
        {
          role: 'assistant',
          content: 'x',
          thinking: 'razonando sobre las ventas',
          toolCalls: [{ id: 'call_1', name: 'query_sales', arguments: { sku: 'QUI-500' } }],
        },
      ],
      tools: [{ name: 'query_sales', description: 'Sales of a product', parameters }],
      format: { type: 'object' },
    });
    expect(withAll).toBeGreaterThan(base + 40);
  });
});

describe('detectTruncation', () => {
  it('leaves a prompt that fits unflagged', () => {
    expect(detectTruncation(1000, 1000, 16384)).toBeUndefined();
  });

  it('flags a prompt_eval_count within the margin of num_ctx, and not one just below it', () => {
    expect(detectTruncation(100, 2048 - FULL_WINDOW_MARGIN, 2048)).toBeDefined();
    expect(detectTruncation(100, 2048 - FULL_WINDOW_MARGIN - 1, 2048)).toBeUndefined();
  });

  it('flags an estimate above num_ctx even when Ollama counted few tokens (prompt cache)', () => {
    const truncation = detectTruncation(20_000, 150, 16_384);
    expect(truncation).toMatchObject({
      sentTokensEstimate: 20_000,
      promptEvalCount: 150,
      numCtx: 16_384,
    });
    // suggests the next power of two above 1.25 x the estimate: 25,000 -> 32,768
    expect(truncation?.message).toContain('Raise AYNI_NUM_CTX (for example to 32768');
    expect(truncation?.message).toContain('start a new conversation');
  });
});
