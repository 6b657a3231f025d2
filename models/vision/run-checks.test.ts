import { describe, expect, it } from 'vitest';
import type { CheckName, CheckResult } from './check-result';
import type { PixelBox, RgbaImage } from './image';
import { defaultQcSpec } from './qc-defaults';
import {
  mapBoxThrough,
  runDeterministicChecks,
  shrinkByBlocks,
  type DeterministicCheckSuite,
} from './run-checks';

function image(width: number, height: number): RgbaImage {
  return { width, height, data: new Uint8ClampedArray(width * height * 4).fill(128) };
}

function result(check: CheckName, status: CheckResult['status'], box?: PixelBox): CheckResult {
  return {
    check,
    status,
    score: 1,
    threshold: 1,
    message: `${check} ${status}`,
    findings: box ? [{ check, type: 'glare', severity: 'major', score: 1, message: 'x', box }] : [],
    ms: 0,
  };
}

/** A suite that records what each check was given. */
function recordingSuite(overrides: Partial<DeterministicCheckSuite> = {}) {
  const calls: { check: string; width: number }[] = [];
  const suite: DeterministicCheckSuite = {
    blur: (photo) => (calls.push({ check: 'blur', width: photo.width }), result('blur', 'pass')),
    exposure: (photo) => (
      calls.push({ check: 'exposure', width: photo.width }),
      result('exposure', 'pass')
    ),
    glare: (photo) => (calls.push({ check: 'glare', width: photo.width }), result('glare', 'pass')),
    align: (photo, reference) => {
      calls.push({ check: 'alignment', width: photo.width });
      return {
        check: result('alignment', 'pass'),
        aligned: image(reference.width, reference.height),
        transform: [1, 0, 0, 0, 1, 0, 0, 0, 1],
      };
    },
    colour: (aligned) => (
      calls.push({ check: 'colour', width: aligned.width }),
      result('colour', 'pass')
    ),
    structure: (aligned) => (
      calls.push({ check: 'structure', width: aligned.width }),
      { check: result('structure', 'pass') }
    ),
    label: (aligned) => (
      calls.push({ check: 'label', width: aligned.width }),
      result('label', 'pass')
    ),
    barcode: () => (calls.push({ check: 'barcode', width: 0 }), result('barcode', 'pass')),
    ...overrides,
  };
  return { suite, calls };
}

describe('runDeterministicChecks', () => {
  it('runs photo quality first, then alignment, structure (which confirms the alignment), label, colour and barcode (else a bad photo is judged for defects first, a misfit is read as a moved label, or a moved label as a colour deviation)', () => {
    const { suite, calls } = recordingSuite();
    const run = runDeterministicChecks(
      {
        photo: image(400, 300),
        reference: image(200, 150),
        spec: defaultQcSpec('GRA-005', '7751234567895'),
        barcodes: [],
      },
      suite,
    );
    expect(calls.map((call) => call.check)).toEqual([
      'blur',
      'exposure',
      'glare',
      'alignment',
      'structure',
      'label',
      'colour',
      'barcode',
    ]);
    expect(run.checks.map((check) => check.status)).toEqual(Array(8).fill('pass'));
    expect(run.aligned?.width).toBe(200);
  });

  it('skips label, colour and structure when confirmAlignment doubts the fit, else a misfit would be reported as a moved label', () => {
    const { suite } = recordingSuite();
    suite.confirmAlignment = (alignment) => ({ ...alignment, status: 'inconclusive' });
    const run = runDeterministicChecks(
      {
        photo: image(400, 300),
        reference: image(200, 150),
        spec: defaultQcSpec('GRA-005', '7751234567895'),
        barcodes: [],
      },
      suite,
    );
    const status = (name: string) => run.checks.find((check) => check.check === name)?.status;
    expect(status('alignment')).toBe('inconclusive');
    expect(status('label')).toBe('skipped');
    expect(status('colour')).toBe('skipped');
    expect(status('structure')).toBe('skipped');
  });

  it('skips the reference checks with the reason when the SKU has no golden reference, and the barcode without an EAN', () => {
    const { suite, calls } = recordingSuite();
    const run = runDeterministicChecks(
      { photo: image(100, 80), spec: defaultQcSpec('GRA-005') },
      suite,
    );
    expect(calls.map((call) => call.check)).toEqual(['blur', 'exposure', 'glare']);
    const byName = Object.fromEntries(run.checks.map((check) => [check.check, check]));
    expect(byName.alignment).toMatchObject({
      status: 'skipped',
      message: 'no golden reference image for GRA-005',
    });
    expect(byName.label?.status).toBe('skipped');
    expect(byName.barcode?.message).toMatch(/no EAN on file for GRA-005/);
  });

  it('skips checks the spec leaves out, naming the spec (else a SKU without a label is failed for its label)', () => {
    const { suite, calls } = recordingSuite();
    const spec = {
      ...defaultQcSpec('GRA-005'),
      checks: ['blur', 'exposure', 'alignment', 'structure'] as CheckName[],
    };
    const run = runDeterministicChecks(
      { photo: image(100, 80), reference: image(100, 80), spec },
      suite,
    );
    expect(calls.map((call) => call.check)).toEqual(['blur', 'exposure', 'alignment', 'structure']);
    expect(run.checks.find((check) => check.check === 'label')?.message).toBe(
      'not in the QC spec of GRA-005',
    );
  });

  it('does not run colour, structure or label when alignment failed (else they compare misplaced pixels)', () => {
    const { suite, calls } = recordingSuite({
      align: () => ({ check: result('alignment', 'inconclusive') }),
    });
    const run = runDeterministicChecks(
      { photo: image(100, 80), reference: image(100, 80), spec: defaultQcSpec('X') },
      suite,
    );
    expect(calls.map((call) => call.check)).not.toContain('colour');
    expect(run.checks.find((check) => check.check === 'structure')?.message).toMatch(
      /could not be aligned/,
    );
  });

  it('analyses a 12-MP photo at 1024 px and reports boxes in the photo own pixels (else boxes point at the wrong place)', () => {
    const { suite, calls } = recordingSuite({
      // inconclusive, not fail: a failed glare check skips the comparisons with the reference
      glare: () => result('glare', 'inconclusive', { x: 100, y: 50, width: 10, height: 20 }),
      // the reference frame is half the analysed size, shifted by 10 px
      align: (_, reference) => ({
        check: result('alignment', 'pass'),
        aligned: image(reference.width, reference.height),
        transform: [2, 0, 10, 0, 2, 10, 0, 0, 1],
      }),
      label: () => result('label', 'fail', { x: 5, y: 5, width: 10, height: 10 }),
    });
    const photo = image(4000, 3000);
    const run = runDeterministicChecks(
      { photo, reference: image(512, 384), spec: defaultQcSpec('X') },
      suite,
    );
    expect(calls[0]?.width).toBe(1000);
    expect(run.scale).toBe(4);
    const glareBox = run.checks.find((check) => check.check === 'glare')?.findings[0]?.box;
    expect(glareBox).toEqual({ x: 400, y: 200, width: 40, height: 80 });
    const labelBox = run.checks.find((check) => check.check === 'label')?.findings[0]?.box;
    // reference (5,5)-(15,15) -> analysed (20,20)-(40,40) -> photo x 4
    expect(labelBox).toEqual({ x: 80, y: 80, width: 80, height: 80 });
  });

  it('times each check with the clock it is given (models/ reads no clock)', () => {
    let now = 0;
    const { suite } = recordingSuite({ blur: () => ((now += 7), result('blur', 'pass')) });
    const run = runDeterministicChecks({ photo: image(50, 50), spec: defaultQcSpec('X') }, suite, {
      clock: () => now,
    });
    expect(run.checks[0]?.ms).toBe(7);
  });

  it('refuses a photo whose data does not match its size, naming the argument', () => {
    const { suite } = recordingSuite();
    expect(() =>
      runDeterministicChecks(
        {
          photo: { width: 10, height: 10, data: new Uint8ClampedArray(4) },
          spec: defaultQcSpec('X'),
        },
        suite,
      ),
    ).toThrow(/^photo: /);
  });
});

describe('shrinkByBlocks', () => {
  it('averages each factor x factor block (else colours and boxes drift at the analysed size)', () => {
    const photo = image(4, 2);
    photo.data.set([0, 0, 0, 255, 10, 20, 30, 255], 0); // (0,0), (1,0)
    photo.data.set([20, 40, 60, 255, 30, 60, 90, 255], 16); // (0,1), (1,1)
    const small = shrinkByBlocks(photo, 2);
    expect([small.width, small.height]).toEqual([2, 1]);
    expect([...small.data.subarray(0, 4)]).toEqual([15, 30, 45, 255]);
    expect([...small.data.subarray(4, 8)]).toEqual([128, 128, 128, 128]);
  });
});

describe('shrinkByBlocks on unaligned bytes', () => {
  it('gives the same result from a view that does not start on a 4-byte boundary (else the fast path misreads)', () => {
    const backing = new Uint8ClampedArray(1 + 6 * 4 * 4);
    const data = backing.subarray(1);
    for (let index = 0; index < data.length; index += 1) data[index] = (index * 37) % 256;
    const aligned = shrinkByBlocks({ width: 6, height: 4, data: data.slice() }, 2);
    const unaligned = shrinkByBlocks({ width: 6, height: 4, data }, 2);
    expect([...unaligned.data]).toEqual([...aligned.data]);
    // first block: pixels (0,0), (1,0), (0,1), (1,1), red bytes at 0, 4, 24, 28
    const red = [0, 4, 24, 28].map((index) => (index * 37) % 256);
    expect(aligned.data[0]).toBe(Math.round(red.reduce((sum, value) => sum + value, 0) / 4));
  });
});

describe('mapBoxThrough', () => {
  it('maps a box through a homography to the bounding box of its corners', () => {
    const rotate90: number[] = [0, -1, 100, 1, 0, 0, 0, 0, 1];
    expect(mapBoxThrough(rotate90, { x: 10, y: 20, width: 30, height: 5 })).toEqual({
      x: 75,
      y: 10,
      width: 5,
      height: 30,
    });
  });
});
