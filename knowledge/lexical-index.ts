// BM25 over the chunks with MiniSearch (which scores with BM25+, Lv & Zhai 2011, an extension of
// Robertson & Zaragoza 2009's BM25), using the Spanish-aware terms of spanish-text.ts.
import MiniSearch from 'minisearch';
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

/** k1 = 1.2 and b = 0.75 are the textbook defaults (Manning et al., IR book, 11.4.3); d = 0.5 BM25+. */
const bm25 = { k: 1.2, b: 0.75, d: 0.5 };

export class LexicalIndex {
  private readonly search_: MiniSearch<LexicalDocument>;

  constructor(documents: readonly LexicalDocument[] = []) {
    this.search_ = new MiniSearch<LexicalDocument>({
      fields: ['title', 'heading', 'text'],
      idField: 'id',
      tokenize: (text) => tokenizeText(text),
      processTerm: (term) => indexTerm(term),
      searchOptions: {
        // headings name what a section is about: a match there counts more than one in the body
        boost: { heading: 2, title: 1.5, text: 1 },
        combineWith: 'OR',
        prefix: false,
        fuzzy: false,
        bm25,
      },
    });
    this.search_.addAll(documents);
  }

  get size(): number {
    return this.search_.documentCount;
  }

  add(document: LexicalDocument): void {
    this.search_.add(document);
  }

  /** The best `limit` chunks for the query, best first. */
  search(query: string, limit: number): RankedHit[] {
    return this.search_
      .search(query)
      .slice(0, limit)
      .map((result) => ({ id: result.id as number, score: result.score }));
  }
}
