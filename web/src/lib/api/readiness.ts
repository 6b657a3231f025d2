// GET /readyz: the server's readiness (200 ready/degraded, 503 when the store fails: both carry
// the same body). A server that cannot be reached, or answers otherwise, is reported as such.
import { bool, literal, nullable, object, optional, recordOf, str, type Guarded } from './shape';

const model = object({
  name: str,
  present: nullable(bool),
  needs: optional(str),
  capable: optional(nullable(bool)),
  fix: optional(str),
});

export const isReadiness = object({
  status: literal('ready', 'degraded', 'unavailable'),
  checks: object({
    store: object({ ok: bool, message: str }),
    ollama: object({
      ok: bool,
      reachable: bool,
      host: str,
      message: str,
      models: recordOf(model),
    }),
    knowledge: object({ mode: literal('hybrid', 'lexical', 'absent'), message: optional(str) }),
  }),
});
export type Readiness = Guarded<typeof isReadiness>;

export type ReadinessAnswer = { ok: true; readiness: Readiness } | { ok: false; detail: string };

export async function fetchReadiness(
  fetchFunction: typeof fetch = globalThis.fetch.bind(globalThis),
  signal?: AbortSignal,
): Promise<ReadinessAnswer> {
  let response: Response;
  try {
    response = await fetchFunction('/readyz', { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return isReadiness(body)
    ? { ok: true, readiness: body }
    : { ok: false, detail: `/readyz answered HTTP ${response.status}` };
}
