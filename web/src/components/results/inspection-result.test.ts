import { describe, expect, it } from 'vitest';
import {
  durationText,
  isInspectionToolResult,
  isUploadResult,
  overlayBoxes,
  photoFromUpload,
  photosFromTool,
  scaleBox,
  scoreText,
  verdictLabelKey,
  verdicts,
  verdictSymbol,
  type InspectionFinding,
} from './inspection-result';
import { inspectionToolSample } from './inspection-result-sample.test-data';
import { strings } from './inspection-result-strings';

const format = (value: number, digits: number) => value.toFixed(digits);
const finding = (box?: InspectionFinding['box']): InspectionFinding => ({
  check: 'structure',
  type: 'dent',
  severity: 'major',
  score: 0.4,
  message: 'dent',
  ...(box && { box }),
});

describe('inspection result shape', () => {
  it("accepts the tool's output and rejects a result without verdicts (else a malformed result would crash the card instead of showing JSON)", () => {
    expect(isInspectionToolResult(inspectionToolSample)).toBe(true);
    const broken = structuredClone(inspectionToolSample);
    (broken.results[0] as Record<string, unknown>).verdict = 'maybe';
    expect(isInspectionToolResult(broken)).toBe(false);
  });

  it('keeps a rejected photo as its own entry with the reason (else a bad photo would vanish silently)', () => {
    const photos = photosFromTool(inspectionToolSample as never);
    expect(photos.map((photo) => photo.status)).toEqual(['inspected', 'rejected']);
    expect(photos[1]).toMatchObject({ message: 'notes.txt is not an image' });
    expect(photos[0]).toMatchObject({ label: '1 · can.png', inspectionId: 'insp-1' });
  });

  it("reads an upload's inspected and rejected answers (else the QC page would show neither)", () => {
    const inspected = {
      file: 'a.jpg',
      status: 'inspected',
      id: 'i9',
      imageHash: 'b',
      fileName: 'a.jpg',
      sku: null,
      lot: null,
      line: null,
      verdict: 'retake',
      reasons: ['too blurred'],
      findings: [],
      model: 'qwen2.5vl:7b',
      bestBefore: null,
      durations: { decodeMs: 1, checksMs: 2, modelMs: 300, totalMs: 303 },
      inspectedAt: '2026-11-26T10:00:00.000Z',
      confidence: 'checks_only',
      referenceUsed: false,
      vision: { status: 'ok', model: 'qwen2.5vl:7b', lotCode: 'L77' },
      checks: [],
    };
    const rejected = {
      file: 'b.jpg',
      status: 'rejected',
      error: { code: 'invalid_input', httpStatus: 400, reason: 'empty', message: 'b.jpg is empty' },
    };
    expect(isUploadResult(inspected) && isUploadResult(rejected)).toBe(true);
    expect(photoFromUpload(inspected as never)).toMatchObject({
      verdict: 'retake',
      lotRead: 'L77',
      label: 'a.jpg',
    });
    expect(photoFromUpload(rejected as never)).toEqual({
      status: 'rejected',
      key: 'b.jpg',
      label: 'b.jpg',
      message: 'b.jpg is empty',
    });
  });
});

describe('verdict labels', () => {
  it('gives every verdict a word in both languages and a distinct symbol (else a verdict would be told by colour alone)', () => {
    for (const verdict of verdicts) {
      expect(strings.en[verdictLabelKey(verdict)]).toMatch(/\w/);
      expect(strings.es[verdictLabelKey(verdict)]).toMatch(/\w/);
    }
    expect(new Set(verdicts.map((verdict) => verdictSymbol[verdict])).size).toBe(verdicts.length);
    expect(strings.en.verdict_retake).toBe('Retake the photo');
    expect(strings.es.verdict_needs_review).toBe('Requiere revisión');
  });
});

describe('finding boxes', () => {
  it('numbers only the findings with a box and clamps them to the photo (else boxes would spill off the photo)', () => {
    const boxes = overlayBoxes(
      [
        finding({ x: -10, y: 20, width: 50, height: 30 }),
        finding(),
        finding({ x: 780, y: 580, width: 100, height: 100 }),
        finding({ x: 900, y: 10, width: 10, height: 10 }),
      ],
      { width: 800, height: 600 },
    );
    expect(
      boxes.map(({ key, number, x, y, width, height }) => ({ key, number, x, y, width, height })),
    ).toEqual([
      { key: '0', number: 1, x: 0, y: 20, width: 40, height: 30 },
      { key: '2', number: 2, x: 780, y: 580, width: 20, height: 20 },
    ]);
  });

  it('scales a box from photo pixels to the displayed size (else boxes would mark the wrong place on a phone)', () => {
    expect(
      scaleBox(
        { x: 400, y: 300, width: 200, height: 100 },
        { width: 4000, height: 3000 },
        { width: 320, height: 240 },
      ),
    ).toEqual({ x: 32, y: 24, width: 16, height: 8 });
  });
});

describe('figures', () => {
  it('shows durations in ms under a second and s above (else 1250 ms would read as 1250 s or 1 s)', () => {
    expect(durationText(48, format)).toBe('48 ms');
    expect(durationText(1250, format)).toBe('1.3 s');
  });

  it('gives small scores enough decimals to compare with the threshold (else 0.004 vs 0.01 would both read 0)', () => {
    expect(scoreText(0.004, format)).toBe('0.004');
    expect(scoreText(812.5, format)).toBe('813');
    expect(scoreText(4.25, format)).toBe('4.25');
  });
});
