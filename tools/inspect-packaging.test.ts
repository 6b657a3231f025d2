import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { CheckName, CheckResult } from '../models/vision/check-result';
import type { DeterministicCheckSuite } from '../models/vision/run-checks';
import { createInspectPackagingTool } from './inspect-packaging';
import { inspectPackagingOutput } from './inspect-packaging-output';
import { createMemoryInspectionRecords } from './inspection/memory-inspection-records';
import { createMemoryToolContext } from './memory-tool-context';
import type { ToolImageAttachment } from './tool-context';
import { ResolutionError, ToolInputError } from './tool-errors';

const products = [
  {
    sku: 'GRA-005',
    name: 'Quinoa blanca 500 g',
    category: 'grains',
    launchDate: null,
    lifecycleStage: null,
  },
  {
    sku: 'GRA-006',
    name: 'Quinoa roja 500 g',
    category: 'grains',
    launchDate: null,
    lifecycleStage: null,
  },
];

function result(check: CheckName, status: CheckResult['status']): CheckResult {
  return {
    check,
    status,
    score: 3,
    threshold: 2,
    message: `${check} ${status}`,
    findings:
      status === 'fail'
        ? [
            {
              check,
              type: 'blur',
              severity: 'major',
              score: 3,
              message: 'too blurred to judge',
              box: { x: 1, y: 1, width: 4, height: 4 },
            },
          ]
        : [],
    ms: 1,
  };
}

/** Blur fails on dark photos (mean red below 100), everything else passes. */
const checks: DeterministicCheckSuite = {
  blur: (photo) => result('blur', (photo.data[0] ?? 0) < 100 ? 'fail' : 'pass'),
  exposure: () => result('exposure', 'pass'),
  glare: () => result('glare', 'pass'),
  align: () => ({ check: result('alignment', 'pass') }),
  colour: () => result('colour', 'pass'),
  structure: () => ({ check: result('structure', 'pass') }),
  label: () => result('label', 'pass'),
  barcode: () => result('barcode', 'pass'),
};

async function jpegBase64(level: number): Promise<string> {
  const raw = Buffer.alloc(32 * 24 * 3, level);
  return (
    await sharp(raw, { raw: { width: 32, height: 24, channels: 3 } })
      .jpeg()
      .toBuffer()
  ).toString('base64');
}

async function contextWith(attachments: ToolImageAttachment[]) {
  const inspections = createMemoryInspectionRecords();
  const base = createMemoryToolContext(
    { products, locations: [], sales: [] },
    { now: () => new Date('2026-11-26T12:00:00Z') },
  );
  return { inspections, context: { ...base, attachments, inspections } };
}

const tool = createInspectPackagingTool({ checks });

describe('inspect_packaging', () => {
  it('inspects every attached photo by default, resolves the SKU by name and saves each record', async () => {
    const { inspections, context } = await contextWith([
      { base64: await jpegBase64(200), fileName: 'good.jpg' },
      { base64: await jpegBase64(30), fileName: 'dark.jpg' },
    ]);
    const output = await tool.execute(
      tool.input.parse({ sku: 'quinoa blanca', lot: 'L2411' }),
      context,
    );
    expect(output.sku).toBe('GRA-005');
    expect(output.results.map((item) => item.status === 'inspected' && item.verdict)).toEqual([
      'pass',
      'retake',
    ]);
    expect(inspections.list({ sku: 'GRA-005', lot: 'L2411' })).toHaveLength(2);
    expect(() => inspectPackagingOutput.parse(output)).not.toThrow();
    const retake = output.results[1];
    if (retake?.status === 'inspected') {
      expect(retake.findings[0]?.box).toEqual({ x: 1, y: 1, width: 4, height: 4 });
      expect(retake.checks).toHaveLength(8);
    }
  });

  it('inspects only the photo asked for (1-based)', async () => {
    const { context } = await contextWith([
      { base64: await jpegBase64(200), fileName: 'a.jpg' },
      { base64: await jpegBase64(30), fileName: 'b.jpg' },
    ]);
    const output = await tool.execute(tool.input.parse({ photo: 2 }), context);
    expect(output.results.map((item) => [item.photo, item.fileName])).toEqual([[2, 'b.jpg']]);
  });

  it('reports a bad attachment as rejected with the reason and still inspects the others (else one bad file hides the rest)', async () => {
    const { context } = await contextWith([
      { base64: Buffer.from('not a photo').toString('base64'), fileName: 'notes.jpg' },
      { base64: await jpegBase64(200), fileName: 'good.jpg' },
    ]);
    const output = await tool.execute(tool.input.parse({}), context);
    expect(output.results[0]).toMatchObject({ status: 'rejected', reason: 'not_an_image' });
    expect(output.results[1]).toMatchObject({ status: 'inspected', verdict: 'pass' });
  });

  it('is a tool error naming the fix when no photo is attached or the index is past the last one', async () => {
    const none = await contextWith([]);
    await expect(tool.execute(tool.input.parse({}), none.context)).rejects.toThrow(ToolInputError);
    await expect(tool.execute(tool.input.parse({}), none.context)).rejects.toThrow(
      /no photo is attached.*ask the user to attach/,
    );
    const one = await contextWith([{ base64: await jpegBase64(200) }]);
    await expect(tool.execute(tool.input.parse({ photo: 3 }), one.context)).rejects.toThrow(
      /there is 1 photo attached, so photo 3 does not exist/,
    );
  });

  it('an ambiguous product name is a resolution error listing the candidates', async () => {
    const { context } = await contextWith([{ base64: await jpegBase64(200) }]);
    await expect(
      tool.execute(tool.input.parse({ sku: 'quinoa 500 g' }), context),
    ).rejects.toBeInstanceOf(ResolutionError);
  });

  it('gives the model a compact summary: verdicts and the first reasons, no check tables', async () => {
    const { context } = await contextWith([{ base64: await jpegBase64(30), fileName: 'dark.jpg' }]);
    const output = inspectPackagingOutput.parse(await tool.execute(tool.input.parse({}), context));
    const compact = tool.toModelOutput(output) as {
      photos: { verdict: string; reasons: string[]; findings: string[] }[];
    };
    expect(compact.photos[0]?.verdict).toBe('retake');
    expect(compact.photos[0]?.findings).toEqual(['blur (major): too blurred to judge']);
    expect(JSON.stringify(compact)).not.toContain('"checks"');
  });
});

describe('inspect_packaging with the deployment’s aids in the context', () => {
  it('uses the golden reference and the classifier the context carries (else a registered tool never compares with a reference)', async () => {
    const { context } = await contextWith([{ base64: await jpegBase64(200), fileName: 'a.jpg' }]);
    const asked: string[] = [];
    let classified = 0;
    const reference = { width: 32, height: 24, data: new Uint8ClampedArray(32 * 24 * 4).fill(200) };
    const output = await tool.execute(tool.input.parse({ sku: 'GRA-005' }), {
      ...context,
      inspectionAids: {
        references: {
          forSku: (sku: string) => {
            asked.push(sku);
            return Promise.resolve({
              image: reference,
              spec: {
                sku,
                checks: ['blur', 'exposure', 'glare', 'alignment', 'colour', 'structure', 'label'],
                tolerances: {
                  blurMinLaplacianVariance: 1,
                  exposureMaxClippedFraction: 1,
                  exposureMeanRange: [0, 255],
                  glareMaxFraction: 1,
                  colourMaxDeltaE: 100,
                  structureMinSsim: 0,
                  labelMaxOffsetPx: 100,
                  labelMaxRotationDeg: 90,
                },
                labelBox: { x: 4, y: 4, width: 8, height: 8 },
              },
            });
          },
        },
        classifier: () => {
          classified += 1;
          return undefined;
        },
      },
    });
    expect(asked).toEqual(['GRA-005']);
    expect(classified).toBe(1);
    const first = output.results[0];
    expect(first?.status === 'inspected' && first.referenceUsed).toBe(true);
  });
});
