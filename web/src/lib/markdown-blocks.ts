// Incremental Markdown for streaming answers: the text up to its last blank line outside a code
// fence is "stable" (later tokens cannot change how it renders, barring rare cross-block syntax such
// as reference links), so it is rendered once in blocks and only the tail is re-rendered.

const fence = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The end (exclusive) of the stable prefix of `text`, scanning from `from` (a previous boundary,
 * which is always outside a fence). Returns `from` when no new boundary is found.
 */
export function stableBoundary(text: string, from: number): number {
  let boundary = from;
  let open: string | undefined;
  let lineStart = from;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    if (newline < 0) break; // the last line is still being written
    const line = text.slice(lineStart, newline);
    const marker = fence.exec(line)?.[1];
    if (marker) {
      if (open === undefined) open = marker;
      else if (marker[0] === open[0] && marker.length >= open.length) open = undefined;
    } else if (open === undefined && line.trim() === '') {
      boundary = newline + 1;
    }
    lineStart = newline + 1;
  }
  return boundary;
}

export interface BlockState {
  /** the sources of the stable blocks, in order */
  sources: string[];
  /** where the stable prefix ends in the text */
  end: number;
}

export const emptyBlocks = (): BlockState => ({ sources: [], end: 0 });

/**
 * Advances the blocks for the new text: new stable blocks are appended (only they need rendering);
 * when the text no longer starts with the stable prefix (it was replaced) it starts over.
 * Returns the new state, how many leading blocks are unchanged, and the tail to render.
 */
export function advanceBlocks(
  state: BlockState,
  text: string,
): { state: BlockState; kept: number; tail: string } {
  const prefix = state.sources.join('');
  const base = text.length >= state.end && text.startsWith(prefix) ? state : emptyBlocks();
  const end = stableBoundary(text, base.end);
  const sources = end > base.end ? [...base.sources, text.slice(base.end, end)] : base.sources;
  return { state: { sources, end }, kept: base.sources.length, tail: text.slice(end) };
}
