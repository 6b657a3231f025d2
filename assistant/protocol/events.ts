// The chat stream's events (ARCHITECTURE.md 3.3), defined once: the server sends them as SSE
// (`event:` name, `data:` JSON without `type`) and over WebSocket (JSON with `type`); the web UI
// and eval import the types. Change only together with the README's API section and the UI.
import { z } from 'zod';

const usage = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  /** model turns in this run */
  steps: z.number().int().nonnegative(),
  /** model the run used, or null when a slash command ran without one */
  model: z.string().nullable(),
  /** prompt file id@version used, or null for a slash command */
  promptVersion: z.string().nullable(),
  /** wall time of the run, ms */
  ms: z.number().nonnegative(),
});

export const toolErrorSchema = z.object({
  kind: z.enum([
    'unknown_tool',
    'invalid_input',
    'not_found',
    'ambiguous',
    'aborted',
    'failed',
    'timeout',
  ]),
  message: z.string(),
  field: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  candidates: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
});

/** A figure in the final answer that no tool result of the run contains. */
export const ungroundedFigureSchema = z.object({ text: z.string(), value: z.number() });

export const citationSchema = z.object({
  document: z.string(),
  heading: z.string(),
  lineStart: z.number().int(),
  lineEnd: z.number().int(),
});

export const streamEventSchemas = {
  'run-start': z.object({ conversationId: z.string(), runId: z.string() }),
  'text-delta': z.object({ text: z.string() }),
  'thinking-delta': z.object({ text: z.string() }),
  'tool-call': z.object({ id: z.string(), name: z.string(), args: z.unknown() }),
  'tool-result': z.object({
    id: z.string(),
    name: z.string(),
    result: z.unknown(),
    ms: z.number(),
  }),
  'tool-error': z.object({
    id: z.string(),
    name: z.string(),
    error: toolErrorSchema,
    ms: z.number(),
  }),
  /** a notice the UI shows beside the answer (truncated context, model down and a slash command ran instead, ...) */
  warning: z.object({ code: z.string(), message: z.string() }),
  'run-end': z.object({
    /** the final answer as sent (also when stopped: the partial answer is kept) */
    message: z.string(),
    usage,
    outcome: z.enum(['answered', 'stopped', 'step_limit', 'failed']),
    ungrounded: z.array(ungroundedFigureSchema),
    citations: z.array(citationSchema),
  }),
  error: z.object({ code: z.string(), message: z.string() }),
} as const;

export type StreamEventName = keyof typeof streamEventSchemas;
export type StreamEventData<Name extends StreamEventName> = z.infer<
  (typeof streamEventSchemas)[Name]
>;

/** An event as the WebSocket sends it and the UI's reducer receives it. */
export type StreamEvent = {
  [Name in StreamEventName]: { type: Name } & StreamEventData<Name>;
}[StreamEventName];

export const streamEventSchema = z.discriminatedUnion(
  'type',
  Object.entries(streamEventSchemas).map(([type, schema]) =>
    schema.extend({ type: z.literal(type) }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

export type ToolErrorPayload = z.infer<typeof toolErrorSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type UngroundedFigure = z.infer<typeof ungroundedFigureSchema>;
export type RunUsage = z.infer<typeof usage>;
