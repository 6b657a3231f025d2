// search_knowledge (ARCHITECTURE.md 3.4): passages of the company's knowledge base (policies,
// targets, QC standard, specifications, glossary) with document, heading and line citations.
import { z } from 'zod';
import { defineTool } from './define-tool';
import type { ToolContext } from './tool-context';

export const searchKnowledgeInput = z.strictObject({
  query: z
    .string()
    .trim()
    .min(2)
    .max(500)
    .describe('what to look for, in the words a policy or manual would use (Spanish works best)'),
  limit: z.number().int().min(1).max(10).default(5).describe('most passages returned'),
});

export type SearchKnowledgeInput = z.output<typeof searchKnowledgeInput>;

const passage = z.object({
  document: z.string(),
  title: z.string(),
  heading: z.string(),
  lineStart: z.number().int(),
  lineEnd: z.number().int(),
  /** e.g. "[politica-sop.md#L12-L30]" */
  citation: z.string(),
  text: z.string(),
  score: z.number(),
  matchedBy: z.array(z.enum(['lexical', 'vector'])),
});

export const searchKnowledgeOutput = z.object({
  query: z.string(),
  mode: z.enum(['hybrid', 'lexical']),
  /** why the search was lexical only, with the fix */
  notice: z.string().optional(),
  passages: z.array(passage),
});

export type SearchKnowledgeOutput = z.input<typeof searchKnowledgeOutput>;

export function citationLabel(document: string, lineStart: number, lineEnd: number): string {
  return `[${document}#L${lineStart}-L${lineEnd}]`;
}

export async function searchKnowledge(
  input: SearchKnowledgeInput,
  context: ToolContext,
): Promise<SearchKnowledgeOutput> {
  const knowledge = context.knowledge;
  if (!knowledge) {
    throw new Error(
      'the knowledge base is not available on this server (it was not built at start-up; /readyz says why), so policies and standards cannot be looked up now',
    );
  }
  const found = await knowledge.search(input.query, {
    limit: input.limit,
    signal: context.signal,
  });
  const status = knowledge.status();
  return {
    query: input.query,
    mode: status.mode,
    ...(status.message !== undefined && { notice: status.message }),
    passages: found.map((item) => ({
      document: item.document,
      title: item.title,
      heading: item.heading,
      lineStart: item.lineStart,
      lineEnd: item.lineEnd,
      citation: citationLabel(item.document, item.lineStart, item.lineEnd),
      text: item.text,
      score: item.score,
      matchedBy: item.matchedBy,
    })),
  };
}

export const searchKnowledgeTool = defineTool({
  name: 'search_knowledge',
  description:
    "Searches the company's knowledge base: S&OP policy and calendar, service-level targets by category, the packaging QC standard (defect classes and tolerances), product specifications, food-safety and expiry rules, and the glossary of planning terms. Call it before answering questions about policies, targets, thresholds, definitions or procedures, and cite the passages it returns. It does not hold sales or stock figures (use query_sales for those).",
  input: searchKnowledgeInput,
  output: searchKnowledgeOutput,
  execute: searchKnowledge,
  toModelOutput(output) {
    return {
      instruction:
        output.passages.length > 0
          ? 'Answer only from these passages and cite each fact with its source label, e.g. ' +
            `${output.passages[0]!.citation}. If they do not answer the question, say the knowledge base does not cover it.`
          : 'No passage matched. Say the knowledge base does not cover this; do not answer from general knowledge as if it were company policy.',
      passages: output.passages.map((item) => ({
        source: item.citation,
        section: item.heading === item.title ? item.title : `${item.title} > ${item.heading}`,
        text: item.text,
      })),
      ...(output.notice !== undefined && { note: output.notice }),
    };
  },
});
