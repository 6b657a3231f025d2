// runEval: every suite x provider x prompt version x case x repeat through the real agent, with
// bounded concurrency; in record mode the exchanges are saved at the end, in replay mode they are
// served without a model. Results come back in matrix order whatever order they finished in.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { LlmClient } from '../../assistant/llm/llm-client';
import { createOllamaClient } from '../../assistant/llm/ollama-client';
import { openLexicalKnowledge, type KnowledgeIndex } from '../../assistant/lexical-knowledge';
import { registeredTools, type AnyTool } from '../../tools/index';
import type { CaseResult } from '../case-result';
import { filterCases, type LoadedProvider, type LoadedSuite } from '../load-suite';
import {
  buildCompanySnapshot,
  createStorePool,
  evalClock,
  type CompanySnapshot,
} from './eval-company';
import { RecordingBook, suiteName } from './recording-book';
import type { EvalMode } from './recording-llm';
import { runCase, type CaseJob } from './run-case';
import { summarize, type EvalSummary } from './run-summary';

export const defaultRecordingsDir = fileURLToPath(new URL('../recordings', import.meta.url));

export interface EvalProgress {
  done: number;
  total: number;
  last: CaseResult;
}

export interface RunEvalOptions {
  suites: readonly LoadedSuite[];
  /** Ollama model names replacing every suite's providers (`--models`) */
  providers?: readonly string[];
  /** agent-system versions replacing every suite's prompts (`--prompt-version`) */
  promptVersions?: readonly number[];
  repeat: number;
  concurrency: number;
  filter?: string;
  mode: EvalMode;
  recordingsDir: string;
  ollamaHost: string;
  /** the llm-rubric judge's Ollama model (`--judge`) */
  judge?: string;
  /** the vision model inspect_packaging asks (`--vision-model`); absent: deterministic checks only */
  visionModel?: string;
  signal: AbortSignal;
  onProgress?: (progress: EvalProgress) => void;
  /** the real model client; default an Ollama client for ollamaHost (unused in replay) */
  llm?: LlmClient;
  /** the company's data; default the demo company of evalCompanyOptions */
  company?: CompanySnapshot;
  docsDir?: string;
  tools?: readonly AnyTool[];
  replayTiming?: 'recorded' | 'instant';
}

export interface EvalRun {
  id: string;
  startedAt: string;
  finishedAt: string;
  wallMs: number;
  mode: EvalMode;
  suites: { name: string; path: string; description: string }[];
  providers: string[];
  prompts: string[];
  repeat: number;
  concurrency: number;
  filter?: string;
  judge?: string;
  visionModel?: string;
  results: CaseResult[];
  summary: EvalSummary;
  /** recording files written (record mode) */
  recordingsWritten: string[];
  /** the replay misses, one line each (replay mode) */
  replayMisses: string[];
}

export class EvalInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalInputError';
  }
}

function promptsOf(
  suite: LoadedSuite,
  override: readonly number[] | undefined,
): { label: string; version: number }[] {
  const labels = override ? override.map((version) => `agent-system@${version}`) : suite.prompts;
  return labels.map((label) => {
    const match = /^agent-system@(\d+)$/.exec(label);
    if (!match)
      throw new EvalInputError(
        `${suite.path}: prompt "${label}" is not an agent-system prompt; the runner drives the agent, so use agent-system@N`,
      );
    return { label, version: Number(match[1]) };
  });
}

function providersOf(
  suite: LoadedSuite,
  override: readonly string[] | undefined,
): LoadedProvider[] {
  return override
    ? override.map((model) => ({ id: `ollama:chat:${model}`, model }))
    : suite.providers;
}

function newRunId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

function validate(options: RunEvalOptions): void {
  if (!Number.isInteger(options.repeat) || options.repeat < 1)
    throw new EvalInputError(`repeat must be a whole number >= 1, got ${options.repeat}`);
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
    throw new EvalInputError(`concurrency must be a whole number >= 1, got ${options.concurrency}`);
  if (options.suites.length === 0) throw new EvalInputError('no suites to run');
  if (options.providers?.length === 0) throw new EvalInputError('--models names no model');
}

/** The jobs in matrix order: suite, provider, prompt, case, repeat. */
export function matrixJobs(options: RunEvalOptions): CaseJob[] {
  const jobs: CaseJob[] = [];
  for (const suite of options.suites) {
    const cases = filterCases(suite.cases, options.filter);
    const prompts = promptsOf(suite, options.promptVersions);
    for (const provider of providersOf(suite, options.providers))
      for (const prompt of prompts)
        for (const loaded of cases)
          for (let repeat = 0; repeat < options.repeat; repeat += 1)
            jobs.push({
              suite: suiteName(suite.path),
              loaded,
              provider,
              prompt: prompt.label,
              promptVersion: prompt.version,
              repeat,
            });
  }
  return jobs;
}

/** A case whose run threw outside the agent (an unreadable photo, a broken scorer): failed, with the reason. */
function crashedCase(job: CaseJob, error: unknown): CaseResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    caseId: job.loaded.caseId,
    description: job.loaded.description,
    provider: job.provider.id,
    prompt: job.prompt,
    repeat: job.repeat,
    pass: false,
    score: 0,
    assertions: [
      {
        type: 'run',
        pass: false,
        score: 0,
        reason: `the case could not run: ${message}`,
        weight: 1,
      },
    ],
    output: {
      output: '',
      outcome: 'error',
      errorMessage: message,
      toolCalls: [],
      steps: 0,
      latencyMs: 0,
      ttftMs: null,
      modelMs: 0,
      inputTokens: 0,
      outputTokens: 0,
      ungrounded: [],
      citations: [],
      userMessage: job.loaded.vars.message,
      events: [],
    },
    tags: job.loaded.tags,
  };
}

export async function runEval(options: RunEvalOptions): Promise<EvalRun> {
  validate(options);
  const started = new Date();
  const startedMs = performance.now();
  const jobs = matrixJobs(options);
  if (jobs.length === 0)
    throw new EvalInputError(
      options.filter
        ? `no case is tagged "${options.filter}" (nor has it as metadata.user)`
        : 'the suites hold no cases',
    );
  const company = options.company ?? buildCompanySnapshot();
  const clock = evalClock(company.today);
  const knowledge: KnowledgeIndex = await openLexicalKnowledge(options.docsDir);
  const book = options.mode === 'live' ? undefined : new RecordingBook(options.recordingsDir);
  const llm =
    options.mode === 'replay'
      ? undefined
      : (options.llm ??
        createOllamaClient({ host: options.ollamaHost, numCtx: 16_384, keepAlive: '30m' }));

  if (book && options.mode === 'record') {
    const bySuiteModel = new Map<string, { suite: string; model: string; cases: Set<string> }>();
    for (const job of jobs) {
      const key = JSON.stringify([job.suite, job.provider.model]);
      const entry = bySuiteModel.get(key) ?? {
        suite: job.suite,
        model: job.provider.model,
        cases: new Set(),
      };
      entry.cases.add(job.loaded.caseId);
      bySuiteModel.set(key, entry);
    }
    for (const entry of bySuiteModel.values())
      await book.forget(entry.suite, entry.model, entry.cases);
  }

  const concurrency = Math.min(options.concurrency, jobs.length);
  const pool = createStorePool(company, concurrency);
  const results: CaseResult[] = new Array<CaseResult>(jobs.length);
  let next = 0;
  let done = 0;
  const deps = {
    mode: options.mode,
    ...(llm ? { llm } : {}),
    ...(book ? { book } : {}),
    ...(options.replayTiming ? { replayTiming: options.replayTiming } : {}),
    tools: options.tools ?? registeredTools,
    knowledge,
    clock,
    ...(options.judge ? { judgeModel: options.judge } : {}),
    ...(options.visionModel ? { visionModel: options.visionModel } : {}),
    signal: options.signal,
  };
  const worker = async () => {
    while (next < jobs.length && !options.signal.aborted) {
      const index = next;
      next += 1;
      const job = jobs[index]!;
      let result: CaseResult;
      try {
        result = await pool.use((store) => runCase(job, store, deps));
      } catch (error) {
        if (options.signal.aborted) return;
        result = crashedCase(job, error);
      }
      results[index] = result;
      done += 1;
      options.onProgress?.({ done, total: jobs.length, last: result });
    }
  };
  try {
    await Promise.allSettled(Array.from({ length: concurrency }, worker));
  } finally {
    pool.close();
  }
  if (options.signal.aborted)
    throw options.signal.reason ?? new Error('the evaluation was stopped');
  const recordingsWritten = book && options.mode === 'record' ? await book.save() : [];
  const replayMisses = results.flatMap((result) =>
    result.assertions
      .filter((outcome) => outcome.type === 'replay')
      .map((outcome) => outcome.reason),
  );
  const providers = [...new Set(jobs.map((job) => job.provider.id))];
  const prompts = [...new Set(jobs.map((job) => job.prompt))];
  return {
    id: newRunId(started),
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    wallMs: performance.now() - startedMs,
    mode: options.mode,
    suites: options.suites.map((suite) => ({
      name: suiteName(suite.path),
      path: suite.path,
      description: suite.description,
    })),
    providers,
    prompts,
    repeat: options.repeat,
    concurrency,
    ...(options.filter ? { filter: options.filter } : {}),
    ...(options.judge ? { judge: options.judge } : {}),
    ...(options.visionModel ? { visionModel: options.visionModel } : {}),
    results,
    summary: summarize(results),
    recordingsWritten,
    replayMisses,
  };
}
