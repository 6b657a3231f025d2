// @vitest-environment jsdom
// jsdom, not happy-dom: DOMPurify does not sanitise under happy-dom 21 (see lib/markdown.test.ts).
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import KnowledgeResult from './KnowledgeResult.svelte';
import { knowledgeSample } from './samples.test-data';

describe('KnowledgeResult', () => {
  it('cites each passage with its document, heading and line range (else answers could not be checked against the source)', () => {
    const { container } = render(KnowledgeResult, { result: knowledgeSample, args: {} });
    const first = knowledgeSample.passages[0];
    if (!first) throw new Error('sample has passages');
    expect(container.querySelectorAll('.passages > li')).toHaveLength(
      knowledgeSample.passages.length,
    );
    expect(screen.getAllByText(first.document).length).toBeGreaterThan(0);
    expect(screen.getByText(`lines ${first.lineStart}–${first.lineEnd}`)).toBeTruthy();
    expect(container.textContent).toContain(first.heading);
  });

  it('says the search was lexical only (else users would not know why results are weaker)', () => {
    render(KnowledgeResult, { result: knowledgeSample, args: {} });
    expect(screen.getByText(/Lexical search only/)).toBeTruthy();
  });

  it('renders passage Markdown but no raw HTML from it (else a knowledge file could inject markup or script)', () => {
    const hostile = {
      ...knowledgeSample,
      passages: [
        {
          ...knowledgeSample.passages[0],
          text: '**Nivel** <img src=x onerror="alert(1)"><script>alert(2)</script> [x](javascript:alert(3))',
        },
      ],
    };
    const { container } = render(KnowledgeResult, { result: hostile, args: {} });
    const passage = container.querySelector('.passage') as HTMLElement;
    expect(passage.querySelector('strong')?.textContent).toBe('Nivel');
    expect(passage.querySelector('img, script, [onerror]')).toBeNull();
    expect(passage.querySelector('a')?.getAttribute('href') ?? null).toBeNull();
  });
});
