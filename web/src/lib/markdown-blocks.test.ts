import { describe, expect, it } from 'vitest';
import { advanceBlocks, emptyBlocks, stableBoundary } from './markdown-blocks';

describe('stableBoundary', () => {
  it('ends after the last blank line (else finished paragraphs re-render on every token)', () => {
    const text = 'uno\n\ndos\n\ntr';
    expect(stableBoundary(text, 0)).toBe('uno\n\ndos\n\n'.length);
  });

  it('never ends inside a code fence (else half a code block renders as text)', () => {
    const text = 'a\n\n```\ncode\n\nmore\n';
    expect(stableBoundary(text, 0)).toBe(3);
    const closed = `${text}\`\`\`\n\nb`;
    expect(stableBoundary(closed, 0)).toBe(closed.length - 1);
  });

  it('keeps a table in one block (no blank lines inside it)', () => {
    const text = '| a |\n|---|\n| 1 |\n| 2 |';
    expect(stableBoundary(text, 0)).toBe(0);
  });
});

describe('advanceBlocks', () => {
  it('appends only new stable blocks and keeps earlier ones (else long answers re-render whole)', () => {
    let step = advanceBlocks(emptyBlocks(), 'uno\n\ndo');
    expect(step).toMatchObject({ kept: 0, tail: 'do', state: { sources: ['uno\n\n'] } });
    step = advanceBlocks(step.state, 'uno\n\ndos\n\ntres');
    expect(step).toMatchObject({
      kept: 1,
      tail: 'tres',
      state: { sources: ['uno\n\n', 'dos\n\n'] },
    });
  });

  it('starts over when the text was replaced (else a corrected final answer keeps stale blocks)', () => {
    const first = advanceBlocks(emptyBlocks(), 'borrador\n\nx').state;
    const step = advanceBlocks(first, 'Respuesta final');
    expect(step).toEqual({ state: { sources: [], end: 0 }, kept: 0, tail: 'Respuesta final' });
  });
});
