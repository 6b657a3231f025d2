// @vitest-environment jsdom
// jsdom, not happy-dom: DOMPurify does not sanitise under happy-dom 21 (script tags survive).
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('drops script, event handlers and javascript: links (else model text could run code in the page)', () => {
    const html = renderMarkdown(
      'Hola <script>alert(1)</script> <b onclick="alert(2)">x</b> [a](javascript:alert(3)) <img src=x onerror=alert(4)>',
    );
    expect(html).not.toMatch(/<script|onclick|onerror|javascript:|<img/i);
    expect(html).toContain('<b>x</b>');
  });

  it('renders GFM tables (else forecast tables from the model show as pipes)', () => {
    const html = renderMarkdown('| SKU | Units |\n|---|---|\n| GRA-005 | 120 |');
    expect(html).toContain('<table>');
    expect(html).toContain('<td>GRA-005</td>');
  });

  it('opens links in a new tab with rel="noopener noreferrer" (else the opened page controls ours)', () => {
    const html = renderMarkdown('[docs](https://example.com/x)');
    expect(html).toContain('href="https://example.com/x"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('target="_blank"');
  });

  it('wraps each ungrounded figure in a titled mark, not inside code (else unverified numbers look trusted)', () => {
    const html = renderMarkdown('Vendimos 1,250 unidades y 1,250 más; `1,250` en código.', {
      ungrounded: ['1,250'],
      ungroundedTitle: 'not found in the tool results',
    });
    expect(
      html.match(/<mark class="ungrounded" title="not found in the tool results">1,250<\/mark>/g),
    ).toHaveLength(2);
    expect(html).toContain('<code>1,250</code>');
  });

  it('does not let a figure text inject markup (else a crafted figure could add HTML)', () => {
    const html = renderMarkdown('total 5', { ungrounded: ['5'], ungroundedTitle: '"><script>' });
    const container = document.createElement('div');
    container.innerHTML = html;
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('mark')?.title).toBe('"><script>');
  });
});
