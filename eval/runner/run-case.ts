// One case, one provider, one prompt version, one repeat: the real agent (createAgent, the code
// the server runs) over a store lent by the pool, the real tools and knowledge index, the model
// behind the record/replay wrapper; its stream events become a CaseOutput, which every assertion
// of the case then scores.
import { readFile } from 'node:fs/promises';
import { createAgent } from '../../assistant/agent/agent';
import type { AgentLogger } from '../../assistant/agent/agent-deps';
import { createVisionModel } from '../../assistant/inspection/vision-model';
import type { LlmClient } from '../../assistant/llm/llm-client';
import type { Store } from '../../assistant/store/store';
import { createStoreToolContext } from '../../assistant/store/tool-context';
import type { KnowledgeIndex } from '../../assistant/lexical-knowledge';
import type { AnyTool } from '../../tools/index';
import type { AssertionOutcome, CaseResult } from '../case-result';
import { scoreAssertion } from '../assertions/score-assertion';
import { scoreCase } from '../assertions/case-score';
import type { LoadedCase, LoadedProvider } from '../load-suite';
import { collectEvents } from './collect-output';
import type { RecordingBook } from './recording-book';
import { createCaseLlm, type EvalMode } from './recording-llm';

export interface CaseJob {
  suite: string;
  loaded: LoadedCase;
  provider: LoadedProvider;
  /** 'agent-system@2' */
  prompt: string;
  promptVersion: number;
  repeat: number;
}

export interface CaseRunDeps {
  mode: EvalMode;
  /** the real model client (live, record) */
  llm?: LlmClient;
  book?: RecordingBook;
  replayTiming?: 'recorded' | 'instant';
  tools: readonly AnyTool[];
  knowledge?: KnowledgeIndex;
  clock: () => Date;
  /** the llm-rubric judge's model name, reached through the same wrapper */
  judgeModel?: string;
  /** the vision model inspect_packaging asks (recorded like the chat model); absent: checks only */
  visionModel?: string;
  signal: AbortSignal;
}

export const silentLogger: AgentLogger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
};

function seedHistory(store: Store, loaded: LoadedCase, now: string): string | undefined {
  const history = loaded.vars.history ?? [];
  if (history.length === 0) return undefined;
  const { id } = store.conversations.create({ title: loaded.description.slice(0, 60), now });
  for (const turn of history)
    store.conversations.appendMessage(id, {
      runId: null,
      role: turn.role,
      content: turn.content,
      createdAt: now,
    });
  return id;
}

function temperatureOf(provider: LoadedProvider): number | undefined {
  const value = provider.config?.temperature;
  return typeof value === 'number' ? value : undefined;
}

/** Runs the case on `store` (which the caller rolls back afterwards) and scores it. */
export async function runCase(job: CaseJob, store: Store, deps: CaseRunDeps): Promise<CaseResult> {
  const { loaded, provider } = job;
  const llm = createCaseLlm({
    mode: deps.mode,
    ...(deps.llm ? { inner: deps.llm } : {}),
    ...(deps.book ? { book: deps.book } : {}),
    suite: job.suite,
    providerModel: provider.model,
    caseId: loaded.caseId,
    prompt: job.prompt,
    repeat: job.repeat,
    ...(deps.replayTiming ? { replayTiming: deps.replayTiming } : {}),
  });
  let idCount = 0;
  const temperature = temperatureOf(provider);
  const agent = createAgent({
    llm,
    models: { chat: provider.model, vision: deps.visionModel ?? provider.model },
    tools: deps.tools,
    toolContext: (signal) => ({
      ...createStoreToolContext(store, {
        signal,
        now: deps.clock,
        logger: silentLogger,
        ...(deps.knowledge ? { knowledge: deps.knowledge } : {}),
      }),
      ...(deps.visionModel ? { vision: createVisionModel(llm, deps.visionModel) } : {}),
    }),
    conversations: store.conversations,
    clock: deps.clock,
    logger: silentLogger,
    options: {
      promptVersion: job.promptVersion,
      ...(temperature !== undefined ? { temperature } : {}),
    },
    // the same ids on every run, so requests (and their recording keys) repeat exactly
    newId: () => `eval-${(idCount += 1)}`,
  });
  const conversationId = seedHistory(store, loaded, deps.clock().toISOString());
  const images = loaded.imagePath ? [(await readFile(loaded.imagePath)).toString('base64')] : [];

  const startedAt = performance.now();
  const collector = collectEvents(loaded.vars.message, startedAt);
  const stopOnAbort = () => agent.stop(run.runId);
  const run = await agent.start(
    {
      message: loaded.vars.message,
      ...(conversationId ? { conversationId } : {}),
      ...(images.length > 0 ? { images } : {}),
    },
    collector.emit,
  );
  deps.signal.addEventListener('abort', stopOnAbort, { once: true });
  try {
    await run.done;
  } finally {
    deps.signal.removeEventListener('abort', stopOnAbort);
  }
  const output = collector.finish(llm.modelMs(), llm.miss());

  const context = {
    caseVars: loaded.vars,
    catalogue: createStoreToolContext(store, {
      signal: deps.signal,
      now: deps.clock,
      logger: silentLogger,
    }).catalog.products(),
    signal: deps.signal,
    ...(deps.judgeModel ? { judge: { llm, model: deps.judgeModel } } : {}),
  };
  const outcomes: AssertionOutcome[] = [];
  const miss = llm.miss();
  if (miss !== undefined)
    outcomes.push({ type: 'replay', pass: false, score: 0, reason: miss, weight: 1 });
  for (const assertion of loaded.assert)
    outcomes.push(await scoreAssertion(assertion, output, context));
  const verdict = scoreCase(outcomes, miss === undefined ? loaded.threshold : undefined);
  return {
    caseId: loaded.caseId,
    description: loaded.description,
    provider: provider.id,
    prompt: job.prompt,
    repeat: job.repeat,
    pass: miss === undefined && verdict.pass,
    score: verdict.score,
    assertions: outcomes,
    output,
    tags: loaded.user ? [loaded.user, ...loaded.tags] : loaded.tags,
  };
}
