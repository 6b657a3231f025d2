// The tools the shipped suites are recorded and replayed with: the registry, plus inspect_packaging
// while the registry does not list it yet (the QC suite needs it). The tool list is part of every
// recorded request, so recording and replay must use the same list: both import this one.
import { fileURLToPath } from 'node:url';
import { registeredTools, type AnyTool } from '../../tools/index';
import { inspectPackaging } from '../../tools/inspect-packaging';

export const shippedSuiteTools: readonly AnyTool[] = registeredTools.some(
  (tool) => tool.name === inspectPackaging.name,
)
  ? registeredTools
  : [...registeredTools, inspectPackaging as unknown as AnyTool];

/** The shipped suites' folder (eval/suites). */
export const shippedSuitesDir = fileURLToPath(new URL('../suites', import.meta.url));
