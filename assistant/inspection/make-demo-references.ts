// Writes the demo company's golden references into knowledge/qc/<SKU>/ (reference.png + spec.json):
// a can (CON-001) and a pouch (SNA-001) rendered by the photo generator with the catalogue's EAN on
// the barcode, so the demo's inspections have a reference, a label box and a barcode to check.
// Run: npx tsx assistant/inspection/make-demo-references.ts [OUT_DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { Random } from '../../models/stats/random';
import { randomPackDesign, renderReferencePack } from '../../models/vision/synthetic/pack-design';
import { buildCatalogue } from '../store/demo/catalogue';
import {
  defaultRepositoryQcDir,
  REFERENCE_FILE,
  SPEC_FILE,
  type QcSpecFile,
} from './reference-store';

const demoPacks: ReadonlyArray<{ sku: string; kind: 'can' | 'pouch' }> = [
  { sku: 'CON-001', kind: 'can' },
  { sku: 'SNA-001', kind: 'pouch' },
];

export async function makeDemoReferences(outDir: string): Promise<string[]> {
  // EANs depend on the catalogue's category and item order only, not on the seed
  const catalogue = buildCatalogue(new Random(1), 0, 1000);
  const written: string[] = [];
  for (const { sku, kind } of demoPacks) {
    const product = catalogue.find((item) => item.sku === sku);
    if (product === undefined) throw new Error(`the demo catalogue has no ${sku}`);
    const root = new Random(2026);
    let attempt = 0;
    let design = randomPackDesign(root.fork(`${sku}:${attempt}`));
    while (design.kind !== kind) {
      attempt += 1;
      design = randomPackDesign(root.fork(`${sku}:${attempt}`));
    }
    design = { ...design, ean: product.ean };
    const reference = renderReferencePack(design);
    const folder = join(outDir, sku);
    mkdirSync(folder, { recursive: true });
    const { image } = reference;
    await sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
      raw: { width: image.width, height: image.height, channels: 4 },
    })
      .removeAlpha()
      .png({ compressionLevel: 9 })
      .toFile(join(folder, REFERENCE_FILE));
    const spec: QcSpecFile = { sku, labelBox: reference.labelBox, ean: reference.ean };
    writeFileSync(join(folder, SPEC_FILE), `${JSON.stringify(spec, null, 2)}\n`);
    written.push(folder);
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folders = await makeDemoReferences(process.argv[2] ?? defaultRepositoryQcDir);
  process.stdout.write(`${folders.join('\n')}\n`);
}
