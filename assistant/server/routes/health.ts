// GET /healthz (alive), GET /readyz (store answers; Ollama and its models), GET /metrics.
import type { Hono } from 'hono';
import type { KnowledgeStatus } from '../../../knowledge/types';
import type { OllamaStatus } from '../../llm/ollama-status';
import type { AppDeps, AppEnv } from '../types';

export type ReadinessStatus = 'ready' | 'degraded' | 'unavailable';

export interface ReadinessBody {
  status: ReadinessStatus;
  checkedAt: string;
  checks: {
    store: { ok: boolean; message: string };
    ollama: OllamaStatus;
    /** the knowledge base: hybrid (BM25 + vectors) or lexical only, with the reason and fix */
    knowledge: KnowledgeStatus | { mode: 'absent'; message: string };
  };
}

function storeCheck(deps: AppDeps): { ok: boolean; message: string } {
  try {
    if (deps.store.ping()) return { ok: true, message: 'the SQLite store answers' };
    return { ok: false, message: 'the SQLite store did not answer SELECT 1' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `the SQLite store failed: ${reason}` };
  }
}

async function ollamaCheck(deps: AppDeps): Promise<OllamaStatus> {
  try {
    return await deps.ollama.status();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const unknown = (name: string) => ({ name, present: null });
    return {
      ok: false,
      reachable: false,
      host: deps.config.ollamaHost,
      message: `could not check Ollama at ${deps.config.ollamaHost}: ${reason}`,
      models: {
        chat: unknown(deps.config.models.chat),
        vision: unknown(deps.config.models.vision),
        embed: unknown(deps.config.models.embed),
      },
    };
  }
}

export function registerHealthRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const clock = deps.clock ?? (() => new Date());

  app.get('/healthz', (c) => c.json({ status: 'ok' as const }));

  app.get('/readyz', async (c) => {
    const store = storeCheck(deps);
    const ollama = await ollamaCheck(deps);
    const status: ReadinessStatus = !store.ok ? 'unavailable' : ollama.ok ? 'ready' : 'degraded';
    if (!store.ok) c.get('logger').warn({ check: store }, 'store not ready');
    const body: ReadinessBody = {
      status,
      checkedAt: clock().toISOString(),
      checks: {
        store,
        ollama,
        knowledge: deps.knowledge?.status() ?? {
          mode: 'absent',
          message: 'the knowledge index was not built: search_knowledge is unavailable',
        },
      },
    };
    // Ollama being down degrades the assistant but not the data API: still 200.
    return c.json(body, store.ok ? 200 : 503);
  });

  app.get('/metrics', async (c) => {
    const text = await deps.metrics.registry.metrics();
    return c.body(text, 200, { 'content-type': deps.metrics.registry.contentType });
  });
}
