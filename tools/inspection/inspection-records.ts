// What the inspect_packaging tool and the S&OP summary need from outside tools/ (issue 6): the
// vision model and the inspection records. Implemented in assistant/ (the store and the Ollama
// client); tests use in-memory implementations.
import type { Finding } from '../../models/vision/check-result';

export type InspectionVerdict = 'pass' | 'fail' | 'needs_review' | 'retake';

/** One structured-output call of the vision model (temperature 0, `format` = the JSON Schema). */
export interface VisionModelRequest {
  system?: string;
  prompt: string;
  /** base64 (no data: prefix) */
  images: string[];
  /** JSON Schema of the answer (from zod) */
  schema: Record<string, unknown>;
  signal: AbortSignal;
}

export interface VisionModelAnswer {
  /** the raw message content (the caller parses and validates it) */
  content: string;
  model: string;
  ms: number;
}

export interface ToolVisionModel {
  readonly model: string;
  ask(request: VisionModelRequest): Promise<VisionModelAnswer>;
}

export interface InspectionDurations {
  decodeMs: number;
  checksMs: number;
  modelMs: number | null;
  totalMs: number;
}

export interface InspectionRecord {
  id: string;
  /** sha256 hex of the original bytes */
  imageHash: string;
  fileName: string | null;
  sku: string | null;
  lot: string | null;
  /** production line, when the operator says */
  line: string | null;
  verdict: InspectionVerdict;
  /** one sentence per reason, in the order that decided the verdict */
  reasons: string[];
  findings: Finding[];
  /** the vision model's name when it was consulted */
  model: string | null;
  bestBefore: string | null;
  durations: InspectionDurations;
  /** ISO timestamp */
  inspectedAt: string;
}

export interface InspectionFilter {
  sku?: string;
  lot?: string;
  /** inclusive ISO date */
  from?: string;
  /** inclusive ISO date */
  to?: string;
  limit?: number;
}

/** Inspections of one day, SKU and line (null = not given). */
export interface QcDaySummary {
  date: string;
  sku: string | null;
  line: string | null;
  inspected: number;
  passed: number;
  failed: number;
  needsReview: number;
  retake: number;
}

export interface InspectionRecords {
  /** Stores the original bytes by content hash (same photo twice = one copy); returns the hash. */
  storeImage(bytes: Uint8Array, mime: string): string;
  save(record: InspectionRecord): void;
  list(filter: InspectionFilter): InspectionRecord[];
  /** Pass rates by day, SKU and line over [from, to] (ISO dates, inclusive). */
  qcSummary(from: string, to: string): QcDaySummary[];
}
