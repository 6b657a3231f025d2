import { describe, expect, it } from 'vitest';
import { createMemoryToolContext } from '../../tools/memory-tool-context';
import { parseSlashCommand } from './slash-commands';

const context = createMemoryToolContext({
  products: [
    {
      sku: 'GRA-005',
      name: 'Quinoa blanca 500 g',
      category: 'grains',
      launchDate: null,
      lifecycleStage: null,
    },
  ],
  locations: [
    { code: 'AQP', name: 'CD Arequipa', region: 'Arequipa', city: 'Arequipa' },
    { code: 'LIM-CALLAO', name: 'CD Lima Callao', region: 'Lima', city: 'Callao' },
  ],
  sales: [],
});
const registered = new Set(['optimize_inventory']);

describe('/inventory', () => {
  it('maps a product and a trailing location name to optimize_inventory { product, location } (else the location is read as part of the product)', () => {
    expect(
      parseSlashCommand('/inventory Quinoa blanca 500 g CD Lima Callao', registered, context),
    ).toEqual({
      kind: 'tool',
      command: '/inventory',
      tool: 'optimize_inventory',
      input: { product: 'Quinoa blanca 500 g', location: 'CD Lima Callao' },
    });
    expect(parseSlashCommand('/inventory GRA-005 aqp', registered, context)).toMatchObject({
      input: { product: 'GRA-005', location: 'aqp' },
    });
  });

  it('keeps the whole argument as the product when no location ends it (else all locations are lost)', () => {
    expect(parseSlashCommand('/inventory Quinoa blanca 500 g', registered, context)).toMatchObject({
      kind: 'tool',
      input: { product: 'Quinoa blanca 500 g' },
    });
  });

  it('asks for a product when none is given (else the tool runs on nothing)', () => {
    expect(parseSlashCommand('/inventory', registered, context)).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('/inventory <product>'),
    });
  });
});

describe('/summary', () => {
  const withSummary = new Set(['sop_summary']);

  it('reads a leading YYYY-MM as the month and the rest as a category or location (else the wrong month or scope is summarised)', () => {
    expect(parseSlashCommand('/summary 2026-10 Arequipa', withSummary, context)).toEqual({
      kind: 'tool',
      command: '/summary',
      tool: 'sop_summary',
      input: { month: '2026-10', location: 'Arequipa' },
    });
    expect(parseSlashCommand('/summary grains', withSummary, context)).toMatchObject({
      input: { category: 'grains' },
    });
    expect(parseSlashCommand('/summary', withSummary, context)).toMatchObject({ input: {} });
  });
});
