// GET /api/tools (names, descriptions, input JSON Schemas) and POST /api/tools/:name (ARCHITECTURE.md
// 3.3): the tool's JSON input in, its structured result out; no LLM involved. Tool failures,
// which are data for the agent, become the project's error body here.
import type { Hono } from 'hono';
import {
  describeTools,
  findTool,
  runTool,
  toolNames,
  type ToolFailure,
} from '../../../tools/index';
import { InvalidInputError, NotFoundError, UnavailableError } from '../../errors';
import { createStoreToolContext } from '../../store/tool-context';
import type { AppDeps, AppEnv } from '../types';

function httpError(tool: string, failure: ToolFailure): Error {
  switch (failure.kind) {
    case 'unknown_tool':
      return new NotFoundError(failure.message, { tools: toolNames });
    case 'invalid_input':
      return new InvalidInputError(
        failure.message,
        failure.issues ?? [{ path: failure.field ?? '', code: 'custom', message: failure.message }],
      );
    case 'not_found':
      return new NotFoundError(failure.message, {
        field: failure.field,
        candidates: failure.candidates ?? [],
      });
    case 'ambiguous':
      return new InvalidInputError(failure.message, {
        field: failure.field,
        candidates: failure.candidates ?? [],
      });
    case 'aborted':
      return new UnavailableError(`${tool}: the request was cancelled before the tool finished`);
    case 'failed':
      // Unexpected: the error handler logs it and answers a generic 500.
      return failure.cause instanceof Error ? failure.cause : new Error(failure.message);
  }
}

async function jsonInput(text: string): Promise<unknown> {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(
      `request body: not valid JSON (${reason}); send the tool's input as a JSON object`,
    );
  }
}

export function registerToolRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/tools', (c) => c.json({ tools: describeTools() }));

  app.post('/api/tools/:name', async (c) => {
    const name = c.req.param('name');
    if (findTool(name) === undefined) {
      throw new NotFoundError(`no tool named "${name}"; the tools are ${toolNames.join(', ')}`, {
        tools: toolNames,
      });
    }
    const input = await jsonInput(await c.req.text());
    const context = createStoreToolContext(deps.store, {
      signal: c.req.raw.signal,
      now: deps.clock ?? (() => new Date()),
      logger: c.get('logger'),
      ...(deps.knowledge ? { knowledge: deps.knowledge } : {}),
    });
    const outcome = await runTool(name, input, context);
    if (!outcome.ok) throw httpError(name, outcome.error);
    return c.json(outcome.result as Record<string, unknown>);
  });
}
