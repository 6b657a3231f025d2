// Test fixture: the tables of the company's service-level policy (knowledge/docs/
// niveles-de-servicio.md), read so that tests can check the code's constants against the document.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

const policy = readFileSync(
  new URL('../../knowledge/docs/niveles-de-servicio.md', import.meta.url),
  'utf8',
);

/** The rows of the first Markdown table after a heading, as arrays of trimmed cells. */
export function policyTableAfter(heading: string): string[][] {
  const start = policy.indexOf(heading);
  expect(start, `heading "${heading}" in niveles-de-servicio.md`).toBeGreaterThanOrEqual(0);
  const lines = policy.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    if (/^\|\s*-/.test(line)) continue;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows.slice(1);
}
