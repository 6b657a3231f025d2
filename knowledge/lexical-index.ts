// BM25F over the chunks' title, heading and text, our own implementation of the "simple BM25F"
// of Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond" (2009), 3.6:
//   tf~(t,d) = sum_f w_f * tf_f(t,d) / (1 - b + b * len_f(d) / avglen_f)
//   score(d) = sum_t idf(t) * tf~ / (k1 + tf~),  idf(t) = ln(1 + (N - n_t + 0.5) / (n_t + 0.5))
// MiniSearch (BM25+) was tried first: it builds a result object for every matching chunk and
// sorts them all, ~50 ms a query at 100,000 chunks; here each posting holds its precomputed
// tf~ / (k1 + tf~), so a query is one multiply-add per posting plus a top-k selection.
import { indexTerm, tokenizeText } from './spanish-text';

export interface LexicalDocument {
  /** the caller's key for the chunk (the vector label) */
  id: number;
  title: string;
  heading: string;
  text: string;
}

export interface RankedHit {
  id: number;
  score: number;
}

/** k1 = 1.2 and b = 0.75: the usual defaults (Robertson & Zaragoza 2009, 3.4). */
const k1 = 1.2;
const b = 0.75;
// headings name what a section is about: a match there counts more than one in the body
const fieldWeights = { title: 1.5, heading: 2, text: 1 } as const;
const fields = ['title', 'heading', 'text'] as const;

interface Postings {
  documents: Int32Array;
  /** tf~ / (k1 + tf~) of the term in each document */
  saturations: Float64Array;
  idf: number;
}

function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokenizeText(text)) {
    const term = indexTerm(token);
    if (term !== null) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

export class LexicalIndex {
  private readonly ids: number[];
  private readonly postings = new Map<string, Postings>();
  private readonly scores: Float64Array;
  /** positions with a non-zero score in the current search (reused between searches) */
  private readonly touched: Int32Array;

  constructor(documents: readonly LexicalDocument[] = []) {
    this.ids = documents.map((document) => document.id);
    this.scores = new Float64Array(documents.length);
    this.touched = new Int32Array(documents.length);
    const counted = documents.map((document) =>
      fields.map((field) => {
        const counts = termCounts(document[field]);
        let length = 0;
        for (const count of counts.values()) length += count;
        return { counts, length };
      }),
    );
    const averageLength = fields.map((_, field) => {
      const total = counted.reduce((sum, document) => sum + document[field]!.length, 0);
      return Math.max(total / Math.max(documents.length, 1), 1e-9);
    });
    const pseudoFrequencies = new Map<string, { documents: number[]; frequencies: number[] }>();
    counted.forEach((document, position) => {
      const combined = new Map<string, number>();
      document.forEach(({ counts, length }, field) => {
        const weight = fieldWeights[fields[field]!];
        const norm = 1 - b + (b * length) / averageLength[field]!;
        for (const [term, count] of counts) {
          combined.set(term, (combined.get(term) ?? 0) + (weight * count) / norm);
        }
      });
      for (const [term, frequency] of combined) {
        let entry = pseudoFrequencies.get(term);
        if (!entry) pseudoFrequencies.set(term, (entry = { documents: [], frequencies: [] }));
        entry.documents.push(position);
        entry.frequencies.push(frequency);
      }
    });
    const total = documents.length;
    for (const [term, entry] of pseudoFrequencies) {
      const containing = entry.documents.length;
      this.postings.set(term, {
        documents: Int32Array.from(entry.documents),
        saturations: Float64Array.from(
          entry.frequencies,
          (frequency) => frequency / (k1 + frequency),
        ),
        idf: Math.log(1 + (total - containing + 0.5) / (containing + 0.5)),
      });
    }
  }

  get size(): number {
    return this.ids.length;
  }

  /** The best `limit` chunks for the query, best first (ties: earlier chunk first). */
  search(query: string, limit: number): RankedHit[] {
    const terms = new Set(termCounts(query).keys());
    const { scores, touched } = this;
    let touchedCount = 0;
    for (const term of terms) {
      const postings = this.postings.get(term);
      if (!postings) continue;
      const { documents, saturations, idf } = postings;
      for (let index = 0; index < documents.length; index += 1) {
        const position = documents[index]!;
        if (scores[position] === 0) touched[touchedCount++] = position;
        scores[position]! += idf * saturations[index]!;
      }
    }
    const best = topK(touched.subarray(0, touchedCount), scores, limit);
    const hits = best.map((position) => ({ id: this.ids[position]!, score: scores[position]! }));
    for (let index = 0; index < touchedCount; index += 1) scores[touched[index]!] = 0;
    return hits;
  }
}

/** Positions of the `limit` highest scores, best first, by a bounded insertion list. */
function topK(candidates: Int32Array, scores: Float64Array, limit: number): number[] {
  const best: number[] = [];
  let worstScore = -Infinity;
  for (let candidate = 0; candidate < candidates.length; candidate += 1) {
    const position = candidates[candidate]!;
    // most candidates lose to the current k-th best: one comparison, no list work
    if (best.length === limit && scores[position]! < worstScore) continue;
    const score = scores[position]!;
    if (best.length === limit) {
      const worst = best[limit - 1]!;
      if (score < scores[worst]! || (score === scores[worst]! && position > worst)) continue;
    }
    let slot = best.length === limit ? limit - 1 : best.length;
    while (slot > 0) {
      const above = best[slot - 1]!;
      if (scores[above]! > score || (scores[above]! === score && above < position)) break;
      slot -= 1;
    }
    best.splice(slot, 0, position);
    if (best.length > limit) best.pop();
    if (best.length === limit) worstScore = scores[best[limit - 1]!]!;
  }
  return best;
}
