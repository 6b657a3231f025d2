// `ayni anomalies` without --input: detect_anomalies over the whole store (every SKU x location),
// the same scan, explanations and rules as the tool, shaped like the file output.
import { join, resolve } from 'node:path';
import {
  detectAnomalies,
  detectAnomaliesInput,
  type DetectAnomaliesOutput,
} from '../../tools/detect-anomalies';
import type { Sensitivity } from '../../models/anomaly/detector';
import { openStore } from '../store/store';
import { createStoreToolContext } from '../store/tool-context';

export interface ScanStoreOptions {
  dataDir: string;
  sensitivity: Sensitivity;
  from?: string;
  to?: string;
  signal: AbortSignal;
}

export interface StoreAnomaly {
  series_id: string;
  start: string;
  end: string;
  kind: string;
  score: number | null;
  expected: number | null;
  observed: number | null;
  explanation: string;
}

export interface ScanStoreResult {
  anomalies: StoreAnomaly[];
  explained: number;
  listings: number;
  notes: string[];
}

const silent = { debug() {}, info() {}, warn() {} };

export function scanStore(options: ScanStoreOptions): ScanStoreResult {
  const database = resolve(join(options.dataDir, 'ayni.db'));
  const store = openStore({ path: database });
  try {
    if (store.isEmpty()) {
      throw new RangeError(
        `the store ${database} holds no sales: run \`ayni import\` or \`ayni demo-data\` first, or give --input FILE`,
      );
    }
    const context = createStoreToolContext(store, {
      signal: options.signal,
      now: () => new Date(),
      logger: silent,
    });
    const output: DetectAnomaliesOutput = detectAnomalies(
      detectAnomaliesInput.parse({
        sensitivity: options.sensitivity,
        limit: 500,
        ...(options.from !== undefined && { from: options.from }),
        ...(options.to !== undefined && { to: options.to }),
      }),
      context,
    );
    const anomalies: StoreAnomaly[] = [
      ...output.anomalies.map((item) => ({
        series_id: `${item.sku}@${item.location}`,
        start: item.start,
        end: item.end,
        kind: item.kind,
        score: item.score,
        expected: Math.round(item.expected * 10) / 10,
        observed: Math.round(item.observed * 10) / 10,
        explanation: item.explanation,
      })),
      ...output.rules.map((alert) => ({
        series_id: `${alert.sku}@${alert.location}`,
        start: alert.start,
        end: alert.end,
        kind: alert.rule,
        score: null,
        expected: null,
        observed: null,
        explanation: alert.explanation,
      })),
    ];
    const notes = [
      `scanned ${output.listingsScanned} listings from ${output.from} to ${output.to}`,
    ];
    if (output.anomalyCount > output.anomalies.length)
      notes.push(`${output.anomalyCount - output.anomalies.length} more anomalies not listed`);
    if (output.ruleCount > output.rules.length)
      notes.push(`${output.ruleCount - output.rules.length} more rule alerts not listed`);
    return { anomalies, explained: output.explainedCount, listings: output.listingsScanned, notes };
  } finally {
    store.close();
  }
}
