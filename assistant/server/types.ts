// The server's dependencies and per-request context, shared by routes and middleware.
import type { Logger } from 'pino';
import type { KnowledgeIndex } from '../../knowledge/types';
import type { ChatRunner } from '../agent/chat-runner';
import type { AppConfig } from '../config';
import type { LlmClient } from '../llm/llm-client';
import type { OllamaStatus } from '../llm/ollama-status';
import type { Metrics } from '../metrics/metrics';
import type { Store } from '../store/store';
import type { RgbaImage } from '../../models/vision/image';
import type { ClassifierOpinion } from '../../tools/inspection/fuse-verdict';
import type { ToolContext } from '../../tools/tool-context';
import type { ReferenceStore } from '../inspection/reference-store';

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
  /**
   * a POST /api/chat body and one WebSocket message, images included as base64; default 60 MB
   * (about 45 MB of decoded images: two full-size 20 MB photos or eight phone photos)
   */
  chatBodyBytes: number;
  /** one image in a chat message, decoded; default 20 MB */
  imageBytes: number;
  /** chat runs a client may start per minute (POST /api/chat and WebSocket chat messages); default 30 */
  chatRunsPerMinute: number;
  /** other /api requests and WebSocket messages a client may send per minute; default 600 */
  apiRequestsPerMinute: number;
  /** an SSE comment is sent after this long without an event, so proxies keep the stream; default 15 s */
  sseKeepAliveMs: number;
  /** WebSocket ping interval; a socket that has not answered the previous ping is closed; default 30 s */
  wsHeartbeatMs: number;
}

export interface ConversationSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  messageCount: number;
}

/**
 * What the conversation routes use of the store's conversations repository
 * (assistant/store/repositories/conversations.ts); the repository satisfies it structurally.
 */
export interface ConversationsAccess {
  get(id: string): ConversationSummary | undefined;
  list(options?: { limit?: number; offset?: number }): ConversationSummary[];
  rename(id: string, title: string, now: string): boolean;
  delete(id: string): boolean;
  messages(conversationId: string): readonly unknown[];
  toolCalls(conversationId: string): readonly unknown[];
  runs(conversationId: string): readonly unknown[];
  /** regenerate / edit-and-resend: removes the messages from seq N on (their runs too) */
  deleteMessagesFrom(conversationId: string, fromSeq: number): number;
  /** an image's bytes only when a message of that conversation attaches it */
  conversationImage(
    conversationId: string,
    hash: string,
  ): { bytes: Uint8Array; mime: string } | undefined;
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
  /** the knowledge index: search_knowledge through POST /api/tools, and its mode in /readyz */
  knowledge?: KnowledgeIndex;
  /** the agent; POST /api/chat and /ws answer 503 without it */
  chat?: ChatRunner;
  /** the conversations repository; /api/conversations answers 503 without it */
  conversations?: ConversationsAccess;
  /** the built web app (web/dist), served at / when given */
  webRoot?: string;
  /**
   * S&OP reports (/api/reports): the chat model that narrates them (the template narrative
   * without one) and the Chromium binary for PDF (default /usr/bin/chromium)
   */
  reports?: { llm?: LlmClient; chatModel?: string; chromiumPath?: string };
  /**
   * packaging inspections (/api/inspections, /api/qc): the tool context with the vision model
   * (default: the store's, checks only), the golden references (POST /api/qc/references answers
   * 503 without them), the trained classifier, and the upload limits
   */
  inspections?: InspectionDeps;
}

export interface InspectionDeps {
  toolContext?: (signal: AbortSignal) => ToolContext;
  references?: ReferenceStore;
  classifier?: (image: RgbaImage) => ClassifierOpinion | undefined;
  /** photos per POST /api/inspections; default 10 */
  maxPhotos?: number;
  /** one multipart upload, all photos together; default 60 MB */
  maxUploadBytes?: number;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    /**
     * set by a streaming route (SSE): settles when the stream has ended, so the access log and the
     * HTTP duration are recorded then rather than when the headers went out
     */
    streamEnded: Promise<void> | undefined;
  };
}
