// The tool registry: names, descriptions and JSON Schemas for the model and GET /api/tools, and
// runTool, which turns every failure into data (ARCHITECTURE.md 2) for the agent and the HTTP route.
import type { ZodError } from 'zod';
import { inputJsonSchema, type AnyTool, type JsonValue } from './define-tool';
import { detectAnomaliesTool } from './detect-anomalies';
import { forecastDemandTool } from './forecast-demand';
import { inspectPackaging } from './inspect-packaging';
import { optimizeInventoryTool } from './optimize-inventory';
import { querySalesTool } from './query-sales';
import { searchKnowledgeTool } from './search-knowledge';
import { sopSummaryTool } from './sop-summary';
import type { ToolContext } from './tool-context';
import { ResolutionError, ToolInputError, type NamedCandidate } from './tool-errors';

export type { AnyTool, JsonValue, ToolDefinition } from './define-tool';
export { defineTool, inputJsonSchema } from './define-tool';
export type * from './tool-context';
export { ResolutionError, ToolInputError, type NamedCandidate } from './tool-errors';

export const registeredTools: readonly AnyTool[] = [
  querySalesTool,
  forecastDemandTool,
  detectAnomaliesTool,
  optimizeInventoryTool,
  searchKnowledgeTool,
  sopSummaryTool,
  inspectPackaging,
];

export const toolNames: readonly string[] = registeredTools.map((tool) => tool.name);

export function findTool(name: string, tools: readonly AnyTool[] = registeredTools) {
  return tools.find((tool) => tool.name === name);
}

export interface ToolDescription {
  name: string;
  description: string;
  /** JSON Schema (draft 2020-12) of the input, from the zod schema */
  inputSchema: Record<string, unknown>;
}

export function describeTools(tools: readonly AnyTool[] = registeredTools): ToolDescription[] {
  return tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    inputSchema: inputJsonSchema(tool),
  }));
}

export interface ToolIssue {
  /** dotted path of the offending field ('' for the whole input) */
  path: string;
  code: string;
  message: string;
}

export type ToolFailureKind =
  'unknown_tool' | 'invalid_input' | 'not_found' | 'ambiguous' | 'aborted' | 'failed';

export interface ToolFailure {
  kind: ToolFailureKind;
  message: string;
  /** the input field at fault, when one is */
  field?: string;
  /** zod issues, for invalid_input from the schema */
  issues?: ToolIssue[];
  /** matches (ambiguous) or closest names (not_found) */
  candidates?: NamedCandidate[];
  /** the thrown error, for logs; never shown to users */
  cause?: unknown;
}

export type ToolOutcome =
  | { ok: true; tool: string; result: unknown; modelOutput: JsonValue }
  | { ok: false; tool: string; error: ToolFailure };

function issuesOf(error: ZodError): ToolIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
}

function failureOf(error: unknown, signal: AbortSignal): ToolFailure {
  if (error instanceof ResolutionError) {
    return {
      kind: error.problem === 'ambiguous' ? 'ambiguous' : 'not_found',
      message: error.message,
      field: error.field,
      candidates: [...error.candidates],
    };
  }
  if (error instanceof ToolInputError) {
    return { kind: 'invalid_input', message: error.message, field: error.field };
  }
  if (signal.aborted)
    return { kind: 'aborted', message: 'the tool call was cancelled', cause: error };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'failed', message, cause: error };
}

/** Validates the input, runs the tool and validates its result; never throws. */
export async function runTool(
  name: string,
  input: unknown,
  context: ToolContext,
  tools: readonly AnyTool[] = registeredTools,
): Promise<ToolOutcome> {
  const tool = findTool(name, tools);
  if (tool === undefined) {
    return {
      ok: false,
      tool: name,
      error: {
        kind: 'unknown_tool',
        message: `no tool named "${name}"; the tools are ${tools.map((item) => item.name).join(', ')}`,
      },
    };
  }
  const parsed = tool.input.safeParse(input);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    const summary = issues
      .slice(0, 3)
      .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
      .join('; ');
    return {
      ok: false,
      tool: name,
      error: { kind: 'invalid_input', message: `invalid ${name} input: ${summary}`, issues },
    };
  }
  try {
    const raw: unknown = await tool.execute(parsed.data, context);
    const checked = tool.output.safeParse(raw);
    if (!checked.success) {
      return {
        ok: false,
        tool: name,
        error: {
          kind: 'failed',
          message: `${name} produced a result that does not match its output schema`,
          issues: issuesOf(checked.error),
        },
      };
    }
    return {
      ok: true,
      tool: name,
      result: checked.data,
      modelOutput: tool.toModelOutput(checked.data),
    };
  } catch (error) {
    return { ok: false, tool: name, error: failureOf(error, context.signal) };
  }
}
