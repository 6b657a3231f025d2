// Some models (or Ollama versions, when `think` is not set) put their reasoning inside the
// content as <think>...</think>. This splitter routes it to thinking as the chunks stream, so the
// user never sees it in the answer and grounding never checks it.

const open = '<think>';
const close = '</think>';

export class ThinkTagSplitter {
  private state: 'start' | 'thinking' | 'answer' = 'start';
  private pending = '';

  /** Splits the next content chunk into reasoning and answer text. */
  push(chunk: string): { thinking: string; content: string } {
    if (this.state === 'answer') return { thinking: '', content: chunk };
    this.pending += chunk;
    if (this.state === 'start') {
      const trimmed = this.pending.trimStart();
      if (trimmed.length < open.length && open.startsWith(trimmed))
        return { thinking: '', content: '' };
      if (!trimmed.startsWith(open)) {
        this.state = 'answer';
        const content = this.pending;
        this.pending = '';
        return { thinking: '', content };
      }
      this.state = 'thinking';
      this.pending = trimmed.slice(open.length);
    }
    const end = this.pending.indexOf(close);
    if (end === -1) {
      // keep a possible partial "</think>" at the end for the next chunk
      const keep = Math.min(this.pending.length, close.length - 1);
      const thinking = this.pending.slice(0, this.pending.length - keep);
      this.pending = this.pending.slice(this.pending.length - keep);
      return { thinking, content: '' };
    }
    const thinking = this.pending.slice(0, end);
    const content = this.pending.slice(end + close.length).replace(/^\s+/, '');
    this.pending = '';
    this.state = 'answer';
    return { thinking, content };
  }

  /** What is left when the stream ends (an unclosed <think> is reasoning, a lone "<" is text). */
  flush(): { thinking: string; content: string } {
    const rest = this.pending;
    this.pending = '';
    if (this.state === 'thinking') return { thinking: rest, content: '' };
    return { thinking: '', content: rest };
  }
}

/** The whole-message form: reasoning out of the content. */
export function splitThinkTags(content: string): { thinking: string; content: string } {
  const splitter = new ThinkTagSplitter();
  const first = splitter.push(content);
  const last = splitter.flush();
  return { thinking: first.thinking + last.thinking, content: first.content + last.content };
}
