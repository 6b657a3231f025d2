import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { CheckName, CheckResult } from '../../models/vision/check-result';
import type { RgbaImage } from '../../models/vision/image';
import { defaultQcSpec } from '../../models/vision/qc-defaults';
import type { DeterministicCheckSuite } from '../../models/vision/run-checks';
import { createMemoryToolContext } from '../memory-tool-context';
import type { ToolContext } from '../tool-context';
import type { ToolVisionModel, VisionModelRequest } from './inspection-records';
import { inspectPhoto } from './inspect-photo';
import { createMemoryInspectionRecords } from './memory-inspection-records';
import { PhotoRejectedError } from './photo-rejected-error';

const now = new Date('2026-11-26T15:00:00Z');
const products = [
  {
    sku: 'GRA-005',
    name: 'Quinoa blanca 500 g',
    category: 'grains',
    launchDate: null,
    lifecycleStage: null,
    ean: '7751234567895',
  },
];

function passing(check: CheckName, status: CheckResult['status'] = 'pass'): CheckResult {
  return {
    check,
    status,
    score: 1,
    threshold: 1,
    message: `${check} ${status}`,
    findings: [],
    ms: 0,
  };
}

/** Deterministic checks as test doubles: each passes unless listed as failing. */
function suite(
  failing: CheckName[] = [],
  seen: { barcodes?: unknown } = {},
): DeterministicCheckSuite {
  const status = (check: CheckName) => (failing.includes(check) ? 'fail' : 'pass');
  return {
    blur: () => passing('blur', status('blur')),
    exposure: () => passing('exposure', status('exposure')),
    glare: () => passing('glare', status('glare')),
    align: (_, reference) => ({
      check: passing('alignment'),
      aligned: reference,
      transform: [1, 0, 0, 0, 1, 0, 0, 0, 1],
    }),
    colour: () => passing('colour', status('colour')),
    structure: () => ({ check: passing('structure', status('structure')) }),
    label: () => ({
      ...passing('label', status('label')),
      findings: failing.includes('label')
        ? [
            {
              check: 'label',
              type: 'label_offset',
              severity: 'major',
              score: 14,
              message: 'label moved 14 px',
              box: { x: 2, y: 2, width: 10, height: 6 },
            },
          ]
        : [],
    }),
    barcode: (barcodes, ean) => ((seen.barcodes = { barcodes, ean }), passing('barcode')),
  };
}

function scriptedVision(answer: object): ToolVisionModel & { requests: VisionModelRequest[] } {
  const requests: VisionModelRequest[] = [];
  return {
    model: 'qwen2.5vl:7b',
    requests,
    ask(request) {
      requests.push(request);
      return Promise.resolve({ content: JSON.stringify(answer), model: 'qwen2.5vl:7b', ms: 5 });
    },
  };
}
const intact = {
  defects: [],
  legibleText: 'Quinoa',
  bestBefore: '01/03/2027',
  lotCode: 'L2411',
  confidence: 0.9,
};

async function photoBytes(): Promise<Uint8Array> {
  const raw = Buffer.alloc(64 * 48 * 3, 150);
  return new Uint8Array(
    await sharp(raw, { raw: { width: 64, height: 48, channels: 3 } })
      .jpeg()
      .toBuffer(),
  );
}

function context(extra: Partial<ToolContext> = {}) {
  const inspections = createMemoryInspectionRecords();
  const base = createMemoryToolContext({ products, locations: [], sales: [] }, { now: () => now });
  return { inspections, context: { ...base, inspections, ...extra } };
}

const reference: RgbaImage = {
  width: 32,
  height: 24,
  data: new Uint8ClampedArray(32 * 24 * 4).fill(150),
};
const references = {
  forSku: (sku: string) =>
    Promise.resolve(
      sku === 'GRA-005' ? { image: reference, spec: defaultQcSpec('GRA-005') } : undefined,
    ),
};

describe('inspectPhoto', () => {
  it('passes a clean photo, stores the original by hash and saves the record with durations (else nothing is traceable)', async () => {
    const bytes = await photoBytes();
    const vision = scriptedVision(intact);
    const { inspections, context: ctx } = context({ vision });
    const result = await inspectPhoto(
      { bytes, fileName: 'a.jpg', sku: 'GRA-005', lot: 'L2411', line: 'L1' },
      { context: ctx, checks: suite(), references },
    );
    expect(result.record.verdict).toBe('pass');
    expect(result.confidence).toBe('high');
    expect(result.referenceUsed).toBe(true);
    expect(result.record.imageHash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(inspections.images.get(result.record.imageHash)?.mime).toBe('image/jpeg');
    expect(inspections.list({ sku: 'GRA-005' })).toEqual([result.record]);
    expect(result.record).toMatchObject({
      sku: 'GRA-005',
      lot: 'L2411',
      line: 'L1',
      model: 'qwen2.5vl:7b',
      bestBefore: '2027-03-01',
      inspectedAt: now.toISOString(),
    });
    const { durations } = result.record;
    expect(durations.decodeMs).toBeGreaterThanOrEqual(0);
    expect(durations.modelMs).toBeGreaterThanOrEqual(0);
    expect(durations.totalMs).toBeGreaterThanOrEqual(durations.checksMs);
    expect(vision.requests[0]?.images[0]).toMatch(/^\/9j\//); // a JPEG in base64
    expect(vision.requests[0]?.prompt).toContain('Expected product: GRA-005 Quinoa blanca 500 g.');
  });

  it('a label the checks fail and the model calls intact needs review, with the finding box in photo pixels', async () => {
    const { context: ctx } = context({ vision: scriptedVision(intact) });
    const result = await inspectPhoto(
      { bytes: await photoBytes(), sku: 'GRA-005' },
      { context: ctx, checks: suite(['label']), references },
    );
    expect(result.record.verdict).toBe('needs_review');
    expect(result.record.findings[0]).toMatchObject({
      type: 'label_offset',
      box: { x: 2, y: 2, width: 10, height: 6 },
    });
  });

  it('without a reference runs photo quality and the barcode against the catalogue EAN (else unknown SKUs get no barcode check)', async () => {
    const seen: { barcodes?: unknown } = {};
    const { context: ctx } = context();
    const result = await inspectPhoto(
      { bytes: await photoBytes(), sku: 'GRA-005' },
      {
        context: ctx,
        checks: suite([], seen),
        readBarcodes: () => Promise.resolve([{ text: '7751234567895', format: 'EAN13' }]),
      },
    );
    expect(result.referenceUsed).toBe(false);
    expect(seen.barcodes).toEqual({
      barcodes: [{ text: '7751234567895', format: 'EAN13' }],
      ean: '7751234567895',
    });
    expect(result.checks.find((check) => check.check === 'alignment')?.message).toBe(
      'no golden reference image for GRA-005',
    );
    expect(result.record.verdict).toBe('pass');
    expect(result.confidence).toBe('checks_only');
    expect(result.vision).toBeNull();
  });

  it('a blurred photo is a retake (else blur is reported as a defect)', async () => {
    const { context: ctx } = context();
    const result = await inspectPhoto(
      { bytes: await photoBytes() },
      { context: ctx, checks: suite(['blur']) },
    );
    expect(result.record.verdict).toBe('retake');
  });

  it('rejects a bad upload before storing anything (else junk is kept)', async () => {
    const { inspections, context: ctx } = context();
    await expect(
      inspectPhoto(
        { bytes: new TextEncoder().encode('hello'), fileName: 'x.jpg' },
        { context: ctx, checks: suite() },
      ),
    ).rejects.toBeInstanceOf(PhotoRejectedError);
    expect(inspections.images.size).toBe(0);
    expect(inspections.list({})).toEqual([]);
  });
});
