// search_knowledge's result as the view needs it (mirrors tools/search-knowledge.ts).
import { arrayOf, literal, num, object, optional, str, type Guarded } from '../../lib/api/shape';

export const isKnowledgeResult = object({
  query: str,
  mode: literal('hybrid', 'lexical'),
  notice: optional(str),
  passages: arrayOf(
    object({
      document: str,
      title: str,
      heading: str,
      lineStart: num,
      lineEnd: num,
      citation: str,
      text: str,
    }),
  ),
});
export type KnowledgeResultData = Guarded<typeof isKnowledgeResult>;
