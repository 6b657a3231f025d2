// Is Ollama reachable at OLLAMA_HOST, are the configured models pulled, and can each do its job?
// One GET /api/tags, then POST /api/show per present model for its `capabilities`
// (https://github.com/ollama/ollama/blob/main/docs/api.md), all within one timeout.
import { z } from 'zod';

export type ModelRole = 'chat' | 'vision' | 'embed';

export interface OllamaModelStatus {
  /** the configured model name, as the user wrote it */
  name: string;
  /** true when pulled, false when missing, null when Ollama could not be asked */
  present: boolean | null;
  /** the capability the role needs: tools (chat), vision (vision), embedding (embed) */
  needs?: string;
  /** what /api/show lists, when it was asked */
  capabilities?: string[];
  /** true/false when /api/show answered with capabilities; null when it could not tell */
  capable?: boolean | null;
  /** what fixes it: the `ollama pull` of a missing model, or the model to choose instead */
  fix?: string;
}

export interface OllamaStatus {
  /** reachable and every model role present */
  ok: boolean;
  reachable: boolean;
  host: string;
  /** one sentence a user can act on */
  message: string;
  models: Record<ModelRole, OllamaModelStatus>;
}

export interface ProbeOllamaOptions {
  host: string;
  models: Record<ModelRole, string>;
  fetch?: typeof fetch;
  /** default 2000 ms */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const tagsSchema = z.object({
  models: z.array(z.object({ name: z.string().optional(), model: z.string().optional() }).loose()),
});

const roles: readonly ModelRole[] = ['chat', 'vision', 'embed'];

/** The capability each role needs, the variable that sets its model, and models that have it. */
export const ROLE_REQUIREMENTS: Readonly<
  Record<ModelRole, { capability: string; variable: string; examples: string }>
> = {
  chat: { capability: 'tools', variable: 'AYNI_CHAT_MODEL', examples: 'qwen3:8b / llama3.1:8b' },
  vision: {
    capability: 'vision',
    variable: 'AYNI_VISION_MODEL',
    examples: 'qwen2.5vl:7b / gemma3:4b',
  },
  embed: {
    capability: 'embedding',
    variable: 'AYNI_EMBED_MODEL',
    examples: 'bge-m3 / nomic-embed-text',
  },
};

const showSchema = z.object({ capabilities: z.array(z.string()).optional() }).loose();

/** /api/show's capabilities, or undefined when Ollama could not say (old Ollama, an error). */
async function capabilitiesOf(
  host: string,
  model: string,
  fetchFunction: typeof fetch,
  signal: AbortSignal,
): Promise<string[] | undefined> {
  try {
    const response = await fetchFunction(`${host}/api/show`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ model }),
      signal,
    });
    if (!response.ok) {
      await response.body?.cancel();
      return undefined;
    }
    const parsed = showSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.capabilities : undefined;
  } catch {
    return undefined;
  }
}

/** Ollama's naming: a model name without a tag means `:latest` (`library/llama3.2` too). */
export function normaliseModelName(name: string): string {
  const trimmed = name.trim().toLowerCase();
  const lastSegment = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return lastSegment.includes(':') ? trimmed : `${trimmed}:latest`;
}

function unknownModels(models: Record<ModelRole, string>): Record<ModelRole, OllamaModelStatus> {
  return {
    chat: { name: models.chat, present: null },
    vision: { name: models.vision, present: null },
    embed: { name: models.embed, present: null },
  };
}

function failure(options: ProbeOllamaOptions, host: string, message: string): OllamaStatus {
  return { ok: false, reachable: false, host, message, models: unknownModels(options.models) };
}

function errorCode(error: unknown): string | undefined {
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  const nested = cause as { errors?: { code?: unknown }[] } | undefined;
  const first = nested?.errors?.[0]?.code;
  return typeof first === 'string' ? first : undefined;
}

function connectionMessage(host: string, error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `Ollama at ${host} did not answer within ${timeoutMs} ms: check that "ollama serve" is running and that OLLAMA_HOST points at it`;
  }
  const code = errorCode(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `Ollama host ${host} could not be resolved: set OLLAMA_HOST to the machine running "ollama serve" (for example http://127.0.0.1:11434)`;
  }
  if (code === 'ECONNREFUSED' || code === undefined) {
    return `Ollama is not reachable at ${host}: install it from https://ollama.com and run "ollama serve"`;
  }
  return `Ollama is not reachable at ${host} (${code}): check that "ollama serve" is running and that OLLAMA_HOST points at it`;
}

async function errorText(response: Response): Promise<string> {
  const text = (await response.text()).trim();
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'error' in parsed) return String(parsed.error);
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.slice(0, 200) || response.statusText;
}

/** Asks Ollama which models it has; never throws for an Ollama problem (only when `signal` aborts). */
export async function probeOllama(options: ProbeOllamaOptions): Promise<OllamaStatus> {
  const host = options.host.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 2000;
  const fetchFunction = options.fetch ?? fetch;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

  let body: unknown;
  try {
    const response = await fetchFunction(`${host}/api/tags`, {
      headers: { accept: 'application/json' },
      signal,
    });
    if (!response.ok) {
      const reason = await errorText(response);
      return failure(
        options,
        host,
        `Ollama at ${host} answered GET /api/tags with HTTP ${response.status}: ${reason}`,
      );
    }
    const text = await response.text();
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    return failure(options, host, connectionMessage(host, error, timeoutMs));
  }

  const parsed = tagsSchema.safeParse(body);
  if (!parsed.success) {
    return failure(
      options,
      host,
      `${host} answered GET /api/tags, but not with Ollama's {"models": [...]} list: check that OLLAMA_HOST points at Ollama`,
    );
  }
  const available = new Set<string>();
  for (const model of parsed.data.models) {
    for (const name of [model.name, model.model]) if (name) available.add(normaliseModelName(name));
  }
  const models = {} as Record<ModelRole, OllamaModelStatus>;
  const missing: string[] = [];
  for (const role of roles) {
    const name = options.models[role];
    const present = available.has(normaliseModelName(name));
    models[role] = present ? { name, present } : { name, present, fix: `ollama pull ${name}` };
    if (!present) missing.push(`${role} model ${name}: run "ollama pull ${name}"`);
  }

  const presentNames = [
    ...new Set(roles.filter((role) => models[role].present).map((role) => options.models[role])),
  ];
  const shown = await Promise.all(
    presentNames.map((name) => capabilitiesOf(host, name, fetchFunction, signal)),
  );
  if (options.signal?.aborted) throw options.signal.reason;
  const capabilitiesByName = new Map(presentNames.map((name, index) => [name, shown[index]]));
  const incapable: string[] = [];
  for (const role of roles) {
    const status = models[role];
    if (!status.present) continue;
    const requirement = ROLE_REQUIREMENTS[role];
    const capabilities = capabilitiesByName.get(status.name);
    status.needs = requirement.capability;
    if (capabilities === undefined) {
      status.capable = null;
      continue;
    }
    status.capabilities = capabilities;
    status.capable = capabilities.includes(requirement.capability);
    if (!status.capable) {
      status.fix = `${status.name} lacks the ${requirement.capability} capability: set ${requirement.variable} to a model that has it, e.g. ${requirement.examples}`;
      incapable.push(status.fix);
    }
  }

  const problems = [
    ...(missing.length > 0
      ? [`${missing.length === 1 ? 'a model is' : 'models are'} missing: ${missing.join('; ')}`]
      : []),
    ...incapable,
  ];
  const ok = problems.length === 0;
  const message = ok
    ? `Ollama is reachable at ${host} and has the chat, vision and embed models`
    : `Ollama is reachable at ${host} but ${problems.join('; ')}`;
  return { ok, reachable: true, host, message, models };
}
