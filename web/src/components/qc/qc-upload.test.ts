// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/client';
import type { UploadResult } from '../results/inspection-result';
import { QcUploadState } from './qc-upload.svelte';

const inspected = (file: string): UploadResult =>
  ({
    file,
    status: 'inspected',
    id: `id-${file}`,
    imageHash: 'h',
    fileName: file,
    sku: 'CON-001',
    lot: 'L1',
    line: 'A',
    verdict: 'pass',
    reasons: [],
    findings: [],
    model: null,
    bestBefore: null,
    durations: { decodeMs: 1, checksMs: 1, modelMs: null, totalMs: 2 },
    inspectedAt: '2026-11-26T10:00:00Z',
    checks: [],
  }) as unknown as UploadResult;

describe('QcUploadState', () => {
  it('sends photos one at a time with the fields, keeps a failed upload as its own error and leaves refused files unsent (else one bad photo would hide the others)', async () => {
    const sent: { name: string; fields: unknown }[] = [];
    const state = new QcUploadState((file, fields) => {
      sent.push({ name: file.name, fields });
      if (file.name === 'b.jpg') return Promise.reject(new ApiError('server busy', 503, 'busy'));
      return Promise.resolve(inspected(file.name));
    });
    state.add([
      new File(['x'], 'a.jpg', { type: 'image/jpeg' }),
      new File(['x'], 'b.jpg', { type: 'image/jpeg' }),
      new File(['x'], 'c.pdf', { type: 'application/pdf' }),
    ]);
    const count = await state.inspect({ sku: 'CON-001', lot: 'L1' });
    expect(count).toBe(1);
    expect(sent.map((entry) => entry.name)).toEqual(['a.jpg', 'b.jpg']);
    expect(sent[0]!.fields).toEqual({ sku: 'CON-001', lot: 'L1' });
    expect(
      state.outcomes.map((outcome) => [outcome.name, outcome.photo?.status, outcome.error]),
    ).toEqual([
      ['a.jpg', 'inspected', undefined],
      ['b.jpg', undefined, 'server busy'],
    ]);
    expect(state.picked.map((photo) => photo.file.name)).toEqual(['c.pdf']);
    expect(state.busy).toBe(false);
  });
});
