// Model text to safe HTML: Markdown (GFM, tables) by marked, then DOMPurify, so no raw HTML or
// script from the model reaches the page. Links open in a new tab with rel="noopener noreferrer";
// images and forms are dropped (a model's image URL could leak data). Figures the server flagged as
// ungrounded are wrapped in <mark class="ungrounded" title="..."> after sanitising.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });
let hooked = false;

function addLinkHook(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
}

const purifyOptions = {
  FORBID_TAGS: ['img', 'style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'svg'],
  FORBID_ATTR: ['style', 'class', 'id'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
};

export interface MarkOptions {
  /** texts of figures to mark (run-end's ungrounded) */
  ungrounded?: readonly string[];
  /** the mark's title, e.g. "not found in the tool results" */
  ungroundedTitle?: string;
}

function markFigures(root: Node, figures: readonly string[], title: string): void {
  const wanted = [...new Set(figures.filter((figure) => figure.trim() !== ''))].sort(
    (a, b) => b.length - a.length,
  );
  if (wanted.length === 0) return;
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('code, pre, mark')) texts.push(node as Text);
  }
  for (const text of texts) {
    let node: Text | null = text;
    while (node) {
      const value: string = node.data;
      let best: { index: number; figure: string } | undefined;
      for (const figure of wanted) {
        const index = value.indexOf(figure);
        if (index >= 0 && (best === undefined || index < best.index)) best = { index, figure };
      }
      if (!best) break;
      const match: Text = node.splitText(best.index);
      const rest: Text = match.splitText(best.figure.length);
      const mark = document.createElement('mark');
      mark.className = 'ungrounded';
      mark.title = title;
      match.replaceWith(mark);
      mark.append(match);
      node = rest;
    }
  }
}

/** Markdown to sanitised HTML, with ungrounded figures marked. */
export function renderMarkdown(text: string, options: MarkOptions = {}): string {
  addLinkHook();
  const html = marked.parse(text) as string;
  const figures = options.ungrounded ?? [];
  if (figures.length === 0) return DOMPurify.sanitize(html, purifyOptions);
  const fragment = DOMPurify.sanitize(html, { ...purifyOptions, RETURN_DOM_FRAGMENT: true });
  markFigures(fragment, figures, options.ungroundedTitle ?? '');
  const container = fragment.ownerDocument.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}
