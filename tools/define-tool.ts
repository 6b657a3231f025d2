// One tool = one file exporting defineTool({...}) (ARCHITECTURE.md 2). The zod input schema is
// the only source of both the TypeScript input type and the JSON Schema the model sees.
import { z } from 'zod';
import type { ToolContext } from './tool-context';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ToolDefinition<
  InputSchema extends z.ZodType = z.ZodType,
  OutputSchema extends z.ZodType = z.ZodType,
> {
  /** snake_case name the model calls (ARCHITECTURE.md 3.4) */
  name: string;
  /** what the tool does and when to call it, written for the model */
  description: string;
  input: InputSchema;
  /** the full structured result (for the UI and POST /api/tools/:name) */
  output: OutputSchema;
  execute(
    input: z.output<InputSchema>,
    context: ToolContext,
  ): Promise<z.input<OutputSchema>> | z.input<OutputSchema>;
  /** a compact summary of the result for the model's context window */
  toModelOutput(output: z.output<OutputSchema>): JsonValue;
}

/** Erased form for registries: any tool, whatever its schemas. */
export type AnyTool = ToolDefinition<z.ZodType, z.ZodType>;

const toolName = /^[a-z][a-z0-9_]{0,63}$/;

export function defineTool<InputSchema extends z.ZodType, OutputSchema extends z.ZodType>(
  definition: ToolDefinition<InputSchema, OutputSchema>,
): ToolDefinition<InputSchema, OutputSchema> {
  if (!toolName.test(definition.name)) {
    throw new TypeError(
      `name: "${definition.name}" must be snake_case letters, digits and _ (at most 64)`,
    );
  }
  if (definition.description.trim().length === 0) {
    throw new TypeError(`description: tool "${definition.name}" needs a description`);
  }
  return Object.freeze({ ...definition });
}

/** The JSON Schema of a tool's input as the caller writes it (defaulted fields optional). */
export function inputJsonSchema(tool: AnyTool): Record<string, unknown> {
  return z.toJSONSchema(tool.input, { io: 'input' }) as Record<string, unknown>;
}
