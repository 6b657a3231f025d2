// An inspect_packaging result as the tool returns it (tools/inspect-packaging-output.ts): a
// failing photo with a boxed label finding and a photo rejected at intake.
export const inspectionToolSample = {
  sku: 'CON-001',
  lot: 'L2406',
  line: 'L1',
  results: [
    {
      photo: 1,
      fileName: 'can.png',
      status: 'inspected',
      inspectionId: 'insp-1',
      imageHash: 'a'.repeat(64),
      verdict: 'fail',
      confidence: 'checks_only',
      reasons: [
        'The label is shifted 42 px to the right (limit 10 px).',
        'The barcode does not match the EAN of CON-001.',
      ],
      findings: [
        {
          check: 'label',
          type: 'label_misaligned',
          severity: 'major',
          score: 42,
          message: 'label shifted 42 px right',
          box: { x: 100, y: 50, width: 200, height: 100 },
        },
        {
          check: 'barcode',
          type: 'barcode',
          severity: 'critical',
          score: 0,
          message: 'barcode 7750000000000 is not the SKU EAN',
        },
      ],
      checks: [
        {
          check: 'blur',
          status: 'pass',
          score: 812.5,
          threshold: 100,
          message: 'sharp',
          ms: 4,
        },
        {
          check: 'label',
          status: 'fail',
          score: 42,
          threshold: 10,
          message: 'shifted',
          ms: 9,
        },
        {
          check: 'colour',
          status: 'skipped',
          score: 0,
          threshold: 3,
          message: 'no reference',
          ms: 0,
        },
      ],
      referenceUsed: true,
      bestBefore: '2027-03-01',
      lotRead: null,
      model: null,
      durations: { decodeMs: 12, checksMs: 48, modelMs: null, totalMs: 1250 },
    },
    {
      photo: 2,
      fileName: 'notes.txt',
      status: 'rejected',
      reason: 'not_an_image',
      message: 'notes.txt is not an image',
    },
  ],
};
