// Recorded model exchanges on disk: eval/recordings/<suite-name>/<model-slug>.json, one file per
// suite and model, exchanges under their request hash in sorted order so re-recording gives small
// diffs. Each hash holds one sample per repeat (a model may answer the same request differently).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LlmChatChunk, LlmChatResult, LlmEmbedResult } from '../../assistant/llm/llm-client';

export interface RecordedChunk {
  /** ms after the request was sent */
  atMs: number;
  chunk: LlmChatChunk;
}

export interface RecordedChat {
  kind: 'chat';
  chunks: RecordedChunk[];
  /** ms from sending the request to its result */
  totalMs: number;
  result: LlmChatResult;
}

export interface RecordedEmbed {
  kind: 'embed';
  totalMs: number;
  result: LlmEmbedResult;
}

export type RecordedSample = RecordedChat | RecordedEmbed;

export interface RecordedExchange {
  /** the cases whose runs sent this request (sorted) */
  cases: string[];
  samples: RecordedSample[];
}

export interface RecordingFile {
  format: 'ayni-eval-recording';
  version: 1;
  suite: string;
  model: string;
  exchanges: Record<string, RecordedExchange>;
}

/** 'qwen3:8b' -> 'qwen3-8b': a file name that is the same on every system. */
export function modelSlug(model: string): string {
  return (
    model
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'model'
  );
}

/** The suite's name from its file: 'eval/suites/planner.yaml' -> 'planner'. */
export function suiteName(suitePath: string): string {
  return path.basename(suitePath).replace(/\.ya?ml$/i, '');
}

export function recordingPath(directory: string, suite: string, model: string): string {
  return path.join(directory, suite, `${modelSlug(model)}.json`);
}

export class RecordingFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordingFormatError';
  }
}

function parseFile(file: string, text: string): RecordingFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RecordingFormatError(
      `${file}: not JSON (${(error as Error).message}); record it again with --record`,
    );
  }
  const candidate = value as Partial<RecordingFile> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    candidate.format !== 'ayni-eval-recording' ||
    candidate.version !== 1 ||
    typeof candidate.exchanges !== 'object' ||
    candidate.exchanges === null
  )
    throw new RecordingFormatError(
      `${file}: not an Ayni recording (format "ayni-eval-recording", version 1); record it again with --record`,
    );
  return candidate as RecordingFile;
}

/**
 * All recordings of one run in memory. `load` reads a suite x model file once; `record` adds a
 * sample; `save` writes every file that changed. When recording, the exchanges of the cases being
 * recorded are dropped first (`forget`), so stale answers do not linger beside new ones.
 */
export class RecordingBook {
  private readonly files = new Map<string, RecordingFile>();
  private readonly loading = new Map<string, Promise<RecordingFile>>();
  private readonly changed = new Set<string>();

  constructor(readonly directory: string) {}

  private load(suite: string, model: string): Promise<RecordingFile> {
    const file = recordingPath(this.directory, suite, model);
    let pending = this.loading.get(file);
    if (!pending) {
      pending = readFile(file, 'utf8').then(
        (text) => parseFile(file, text),
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
          return {
            format: 'ayni-eval-recording',
            version: 1,
            suite,
            model,
            exchanges: {},
          } as RecordingFile;
        },
      );
      pending = pending.then((loaded) => {
        this.files.set(file, loaded);
        return loaded;
      });
      this.loading.set(file, pending);
    }
    return pending;
  }

  /** The sample for this repeat (repeats past the recorded samples wrap round), or undefined. */
  async find(
    suite: string,
    model: string,
    hash: string,
    repeat: number,
  ): Promise<RecordedSample | undefined> {
    const file = await this.load(suite, model);
    const exchange = file.exchanges[hash];
    if (!exchange || exchange.samples.length === 0) return undefined;
    return exchange.samples[repeat % exchange.samples.length];
  }

  /** Drops the exchanges sent only by these cases (before recording them again). */
  async forget(suite: string, model: string, caseIds: ReadonlySet<string>): Promise<void> {
    const file = await this.load(suite, model);
    for (const [hash, exchange] of Object.entries(file.exchanges)) {
      const kept = exchange.cases.filter((caseId) => !caseIds.has(caseId));
      if (kept.length === exchange.cases.length) continue;
      if (kept.length === 0) delete file.exchanges[hash];
      else exchange.cases = kept;
      this.changed.add(recordingPath(this.directory, suite, model));
    }
  }

  /** Adds the sample of repeat `repeat` unless that repeat already has one. */
  async record(
    suite: string,
    model: string,
    hash: string,
    caseId: string,
    repeat: number,
    sample: RecordedSample,
  ): Promise<void> {
    const file = await this.load(suite, model);
    const exchange = (file.exchanges[hash] ??= { cases: [], samples: [] });
    if (!exchange.cases.includes(caseId)) exchange.cases = [...exchange.cases, caseId].sort();
    if (exchange.samples.length <= repeat) exchange.samples.push(sample);
    this.changed.add(recordingPath(this.directory, suite, model));
  }

  /** Writes the changed files (exchanges in hash order); returns their paths. */
  async save(): Promise<string[]> {
    const written: string[] = [];
    for (const file of [...this.changed].sort()) {
      const recording = this.files.get(file);
      if (!recording) continue;
      const exchanges = Object.fromEntries(
        Object.keys(recording.exchanges)
          .sort()
          .map((hash) => [hash, recording.exchanges[hash]!]),
      );
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, `${JSON.stringify({ ...recording, exchanges }, null, 1)}\n`);
      written.push(file);
    }
    this.changed.clear();
    return written;
  }
}
