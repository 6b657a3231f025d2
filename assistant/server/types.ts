// The server's dependencies and per-request context, shared by routes and middleware.
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { OllamaStatus } from '../llm/ollama-status';
import type { Metrics } from '../metrics/metrics';
import type { Store } from '../store/store';

export const importKinds = ['sales', 'products', 'inventory', 'supply'] as const;
export type ImportKind = (typeof importKinds)[number];

export interface ImportRequest {
  kind: ImportKind;
  fileName: string;
  /** the CSV bytes as they arrive */
  source: AsyncIterable<Uint8Array>;
  createMissing: boolean;
  skipInvalid: boolean;
  /** receives the rejected rows as CSV when skipInvalid is set */
  rejectedOutput?: NodeJS.WritableStream;
  signal?: AbortSignal;
}

/** Runs one CSV import; resolves with the import's report, rejects with ImportRejectedError. */
export interface Importer<Report = unknown> {
  run(request: ImportRequest): Promise<Report>;
}

export interface Limits {
  /** JSON and other non-import bodies; default 1 MB */
  jsonBodyBytes: number;
  /** CSV imports; default 200 MB */
  importBodyBytes: number;
  /** rejected-rows CSV returned inline by an import with skip_invalid; default 256 KB */
  rejectedCsvBytes: number;
}

export interface AppDeps {
  store: Store;
  config: AppConfig;
  logger: Logger;
  metrics: Metrics;
  ollama: { status(): Promise<OllamaStatus> };
  importer: Importer;
  limits?: Partial<Limits>;
  clock?: () => Date;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
  };
}
