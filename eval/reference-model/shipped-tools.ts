// The tools the shipped suites are recorded and replayed with: the registry, as `ayni eval` uses
// it. The tool list (names, descriptions, schemas, order) is part of every recorded request, so a
// change to it means re-recording: npx tsx eval/reference-model/record-shipped-suites.ts
import { fileURLToPath } from 'node:url';
import { registeredTools, type AnyTool } from '../../tools/index';

export const shippedSuiteTools: readonly AnyTool[] = registeredTools;

/** The shipped suites' folder (eval/suites). */
export const shippedSuitesDir = fileURLToPath(new URL('../suites', import.meta.url));
