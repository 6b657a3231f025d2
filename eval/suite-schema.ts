// The evaluation suite file (issue 10): promptfoo's configuration shape (description, prompts,
// providers, defaultTest, tests with vars and assert), so the same YAML runs under promptfoo
// through eval/promptfoo/, plus Ayni's assertion types for a tool-calling planning agent.
import { z } from 'zod';

/** promptfoo's common assertion types this runner implements (each also as `not-<type>`). */
export const promptfooAssertionTypes = [
  'equals',
  'contains',
  'icontains',
  'contains-any',
  'contains-all',
  'regex',
  'starts-with',
  'is-json',
  'javascript',
  'latency',
  'llm-rubric',
] as const;

/** Ayni's assertion types (the runner sees tool calls, steps, grounding and citations). */
export const ayniAssertionTypes = [
  'tool-called',
  'tool-args',
  'no-tool',
  'max-steps',
  'grounded',
  'cites',
  'language',
  'ttft',
  'tokens',
] as const;

export type AssertionType =
  | (typeof promptfooAssertionTypes)[number]
  | `not-${(typeof promptfooAssertionTypes)[number]}`
  | (typeof ayniAssertionTypes)[number];

const allAssertionTypes: readonly string[] = [
  ...promptfooAssertionTypes,
  ...promptfooAssertionTypes.map((type) => `not-${type}`),
  ...ayniAssertionTypes,
];

/** How one argument of a tool call must look (`tool-args`). */
export const argumentMatcher = z.union([
  z.object({ equals: z.unknown() }).strict(),
  z.object({ oneOf: z.array(z.unknown()).min(1) }).strict(),
  z
    .object({ range: z.tuple([z.number().nullable(), z.number().nullable()]) })
    .strict()
    .describe('inclusive [min, max]; null = open'),
  z.object({ regex: z.string() }).strict(),
  z
    .object({ sku: z.string() })
    .strict()
    .describe('a product given by code or name that must resolve to this SKU'),
  z.object({ absent: z.literal(true) }).strict(),
]);
export type ArgumentMatcher = z.infer<typeof argumentMatcher>;

/**
 * One assertion. `value` is promptfoo's field (string, number, object or a JS expression);
 * Ayni's types read their own fields. `weight`, `metric` and `threshold` as in promptfoo.
 */
export const assertionSchema = z
  .object({
    type: z.string().refine((type) => allAssertionTypes.includes(type), {
      error: (issue) =>
        `unknown assertion type ${JSON.stringify(issue.input)}; known: ${allAssertionTypes.join(', ')}`,
    }),
    value: z.unknown().optional(),
    threshold: z.number().optional(),
    weight: z.number().min(0).optional(),
    metric: z.string().optional(),
    /** llm-rubric: the judge model (default: the runner's --judge) */
    provider: z.string().optional(),
    /** tool-called / tool-args / no-tool: the tool's name */
    tool: z.string().optional(),
    /** tool-called: exactly this many calls */
    times: z.number().int().min(0).optional(),
    /** tool-called: these tools in this order (a subsequence of the calls) */
    order: z.array(z.string()).optional(),
    /** tool-args: matchers per argument name */
    args: z.record(z.string(), argumentMatcher).optional(),
    /** language: 'es' | 'en' | 'user' (the language of the user's message) */
    language: z.enum(['es', 'en', 'user']).optional(),
    /** ttft / latency in ms, max-steps in steps, tokens in output tokens */
    max: z.number().min(0).optional(),
  })
  .strict();
export type Assertion = z.infer<typeof assertionSchema>;

const historyTurn = z.object({ role: z.enum(['user', 'assistant']), content: z.string() }).strict();

export const testVars = z
  .object({
    /** the user's message */
    message: z.string(),
    /** a photo path relative to the suite file (QC cases) */
    image: z.string().optional(),
    /** earlier turns of the conversation */
    history: z.array(historyTurn).optional(),
  })
  .catchall(z.unknown());

export const testCase = z
  .object({
    description: z.string().min(1),
    vars: testVars,
    assert: z.array(assertionSchema).default([]),
    /** promptfoo's metadata: Ayni reads `user` (planner | qc | manager | adversarial) and `tags` */
    metadata: z
      .object({
        user: z.enum(['planner', 'qc', 'manager', 'evaluator', 'adversarial']).optional(),
        tags: z.array(z.string()).optional(),
        /** the case's id, stable across edits (default: the description slug) */
        id: z.string().optional(),
      })
      .catchall(z.unknown())
      .optional(),
    /** promptfoo's per-test options (ignored by Ayni except `threshold`) */
    threshold: z.number().min(0).max(1).optional(),
  })
  .strict();
export type TestCase = z.infer<typeof testCase>;

/** A provider: promptfoo's `ollama:chat:<model>` id, optionally with a label and config. */
export const providerSchema = z.union([
  z.string().regex(/^ollama:chat:.+/, 'providers are Ollama chat models: ollama:chat:<model>'),
  z
    .object({
      id: z
        .string()
        .regex(/^ollama:chat:.+/, 'providers are Ollama chat models: ollama:chat:<model>'),
      label: z.string().optional(),
      config: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
]);

export const suiteSchema = z
  .object({
    description: z.string().min(1),
    /** prompt ids with version: 'agent-system@2' (ours, from prompts/index.ts) */
    prompts: z
      .array(z.string().regex(/^[a-z-]+@\d+$/, "a prompt id and version, e.g. 'agent-system@2'"))
      .min(1),
    providers: z.array(providerSchema).min(1),
    defaultTest: z
      .object({
        assert: z.array(assertionSchema).optional(),
        vars: z.record(z.string(), z.unknown()).optional(),
      })
      .strict()
      .optional(),
    tests: z.array(testCase).min(1),
  })
  .strict();
export type Suite = z.infer<typeof suiteSchema>;
