// `node --import tsx assistant/bench/knowledge-bench.ts [--chunks 100000] [--queries 200]
// [--dimension 1024] [--seed 1] [--distribution latent|clustered|uniform] [--m 16] [--ef 32,64,100]`:
// builds the HNSW and BM25 indexes over synthetic chunks once, then times the hybrid search
// (BM25 + HNSW + reciprocal rank fusion, query vector given: the embedding call is not timed),
// the vector part alone, and recall@10 of HNSW against exact brute-force cosine search.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { hybridSearch } from '../../knowledge/hybrid-search';
import { LexicalIndex } from '../../knowledge/lexical-index';
import { defaultHnswSettings, VectorIndex, type HnswSettings } from '../../knowledge/vector-index';
import { quantile } from '../../models/stats/descriptive';
import {
  createRandom,
  exactNearest,
  recallAtK,
  rowOf,
  syntheticTexts,
  vectorModel,
  type VectorDistribution,
} from './knowledge-bench-data';

export interface KnowledgeBenchOptions {
  chunks: number;
  queries: number;
  dimension: number;
  seed: number;
  /** latent (default: low intrinsic dimension, like text embeddings), clustered or uniform */
  distribution?: VectorDistribution;
  /** m and efConstruction of the build; efSearch of the headline figures */
  hnsw?: HnswSettings;
  /** more efSearch values to report recall and latency for (same build) */
  efSearchSweep?: readonly number[];
  /** results per hybrid search (search_knowledge's default is 5) */
  limit?: number;
}

export interface LatencyFigures {
  p50Ms: number;
  p95Ms: number;
}

export interface KnowledgeBenchReport {
  chunks: number;
  queries: number;
  dimension: number;
  distribution: VectorDistribution;
  hnsw: HnswSettings;
  buildSeconds: { vectors: number; lexical: number };
  hybridSearch: LatencyFigures;
  vectorSearch: LatencyFigures;
  lexicalSearch: LatencyFigures;
  recallAt10: number;
  sweep: { efSearch: number; recallAt10: number; vectorSearch: LatencyFigures }[];
  rssMb: number;
  targets: { hybridP50Under5Ms: boolean; recallAt10AtLeast095: boolean };
}

function latency(times: readonly number[]): LatencyFigures {
  return { p50Ms: quantile(times, 0.5), p95Ms: quantile(times, 0.95) };
}

function timed<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

function checkCount(value: number, name: string, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name}: ${value} must be a whole number of at least ${minimum}`);
  }
}

function measureVectors(
  vectors: VectorIndex,
  queryVectors: readonly number[][],
  exact: readonly number[][],
): { recallAt10: number; vectorSearch: LatencyFigures } {
  const found: number[][] = [];
  const times: number[] = [];
  for (const query of queryVectors) {
    const { result, ms } = timed(() => vectors.search(query, 10));
    found.push(result.map((hit) => hit.id));
    times.push(ms);
  }
  return { recallAt10: recallAtK(exact, found, 10), vectorSearch: latency(times) };
}

export async function runKnowledgeBench(
  options: KnowledgeBenchOptions,
): Promise<KnowledgeBenchReport> {
  checkCount(options.chunks, 'chunks', 10);
  checkCount(options.queries, 'queries', 1);
  checkCount(options.dimension, 'dimension', 2);
  const distribution = options.distribution ?? 'latent';
  const hnsw = options.hnsw ?? defaultHnswSettings;
  const limit = options.limit ?? 5;
  const random = createRandom(options.seed);
  const model = vectorModel(
    options.dimension,
    distribution,
    Math.max(1, Math.round(Math.sqrt(options.chunks))),
    random.fork('model'),
  );
  const corpus = model.sample(options.chunks, random.fork('corpus'));
  const texts = syntheticTexts(options.chunks, 40, 20_000, random.fork('texts'));

  const vectorBuild = timed(() => {
    const index = VectorIndex.create(options.dimension, hnsw, options.chunks);
    for (let row = 0; row < corpus.count; row += 1) index.add(rowOf(corpus, row), row);
    return index;
  });
  const lexicalBuild = timed(
    () => new LexicalIndex(texts.map((text, id) => ({ id, title: '', heading: '', text }))),
  );
  const vectors = vectorBuild.result;
  const lexical = lexicalBuild.result;

  // queries: fresh vectors from the same model (not perturbed corpus rows, which would make the
  // nearest neighbour trivially the row perturbed), and three words of a random chunk's text
  const queryRandom = random.fork('queries');
  const queryCorpus = model.sample(options.queries, queryRandom.fork('vectors'));
  const queryVectors = Array.from({ length: options.queries }, (_, query) =>
    rowOf(queryCorpus, query),
  );
  const queryTexts = Array.from({ length: options.queries }, () => {
    const words = texts[queryRandom.int(0, texts.length - 1)]!.split(' ');
    return [0, 1, 2].map(() => words[queryRandom.int(0, words.length - 1)]!).join(' ');
  });
  const exact = queryVectors.map((query) => exactNearest(corpus, query, 10));

  const parts = { lexical, vectors, isKnown: (label: number) => label < options.chunks };
  // warm-up: JIT and caches, not counted
  for (let query = 0; query < Math.min(20, options.queries); query += 1) {
    hybridSearch(parts, queryTexts[query]!, queryVectors[query], limit);
  }
  const hybridTimes = queryTexts.map(
    (text, query) => timed(() => hybridSearch(parts, text, queryVectors[query], limit)).ms,
  );
  const lexicalTimes = queryTexts.map((text) => timed(() => lexical.search(text, limit * 4)).ms);
  const headline = measureVectors(vectors, queryVectors, exact);

  const sweep = (options.efSearchSweep ?? []).map((efSearch) => {
    vectors.setEfSearch(efSearch);
    return { efSearch, ...measureVectors(vectors, queryVectors, exact) };
  });
  vectors.setEfSearch(hnsw.efSearch);

  const hybridSearchFigures = latency(hybridTimes);
  return {
    chunks: options.chunks,
    queries: options.queries,
    dimension: options.dimension,
    distribution,
    hnsw,
    buildSeconds: { vectors: vectorBuild.ms / 1000, lexical: lexicalBuild.ms / 1000 },
    hybridSearch: hybridSearchFigures,
    vectorSearch: headline.vectorSearch,
    lexicalSearch: latency(lexicalTimes),
    recallAt10: headline.recallAt10,
    sweep,
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    targets: {
      hybridP50Under5Ms: hybridSearchFigures.p50Ms < 5,
      recallAt10AtLeast095: headline.recallAt10 >= 0.95,
    },
  };
}

function option(args: readonly string[], name: string): string | undefined {
  const position = args.indexOf(name);
  return position >= 0 ? args[position + 1] : undefined;
}

function numberOption(args: readonly string[], name: string, fallback: number): number {
  const text = option(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new RangeError(`${name}: "${text}" is not a number`);
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const distribution = option(args, '--distribution') ?? 'latent';
  if (distribution !== 'latent' && distribution !== 'clustered' && distribution !== 'uniform') {
    throw new RangeError(`--distribution: "${distribution}" must be latent, clustered or uniform`);
  }
  const hnsw: HnswSettings = {
    m: numberOption(args, '--m', defaultHnswSettings.m),
    efConstruction: numberOption(args, '--ef-construction', defaultHnswSettings.efConstruction),
    efSearch: numberOption(args, '--ef-search', defaultHnswSettings.efSearch),
  };
  const sweep = (option(args, '--ef') ?? '').split(',').filter(Boolean).map(Number);
  const report = await runKnowledgeBench({
    chunks: numberOption(args, '--chunks', 100_000),
    queries: numberOption(args, '--queries', 200),
    dimension: numberOption(args, '--dimension', 1024),
    seed: numberOption(args, '--seed', 1),
    distribution,
    hnsw,
    efSearchSweep: sweep,
  });
  console.log(JSON.stringify(report, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`knowledge bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
