import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDeps } from '../../../test/support/app-deps';
import { closedPortUrl } from '../../../test/support/fake-ollama';
import type { RgbaImage } from '../../../models/vision/image';
import { Random } from '../../../models/stats/random';
import { generatePackPhoto } from '../../../models/vision/synthetic/pack-photo';
import type { InspectionRecord } from '../../../tools/inspection/inspection-records';
import { createReferenceStore, type ReferenceStore } from '../../inspection/reference-store';
import { createVisionModel } from '../../inspection/vision-model';
import { createOllamaClient } from '../../llm/ollama-client';
import { createStoreToolContext } from '../../store/tool-context';
import { createApp } from '../create-app';
import type { ErrorBody } from '../error-handler';
import type { AppDeps } from '../types';

const toPng = (image: RgbaImage) =>
  sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: 4 },
  })
    .png()
    .toBuffer();

let folder: string;
let references: ReferenceStore;
let photo: Buffer;
let truncated: Buffer;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'ayni-inspection-routes-'));
  references = createReferenceStore({ repositoryDir: join(folder, 'none'), importDir: folder });
  const generated = generatePackPhoto(
    { defects: [{ kind: 'label_shift', dxPx: 24, dyPx: 0 }] },
    new Random(11),
  );
  photo = await toPng(generated.photo);
  truncated = photo.subarray(0, Math.floor(photo.length / 2));
  await references.importReference({
    sku: 'QUI-500',
    image: await toPng(generated.reference),
    labelBox: generated.labelBox,
  });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function inspectionApp(overrides: Partial<AppDeps> = {}) {
  const deps = testDeps({ inspections: { references }, ...overrides });
  return { app: createApp(deps), deps };
}

function form(
  files: Array<[string, Uint8Array | Buffer, string?]>,
  fields: Record<string, string> = {},
) {
  const body = new FormData();
  for (const [name, bytes, type] of files)
    body.append('photo', new Blob([new Uint8Array(bytes)], { type: type ?? 'image/png' }), name);
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return { method: 'POST', body };
}

type Result =
  | ({ file: string; status: 'inspected'; referenceUsed: boolean } & InspectionRecord)
  | {
      file: string;
      status: 'rejected';
      error: { reason: string; httpStatus: number; message: string };
    };

describe('/api/inspections', () => {
  it('inspects each photo and reports a truncated one per file without losing the other (else one bad photo sinks the batch)', async () => {
    const { app } = inspectionApp();
    const response = await app.request(
      '/api/inspections',
      form(
        [
          ['can.png', photo],
          ['cut.png', truncated],
        ],
        { sku: 'QUI-500', lot: 'L-7', line: 'L2' },
      ),
    );
    expect(response.status).toBe(201);
    const { results } = (await response.json()) as { results: Result[] };
    expect(results.map((result) => [result.file, result.status])).toEqual([
      ['can.png', 'inspected'],
      ['cut.png', 'rejected'],
    ]);
    const [inspected, rejected] = results as [
      Extract<Result, { status: 'inspected' }>,
      Extract<Result, { status: 'rejected' }>,
    ];
    expect(inspected).toMatchObject({
      sku: 'QUI-500',
      lot: 'L-7',
      line: 'L2',
      referenceUsed: true,
    });
    // The shifted label is not passed against the imported golden reference (found as
    // label_offset, or held for review when the alignment is doubtful); how often each happens is
    // the generated-set evaluation's job (generated-set-evaluation-floor.test.ts), not this route's.
    expect(inspected.verdict).not.toBe('pass');
    expect(inspected.reasons.length).toBeGreaterThan(0);
    expect(rejected.error).toMatchObject({ reason: 'truncated', httpStatus: 400 });
    expect(rejected.error.message).toContain('cut.png');

    const list = async (query: string) =>
      (
        (await (await app.request(`/api/inspections${query}`)).json()) as {
          inspections: InspectionRecord[];
        }
      ).inspections;
    const day = inspected.inspectedAt.slice(0, 10);
    expect((await list('?sku=QUI-500')).map((item) => item.id)).toEqual([inspected.id]);
    expect(await list('?sku=YOG-1L')).toEqual([]);
    expect(await list('?lot=L-8')).toEqual([]);
    expect(await list(`?from=${day}&to=${day}&lot=L-7`)).toHaveLength(1);
    expect(await list('?to=2000-01-01')).toEqual([]);

    const one = await app.request(`/api/inspections/${inspected.id}`);
    expect(((await one.json()) as InspectionRecord).verdict).toBe(inspected.verdict);

    const original = await app.request(`/api/inspections/${inspected.id}/photo`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await original.arrayBuffer()).equals(photo)).toBe(true);

    const summary = await app.request(`/api/qc/summary?from=${day}&to=${day}`);
    expect(await summary.json()).toEqual({
      from: day,
      to: day,
      days: [
        {
          date: day,
          sku: 'QUI-500',
          line: 'L2',
          inspected: 1,
          passed: inspected.verdict === 'pass' ? 1 : 0,
          failed: inspected.verdict === 'fail' ? 1 : 0,
          needsReview: inspected.verdict === 'needs_review' ? 1 : 0,
          retake: inspected.verdict === 'retake' ? 1 : 0,
        },
      ],
    });
  });

  it('stores a photo sent twice once (else the photo store grows with every resend)', async () => {
    const { app, deps } = inspectionApp();
    await app.request('/api/inspections', form([['a.png', photo]]));
    await app.request('/api/inspections', form([['b.png', photo]]));
    expect(deps.store.inspections.list({})).toHaveLength(2);
    expect(deps.store.inspections.imageCount()).toBe(1);
  });

  it('answers a lone bad photo with its own status and the error body (else clients cannot tell why)', async () => {
    const { app } = inspectionApp();
    const notImage = await app.request(
      '/api/inspections',
      form([['notes.png', new TextEncoder().encode('not a photo at all')]]),
    );
    expect(notImage.status).toBe(415);
    const body = (await notImage.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/notes\.png.*not a JPEG, PNG or WebP/);
    expect(body.error.requestId).toBeTruthy();

    const empty = await app.request('/api/inspections', form([['empty.png', new Uint8Array()]]));
    expect(empty.status).toBe(400);
  });

  it('refuses too many photos (400), too large an upload (413), no photo and an unknown SKU (400) (else limits are not enforced)', async () => {
    const { app } = inspectionApp({
      inspections: { references, maxPhotos: 2, maxUploadBytes: 2 * photo.length },
    });
    const many = await app.request(
      '/api/inspections',
      form([
        ['1.png', photo.subarray(0, 10)],
        ['2.png', photo.subarray(0, 10)],
        ['3.png', photo.subarray(0, 10)],
      ]),
    );
    expect(many.status).toBe(400);
    expect(((await many.json()) as ErrorBody).error.message).toMatch(/at most 2 per request/);
    const large = await app.request(
      '/api/inspections',
      form([
        ['1.png', photo],
        ['2.png', photo],
      ]),
    );
    expect(large.status).toBe(413);
    const none = await app.request('/api/inspections', { method: 'POST', body: new FormData() });
    expect(none.status).toBe(400);
    const unknown = await app.request(
      '/api/inspections',
      form([['1.png', photo]], { sku: 'NOPE-999' }),
    );
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as ErrorBody).error.message).toMatch(/NOPE-999/);
  });

  it('reports the vision model as unavailable when Ollama is down and still gives the checks verdict (else a down model loses the inspection)', async () => {
    const host = await closedPortUrl();
    const llm = createOllamaClient({ host, numCtx: 4096, keepAlive: '5m', retries: 0 });
    const vision = createVisionModel(llm, 'qwen2.5vl:7b');
    const base = testDeps();
    const { app } = inspectionApp({
      store: base.store,
      inspections: {
        references,
        toolContext: (signal) =>
          createStoreToolContext(base.store, {
            signal,
            now: () => new Date(),
            logger: base.logger,
            vision,
          }),
      },
    });
    const response = await app.request(
      '/api/inspections',
      form([['can.png', photo]], { sku: 'QUI-500' }),
    );
    expect(response.status).toBe(201);
    const { results } = (await response.json()) as {
      results: Array<{ verdict: string; vision: { status: string; problem: string } | null }>;
    };
    expect(results[0]!.vision).toMatchObject({ status: 'unavailable' });
    expect(results[0]!.vision!.problem).toBeTruthy();
    expect(['pass', 'fail', 'needs_review', 'retake']).toContain(results[0]!.verdict);
  });

  it('returns 404 for an unknown inspection and 400 for a bad query (else typos look like empty data)', async () => {
    const { app } = inspectionApp();
    expect((await app.request('/api/inspections/nope')).status).toBe(404);
    expect((await app.request('/api/inspections/nope/photo')).status).toBe(404);
    expect((await app.request('/api/inspections?from=2024-13')).status).toBe(400);
    expect((await app.request('/api/inspections?colour=red')).status).toBe(400);
    expect((await app.request('/api/qc/summary?from=2024-02-01&to=2024-01-01')).status).toBe(400);
  });
});

describe('/api/qc/references', () => {
  it('imports a reference from multipart and lists it; a bad spec names the field (else imports fail silently)', async () => {
    const importDir = mkdtempSync(join(tmpdir(), 'ayni-reference-import-'));
    try {
      const store = createReferenceStore({ repositoryDir: join(importDir, 'none'), importDir });
      const { app } = inspectionApp({ inspections: { references: store } });
      const body = new FormData();
      body.append('image', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'ref.png');
      body.append('sku', 'YOG-1L');
      body.append('labelBox', '10,20,100,80');
      body.append('spec', JSON.stringify({ tolerances: { colourMaxDeltaE: 6 } }));
      const created = await app.request('/api/qc/references', { method: 'POST', body });
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({
        sku: 'YOG-1L',
        spec: {
          labelBox: { x: 10, y: 20, width: 100, height: 80 },
          tolerances: { colourMaxDeltaE: 6 },
        },
      });
      const listed = (await (await app.request('/api/qc/references')).json()) as {
        references: Array<{ sku: string; source: string }>;
      };
      expect(listed.references.map(({ sku, source }) => [sku, source])).toEqual([
        ['YOG-1L', 'imported'],
      ]);

      const bad = new FormData();
      bad.append('image', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'ref.png');
      bad.append('sku', 'YOG-1L');
      bad.append('spec', JSON.stringify({ tolerances: { labelMaxOffsetPx: 'six' } }));
      const refused = await app.request('/api/qc/references', { method: 'POST', body: bad });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as ErrorBody).error.message).toMatch(
        /tolerances\.labelMaxOffsetPx/,
      );
    } finally {
      rmSync(importDir, { recursive: true, force: true });
    }
  });
});
