// The store at AYNI_DATA_DIR as the CLI commands use it: opened for one command, closed after it,
// and the chat client the commands that narrate share.
import { join } from 'node:path';
import type { AppConfig } from '../config';
import { createOllamaClient, type OllamaClient } from '../llm/ollama-client';
import { openStore, type Store } from '../store/store';
import { UsageError } from './run-command';

/** Opens `ayni.db` under the data folder, runs `work` on it and closes it, also when `work` throws. */
export async function withDataStore<Result>(
  config: AppConfig,
  work: (store: Store) => Promise<Result> | Result,
): Promise<Result> {
  const store = openStore({ path: join(config.dataDir, 'ayni.db') });
  try {
    return await work(store);
  } finally {
    store.close();
  }
}

/** A usage error naming the fix when the store has no sales to plan from. */
export function requireSales(store: Store, config: AppConfig): void {
  if (store.sales.count() === 0)
    throw new UsageError(
      `the store at ${config.dataDir} has no sales: run \`ayni demo-data\` or \`ayni import sales FILE\` first`,
    );
}

/** The Ollama chat client for narration, or undefined under --no-narrate. */
export function narrationClient(config: AppConfig, narrate: boolean): OllamaClient | undefined {
  return narrate
    ? createOllamaClient({
        host: config.ollamaHost,
        numCtx: config.numCtx,
        keepAlive: config.keepAlive,
      })
    : undefined;
}
