import { describe, expect, it } from 'vitest';
import { splitThinkTags, ThinkTagSplitter } from './think-tags';

function stream(chunks: readonly string[]) {
  const splitter = new ThinkTagSplitter();
  let thinking = '';
  let content = '';
  for (const chunk of chunks) {
    const part = splitter.push(chunk);
    thinking += part.thinking;
    content += part.content;
  }
  const rest = splitter.flush();
  return { thinking: thinking + rest.thinking, content: content + rest.content };
}

describe('ThinkTagSplitter', () => {
  it('moves <think> reasoning out of the answer even when the tags are split across chunks (else users read it)', () => {
    expect(
      stream(['<thi', 'nk>Necesito ', 'ventas</th', 'ink>\n\nLa quinoa', ' vendió 10.']),
    ).toEqual({
      thinking: 'Necesito ventas',
      content: 'La quinoa vendió 10.',
    });
  });

  it('leaves an answer without tags untouched, including one that starts with "<"', () => {
    expect(stream(['<b>no</b> es', ' un tag de razonamiento'])).toEqual({
      thinking: '',
      content: '<b>no</b> es un tag de razonamiento',
    });
    expect(stream(['Hola', ' <think> dentro no cuenta'])).toEqual({
      thinking: '',
      content: 'Hola <think> dentro no cuenta',
    });
  });

  it('treats an unclosed <think> at the end as reasoning, and a lone "<" as text', () => {
    expect(splitThinkTags('<think>sin cerrar')).toEqual({ thinking: 'sin cerrar', content: '' });
    expect(stream(['<'])).toEqual({ thinking: '', content: '<' });
  });
});
