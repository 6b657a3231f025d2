// Markdown documents -> passages: first by headings (so every chunk knows its heading path),
// then by length with LangChain's RecursiveCharacterTextSplitter. Each chunk keeps the 1-based
// line range it came from, computed from its offset in the original text.
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';

export interface DocumentChunk {
  /** path relative to the docs folder, with forward slashes */
  document: string;
  title: string;
  /** heading path below the title, "A > B"; the title itself for text before any sub-heading */
  heading: string;
  lineStart: number;
  lineEnd: number;
  text: string;
}

export interface ChunkingOptions {
  /** most characters in a chunk (a single table row longer than this is kept whole) */
  chunkSize: number;
  /** characters repeated between consecutive chunks of one section */
  chunkOverlap: number;
}

/** ~800-1,200 characters per chunk keeps a policy clause with its context and fits bge-m3 well. */
export const defaultChunking: ChunkingOptions = { chunkSize: 1200, chunkOverlap: 150 };

interface Section {
  headingPath: string[];
  /** 0-based index of the section's first and last line */
  firstLine: number;
  lastLine: number;
}

const headingLine = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const fenceLine = /^\s*(```|~~~)/;

function sectionsOf(lines: readonly string[]): { title: string | undefined; sections: Section[] } {
  let title: string | undefined;
  const stack: { level: number; text: string }[] = [];
  const sections: Section[] = [];
  let current: Section = { headingPath: [], firstLine: 0, lastLine: -1 };
  let inFence = false;
  lines.forEach((line, index) => {
    if (fenceLine.test(line)) inFence = !inFence;
    const match = inFence ? null : headingLine.exec(line);
    if (match) {
      const level = match[1]!.length;
      const text = match[2]!.trim();
      if (current.lastLine >= current.firstLine) sections.push(current);
      if (level === 1 && title === undefined) {
        title = text;
        stack.length = 0;
      } else {
        while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
        stack.push({ level, text });
      }
      current = { headingPath: stack.map((item) => item.text), firstLine: index, lastLine: index };
    } else {
      current.lastLine = index;
    }
  });
  if (current.lastLine >= current.firstLine) sections.push(current);
  return { title, sections };
}

function isTableRow(piece: string): boolean {
  const trimmed = piece.trim();
  return trimmed.startsWith('|') && !trimmed.includes('\n');
}

function splitterFor(options: ChunkingOptions): RecursiveCharacterTextSplitter {
  return new RecursiveCharacterTextSplitter({
    chunkSize: options.chunkSize,
    chunkOverlap: options.chunkOverlap,
    separators: ['\n\n', '\n', '. ', ' '],
    keepSeparator: true,
    // A table row reports itself as fitting, so the splitter never cuts inside it.
    lengthFunction: (piece: string) =>
      isTableRow(piece) ? Math.min(piece.length, options.chunkSize - 1) : piece.length,
  });
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index += 1) if (text.charCodeAt(index) === 10) count += 1;
  return count;
}

function hasBody(lines: readonly string[], section: Section): boolean {
  for (let index = section.firstLine; index <= section.lastLine; index += 1) {
    const line = lines[index]!;
    if (line.trim() !== '' && !headingLine.test(line)) return true;
  }
  return false;
}

/** The chunks of one markdown document, in order. */
export async function chunkDocument(
  document: string,
  content: string,
  options: ChunkingOptions = defaultChunking,
): Promise<DocumentChunk[]> {
  if (options.chunkOverlap < 0 || options.chunkOverlap >= options.chunkSize) {
    throw new RangeError(
      `chunkOverlap: ${options.chunkOverlap} must be at least 0 and below chunkSize ${options.chunkSize}`,
    );
  }
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const { title: firstHeading, sections } = sectionsOf(lines);
  const title = firstHeading ?? document.replace(/\.md$/i, '').replace(/^.*\//, '');
  const splitter = splitterFor(options);
  const chunks: DocumentChunk[] = [];
  for (const section of sections) {
    if (!hasBody(lines, section)) continue;
    const sectionText = lines.slice(section.firstLine, section.lastLine + 1).join('\n');
    const heading = section.headingPath.length > 0 ? section.headingPath.join(' > ') : title;
    const pieces = await splitter.splitText(sectionText);
    let cursor = 0;
    for (const piece of pieces) {
      // The splitter returns trimmed substrings of its input, in order; find each one's offset.
      const offset = sectionText.indexOf(piece, cursor);
      if (offset < 0) throw new Error(`chunking ${document}: a chunk is not in its section`);
      cursor = offset + 1;
      const lineStart = section.firstLine + 1 + countNewlines(sectionText, 0, offset);
      const lineEnd = lineStart + countNewlines(piece, 0, piece.length);
      chunks.push({ document, title, heading, lineStart, lineEnd, text: piece });
    }
  }
  return chunks;
}
