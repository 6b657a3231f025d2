// The assistant's services over one store: the Ollama client, the knowledge index and the agent.
// main.ts builds them once; the knowledge index starts lexical at once and turns hybrid when the
// embedding model has embedded the documents in the background, so start-up never waits on Ollama.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { openKnowledgeIndex, type OpenKnowledgeIndex } from '../knowledge/open-knowledge-index';
import type {
  Embedder,
  KnowledgeIndex,
  KnowledgePassage,
  KnowledgeSearchOptions,
  KnowledgeStatus,
} from '../knowledge/types';
import { registeredTools, type ToolContext } from '../tools/index';
import { createAgent, type Agent } from './agent/agent';
import { loadInspectionAids, type LoadedInspectionAids } from './inspection/inspection-aids';
import { createVisionModel } from './inspection/vision-model';
import type { AgentOptions } from './agent/agent-deps';
import type { AppConfig } from './config';
import { createOllamaClient, type OllamaClient } from './llm/ollama-client';
import type { Metrics } from './metrics/metrics';
import type { Store } from './store/store';
import { createStoreToolContext } from './store/tool-context';

/** The repository's knowledge base (knowledge/docs), found from this file's place. */
export const defaultDocsDir = fileURLToPath(new URL('../knowledge/docs', import.meta.url));

export interface AssistantServices {
  llm: OllamaClient;
  knowledge: KnowledgeIndex;
  agent: Agent;
  toolContext(signal: AbortSignal): ToolContext;
  /** golden references and the trained defect classifier (when one was saved) */
  inspectionAids: LoadedInspectionAids;
  /** resolves when the background work (hybrid index, model warm-up) is done; never rejects */
  ready: Promise<void>;
}

export interface AssistantServicesOptions {
  config: AppConfig;
  store: Store;
  dataDir: string;
  logger: Logger;
  metrics: Metrics;
  docsDir?: string;
  clock?: () => Date;
  agent?: Partial<AgentOptions>;
  /** load the chat model at start (default true) */
  warmUp?: boolean;
  signal?: AbortSignal;
}

/** Searches whichever index is current: lexical at first, hybrid once the vectors are built. */
class SwappableKnowledge implements KnowledgeIndex {
  private building = true;
  constructor(
    private current: OpenKnowledgeIndex,
    private readonly embedModel: string,
  ) {}
  swap(next: OpenKnowledgeIndex): void {
    this.current = next;
    this.building = false;
  }
  /** the background build ended without an index (the docs folder could not be read) */
  settle(): void {
    this.building = false;
  }
  search(query: string, options?: KnowledgeSearchOptions): Promise<KnowledgePassage[]> {
    return this.current.search(query, options);
  }
  status(): KnowledgeStatus {
    const status = this.current.status();
    if (!this.building) return status;
    // Not "no embedding model": the lexical start-up index has none, but the real one is coming.
    return {
      ...status,
      message: `the documents are being embedded with ${this.embedModel} in the background; knowledge search is lexical until that is done`,
    };
  }
}

export async function createAssistantServices(
  options: AssistantServicesOptions,
): Promise<AssistantServices> {
  const { config, store, logger, metrics } = options;
  const clock = options.clock ?? (() => new Date());
  const llm = createOllamaClient({
    host: config.ollamaHost,
    numCtx: config.numCtx,
    keepAlive: config.keepAlive,
    metrics,
    logger,
  });
  const docsDir = options.docsDir ?? defaultDocsDir;
  const indexDir = join(options.dataDir, 'knowledge');
  const embedder: Embedder = {
    model: config.models.embed,
    embed: async (texts, signal) =>
      (await llm.embed({ model: config.models.embed, input: texts, ...(signal ? { signal } : {}) }))
        .embeddings,
  };
  const lexical = await openKnowledgeIndex({
    docsDir,
    indexDir: join(indexDir, 'lexical'),
    logger,
  });
  const knowledge = new SwappableKnowledge(lexical, config.models.embed);
  // inspect_packaging asks it; when Ollama is down its call fails with an LlmError that the
  // pipeline reports as "vision model unavailable" beside the deterministic checks' verdict
  const vision = createVisionModel(llm, config.models.vision);
  const inspectionAids = loadInspectionAids({ dataDir: options.dataDir, logger });
  const toolContext = (signal: AbortSignal): ToolContext => ({
    ...createStoreToolContext(store, { signal, now: clock, logger, knowledge, vision }),
    inspectionAids,
  });
  const agent = createAgent({
    llm,
    models: { chat: config.models.chat, vision: config.models.vision },
    tools: registeredTools,
    toolContext,
    conversations: store.conversations,
    clock,
    logger,
    metrics,
    options: { numCtx: config.numCtx, ...options.agent },
  });

  const hybrid = openKnowledgeIndex({
    docsDir,
    indexDir,
    embedder,
    logger,
    ...(options.signal ? { signal: options.signal } : {}),
  })
    .then((index) => {
      knowledge.swap(index);
      const status = index.status();
      logger.info(
        { knowledge: status },
        `knowledge index ready: ${status.chunks} passages, ${status.mode} search`,
      );
    })
    .catch((error: unknown) => {
      knowledge.settle();
      logger.warn({ err: error }, 'the knowledge index stays lexical');
    });
  const warm =
    options.warmUp === false
      ? Promise.resolve()
      : llm
          .warmUp(config.models.chat, options.signal)
          .then(() => logger.info({ model: config.models.chat }, 'chat model loaded'))
          .catch((error: unknown) =>
            logger.warn(
              { err: error },
              `could not load the chat model ${config.models.chat}: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
  return {
    llm,
    knowledge,
    agent,
    toolContext,
    inspectionAids,
    ready: Promise.all([hybrid, warm]).then(() => undefined),
  };
}
