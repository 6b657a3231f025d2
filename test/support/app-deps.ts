// Deps for createApp in tests: a populated in-memory store, a fresh metrics registry, captured
// logs and an Ollama status that the test sets.
import { Registry } from 'prom-client';
import { loadConfig, type AppConfig } from '../../assistant/config';
import type { OllamaStatus } from '../../assistant/llm/ollama-status';
import { createMetrics } from '../../assistant/metrics/metrics';
import type { AppDeps, Importer } from '../../assistant/server/types';
import { captureLogs, type CapturedLogs } from './log-capture';
import { openTestStore } from './test-store';

export function testConfig(environment: Record<string, string> = {}): AppConfig {
  return loadConfig({ AYNI_DATA_DIR: '/nonexistent/ayni-test', ...environment });
}

export function reachableOllama(config: AppConfig): OllamaStatus {
  return {
    ok: true,
    reachable: true,
    host: config.ollamaHost,
    message: `Ollama is reachable at ${config.ollamaHost}`,
    models: {
      chat: { name: config.models.chat, present: true },
      vision: { name: config.models.vision, present: true },
      embed: { name: config.models.embed, present: true },
    },
  };
}

const noImporter: Importer = {
  run() {
    return Promise.reject(new Error('this test did not expect an import'));
  },
};

export function testDeps(
  overrides: Partial<AppDeps> & { environment?: Record<string, string> } = {},
): AppDeps & { logs: CapturedLogs } {
  const { environment, ...rest } = overrides;
  const config = rest.config ?? testConfig(environment);
  const logs = captureLogs();
  return {
    store: openTestStore(),
    config,
    logger: logs.logger,
    metrics: createMetrics(new Registry()),
    ollama: { status: () => Promise.resolve(reachableOllama(config)) },
    importer: noImporter,
    clock: () => new Date('2024-06-01T12:00:00Z'),
    ...rest,
    logs,
  };
}
