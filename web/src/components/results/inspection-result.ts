// inspect_packaging's result (tools/inspect-packaging-output.ts) and POST /api/inspections'
// answer (assistant/server/routes/inspections.ts) as the view needs them, checked at the
// boundary, and the pure shaping behind the view: one photo entry whichever source it came from,
// the verdict's label and tone, the findings' boxes clamped to the photo, the checks table rows.
import {
  arrayOf,
  bool,
  literal,
  nullable,
  num,
  object,
  optional,
  str,
  type Guarded,
} from '../../lib/api/shape';

export const verdicts = ['pass', 'fail', 'needs_review', 'retake'] as const;
export type Verdict = (typeof verdicts)[number];
const verdict = literal(...verdicts);

const box = object({ x: num, y: num, width: num, height: num });
export type PhotoBox = Guarded<typeof box>;

const finding = object({
  check: str,
  type: str,
  severity: literal('minor', 'major', 'critical'),
  score: num,
  message: str,
  box: optional(box),
});
export type InspectionFinding = Guarded<typeof finding>;

const check = object({
  check: str,
  status: literal('pass', 'fail', 'skipped', 'inconclusive'),
  score: num,
  threshold: num,
  message: str,
  ms: num,
});
export type InspectionCheck = Guarded<typeof check>;

const durations = object({ decodeMs: num, checksMs: num, modelMs: nullable(num), totalMs: num });
export type InspectionDurations = Guarded<typeof durations>;

const toolInspected = object({
  photo: num,
  fileName: nullable(str),
  status: literal('inspected'),
  inspectionId: str,
  verdict,
  confidence: str,
  reasons: arrayOf(str),
  findings: arrayOf(finding),
  checks: arrayOf(check),
  referenceUsed: optional(bool),
  bestBefore: nullable(str),
  lotRead: nullable(str),
  model: nullable(str),
  durations,
});
const toolRejected = object({
  photo: num,
  fileName: nullable(str),
  status: literal('rejected'),
  reason: str,
  message: str,
});

export const isInspectionToolResult = object({
  sku: nullable(str),
  lot: nullable(str),
  results: arrayOf(
    (value): value is Guarded<typeof toolInspected> | Guarded<typeof toolRejected> =>
      toolInspected(value) || toolRejected(value),
  ),
});
export type InspectionToolResult = Guarded<typeof isInspectionToolResult>;

/** A stored inspection (GET /api/inspections), also the core of an upload's answer. */
export const isInspectionRecord = object({
  id: str,
  fileName: nullable(str),
  sku: nullable(str),
  lot: nullable(str),
  line: nullable(str),
  verdict,
  reasons: arrayOf(str),
  findings: arrayOf(finding),
  model: nullable(str),
  bestBefore: nullable(str),
  durations,
  inspectedAt: str,
});
export type InspectionRecordData = Guarded<typeof isInspectionRecord>;

const uploadInspected = (
  value: unknown,
): value is InspectionRecordData & {
  file: string;
  status: 'inspected';
  checks: InspectionCheck[];
  vision?: { lotCode?: string | null } | null;
} =>
  isInspectionRecord(value) &&
  object({ file: str, status: literal('inspected'), checks: arrayOf(check) })(value);
const uploadRejected = object({
  file: str,
  status: literal('rejected'),
  error: object({ reason: str, message: str }),
});
export const isUploadResult = (value: unknown) => uploadInspected(value) || uploadRejected(value);
export type UploadResult = Guarded<typeof uploadInspected> | Guarded<typeof uploadRejected>;

/** One photo as the view shows it, whichever source it came from. */
export type InspectedPhoto =
  | {
      status: 'inspected';
      key: string;
      label: string;
      inspectionId: string;
      verdict: Verdict;
      reasons: string[];
      findings: InspectionFinding[];
      /** absent for stored records (the list does not keep the checks) */
      checks: InspectionCheck[] | undefined;
      bestBefore: string | null;
      lotRead: string | null;
      model: string | null;
      durations: InspectionDurations;
    }
  | { status: 'rejected'; key: string; label: string; message: string };

/** The tool's photos, labelled "Photo N" (with the file name when there is one). */
export function photosFromTool(result: InspectionToolResult): InspectedPhoto[] {
  return result.results.map((entry) => {
    const label = entry.fileName ? `${entry.photo} · ${entry.fileName}` : String(entry.photo);
    if (entry.status === 'rejected')
      return { status: 'rejected', key: `photo-${entry.photo}`, label, message: entry.message };
    return {
      status: 'inspected',
      key: entry.inspectionId,
      label,
      inspectionId: entry.inspectionId,
      verdict: entry.verdict,
      reasons: entry.reasons,
      findings: entry.findings,
      checks: entry.checks,
      bestBefore: entry.bestBefore,
      lotRead: entry.lotRead,
      model: entry.model,
      durations: entry.durations,
    };
  });
}

/** An upload's answer for one file (or a stored record) as a photo entry. */
export function photoFromUpload(entry: UploadResult | InspectionRecordData): InspectedPhoto {
  if ('status' in entry && entry.status === 'rejected')
    return { status: 'rejected', key: entry.file, label: entry.file, message: entry.error.message };
  const record = entry as InspectionRecordData & {
    file?: string;
    checks?: InspectionCheck[];
    vision?: { lotCode?: string | null } | null;
  };
  return {
    status: 'inspected',
    key: record.id,
    label: record.file ?? record.fileName ?? record.id,
    inspectionId: record.id,
    verdict: record.verdict,
    reasons: record.reasons,
    findings: record.findings,
    checks: record.checks,
    bestBefore: record.bestBefore,
    lotRead: record.vision?.lotCode ?? null,
    model: record.model,
    durations: record.durations,
  };
}

/** The string key of a verdict's word (never colour alone) and its tone for styling. */
export function verdictLabelKey(value: Verdict): `verdict_${Verdict}` {
  return `verdict_${value}`;
}

/** The symbol beside the word, so the verdict reads in greyscale and to colour-blind staff. */
export const verdictSymbol: Record<Verdict, string> = {
  pass: '✓',
  fail: '✗',
  needs_review: '?',
  retake: '↻',
};

export interface OverlayBox {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** 1-based number drawn on the box and shown beside its finding */
  number: number;
  severity: InspectionFinding['severity'];
  message: string;
}

/**
 * The findings' boxes in the photo's pixel space (the SVG's viewBox), clamped to the photo; boxes
 * wholly outside it or empty are dropped. Numbered in finding order so the list can refer to them.
 */
export function overlayBoxes(
  findings: readonly InspectionFinding[],
  size: { width: number; height: number },
): OverlayBox[] {
  const boxes: OverlayBox[] = [];
  findings.forEach((entry, index) => {
    if (!entry.box) return;
    const left = Math.max(0, entry.box.x);
    const top = Math.max(0, entry.box.y);
    const right = Math.min(size.width, entry.box.x + entry.box.width);
    const bottom = Math.min(size.height, entry.box.y + entry.box.height);
    if (right <= left || bottom <= top) return;
    boxes.push({
      key: `${index}`,
      x: left,
      y: top,
      width: right - left,
      height: bottom - top,
      number: boxes.length + 1,
      severity: entry.severity,
      message: entry.message,
    });
  });
  return boxes;
}

/** A box from the photo's pixels to the displayed size (what the overlay's viewBox does). */
export function scaleBox(
  value: PhotoBox,
  natural: { width: number; height: number },
  displayed: { width: number; height: number },
): PhotoBox {
  const sx = displayed.width / natural.width;
  const sy = displayed.height / natural.height;
  return { x: value.x * sx, y: value.y * sy, width: value.width * sx, height: value.height * sy };
}

/** Milliseconds as shown: "42 ms" under a second, "1.3 s" above. */
export function durationText(ms: number, format: (value: number, digits: number) => string) {
  return ms < 1000 ? `${format(ms, 0)} ms` : `${format(ms / 1000, 1)} s`;
}

/** A score or threshold with as many decimals as it needs (at most 3). */
export function scoreText(value: number, format: (value: number, digits: number) => string) {
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return format(value, digits);
}
