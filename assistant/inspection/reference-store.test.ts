import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultQcTolerances } from '../../models/vision/qc-defaults';
import {
  createReferenceStore,
  defaultRepositoryQcDir,
  parseLabelBox,
  parseQcSpec,
  ReferenceSpecError,
} from './reference-store';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function temporary(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ayni-references-'));
  folders.push(folder);
  return folder;
}

async function png(width: number, height: number, colour: [number, number, number]) {
  return new Uint8Array(
    await sharp({
      create: {
        width,
        height,
        channels: 3,
        background: { r: colour[0], g: colour[1], b: colour[2] },
      },
    })
      .png()
      .toBuffer(),
  );
}

describe('reference store', () => {
  it('reads back an imported reference with its spec and pixels (else the checks compare with the wrong pack)', async () => {
    const importDir = temporary();
    const store = createReferenceStore({ repositoryDir: temporary(), importDir });
    const image = await png(64, 48, [200, 30, 40]);
    const result = await store.importReference({
      sku: 'GRA-005',
      image,
      fileName: 'ref.png',
      spec: { ean: '7751234567897', tolerances: { colourMaxDeltaE: 5 } },
      labelBox: { x: 4, y: 5, width: 30, height: 20 },
    });
    expect(result.folder).toBe(join(importDir, 'GRA-005'));
    const reference = await store.forSku('GRA-005');
    expect(reference).toBeDefined();
    expect(reference!.image.width).toBe(64);
    expect(reference!.image.height).toBe(48);
    expect([...reference!.image.data.slice(0, 4)]).toEqual([200, 30, 40, 255]);
    expect(reference!.spec).toEqual({
      ...result.spec,
      sku: 'GRA-005',
      ean: '7751234567897',
      labelBox: { x: 4, y: 5, width: 30, height: 20 },
    });
    expect(reference!.spec.tolerances.colourMaxDeltaE).toBe(5);
    expect(reference!.spec.tolerances.blurMinLaplacianVariance).toBe(
      defaultQcTolerances.blurMinLaplacianVariance,
    );
    expect(await store.forSku('NOT-THERE')).toBeUndefined();
    expect(await store.forSku('../etc')).toBeUndefined();
  });

  it('lets an imported reference win over the repository one (else an import is silently ignored)', async () => {
    const repositoryDir = temporary();
    const importDir = temporary();
    mkdirSync(join(repositoryDir, 'SKU-1'));
    writeFileSync(join(repositoryDir, 'SKU-1', 'reference.png'), await png(32, 32, [0, 0, 255]));
    mkdirSync(join(repositoryDir, 'SKU-2'));
    writeFileSync(join(repositoryDir, 'SKU-2', 'reference.png'), await png(32, 32, [0, 255, 0]));
    const store = createReferenceStore({ repositoryDir, importDir });
    expect((await store.forSku('SKU-1'))!.image.data[2]).toBe(255);
    await store.importReference({ sku: 'SKU-1', image: await png(32, 32, [255, 0, 0]) });
    const reference = await store.forSku('SKU-1');
    expect([...reference!.image.data.slice(0, 3)]).toEqual([255, 0, 0]);
    expect(store.list().map(({ sku, source }) => [sku, source])).toEqual([
      ['SKU-1', 'imported'],
      ['SKU-2', 'repository'],
    ]);
  });

  it('names the file, the field and the fix for a bad spec (else the QC lead cannot correct it)', async () => {
    const repositoryDir = temporary();
    mkdirSync(join(repositoryDir, 'SKU-1'));
    writeFileSync(join(repositoryDir, 'SKU-1', 'reference.png'), await png(32, 32, [0, 0, 255]));
    const specPath = join(repositoryDir, 'SKU-1', 'spec.json');
    writeFileSync(specPath, JSON.stringify({ tolerances: { colourMaxDeltaE: -3 } }));
    const store = createReferenceStore({ repositoryDir, importDir: temporary() });
    await expect(store.forSku('SKU-1')).rejects.toThrow(ReferenceSpecError);
    await expect(store.forSku('SKU-1')).rejects.toThrow(
      new RegExp(
        `${specPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: tolerances\\.colourMaxDeltaE: .*; fix the field`,
      ),
    );
    writeFileSync(specPath, JSON.stringify({ checks: ['blur', 'colur'] }));
    await expect(store.forSku('SKU-1')).rejects.toThrow(/checks\.1/);
    writeFileSync(specPath, JSON.stringify({ labelBox: { x: 10, y: 10, width: 30, height: 5 } }));
    await expect(store.forSku('SKU-1')).rejects.toThrow(/labelBox .* outside the 32 x 32/);
    writeFileSync(specPath, '{ "ean": ');
    await expect(store.forSku('SKU-1')).rejects.toThrow(/not valid JSON/);
  });

  it('refuses an unknown spec field and a SKU mismatch (else a typo silently falls back to the default)', () => {
    expect(() => parseQcSpec({ tolerance: {} }, 'A', 'spec.json')).toThrow(
      /spec\.json: .*tolerance/,
    );
    expect(() => parseQcSpec({ sku: 'B' }, 'A', 'spec.json')).toThrow(/folder is for "A"/);
    expect(parseQcSpec({ checks: ['blur', 'blur'] }, 'A', 'spec.json').checks).toEqual(['blur']);
  });

  it('refuses an upload that is not an image and a bad SKU (else a broken reference is written)', async () => {
    const store = createReferenceStore({ repositoryDir: temporary(), importDir: temporary() });
    await expect(
      store.importReference({
        sku: 'A',
        image: new TextEncoder().encode('hello'),
        fileName: 'a.png',
      }),
    ).rejects.toThrow(/not a JPEG, PNG or WebP/);
    await expect(
      store.importReference({ sku: 'a/b', image: await png(8, 8, [0, 0, 0]) }),
    ).rejects.toThrow(/sku "a\/b"/);
  });

  it('parses a label box x,y,w,h and explains a bad one (else --label-box mistakes pass)', () => {
    expect(parseLabelBox('40, 130,400,370')).toEqual({ x: 40, y: 130, width: 400, height: 370 });
    expect(() => parseLabelBox('1,2,3')).toThrow(/four whole numbers/);
    expect(() => parseLabelBox('1,2,0,3')).toThrow(/at least 1/);
  });

  it('loads every shipped demo reference with a valid spec (else the demo has broken references)', async () => {
    const store = createReferenceStore({ importDir: temporary() });
    const shipped = store.list();
    expect(shipped.length).toBeGreaterThan(0);
    for (const { sku, folder } of shipped) {
      expect(folder.startsWith(defaultRepositoryQcDir)).toBe(true);
      const reference = await store.forSku(sku);
      expect(reference!.spec.labelBox).toBeDefined();
      expect(reference!.spec.ean).toMatch(/^\d{13}$/);
    }
  });
});
