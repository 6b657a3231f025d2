import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInspectionAids } from './inspection-aids';

const quiet = { info() {}, warn() {} };

describe('loadInspectionAids', () => {
  it('finds the repository’s golden references and has no classifier until one is trained (else a missing file would break start-up)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ayni-aids-'));
    const aids = loadInspectionAids({ dataDir, logger: quiet });
    expect(aids.classifier).toBeUndefined();
    const reference = await aids.references.forSku('CON-001');
    expect(reference?.spec.sku).toBe('CON-001');
    expect(reference?.image.width).toBeGreaterThan(0);
  });

  it('warns and goes on without a classifier when its file is broken (else the server would not start)', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ayni-aids-'));
    writeFileSync(join(dataDir, 'defect-classifier.json'), '{ not json');
    const warnings: string[] = [];
    const aids = loadInspectionAids({
      dataDir,
      logger: { info() {}, warn: (_fields, message) => warnings.push(message) },
    });
    expect(aids.classifier).toBeUndefined();
    expect(warnings[0]).toContain('ayni inspect train');
  });
});
