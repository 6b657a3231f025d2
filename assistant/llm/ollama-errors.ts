// Turns what Ollama (or the network) answered into one LlmError with a message a user can act on.
// Ollama's error bodies are `{"error": "..."}` (https://github.com/ollama/ollama/blob/main/docs/api.md);
// the texts matched here are the server's own: `model "x" not found, try pulling it first` (404)
// and `<name> does not support tools|vision|insert|thinking|embedding|chat|generate` (400).
import { LlmError } from './llm-errors';

export interface ErrorSubject {
  host: string;
  model: string | undefined;
  /** true once response bytes arrived: a failure after that must not be retried */
  received: boolean;
}

function modelText(subject: ErrorSubject): string {
  return subject.model ? `model ${subject.model}` : 'the model';
}

/** Ollama's `{"error": "..."}`, or undefined when the body is not that JSON. */
export function ollamaErrorText(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'error' in parsed) return String(parsed.error);
  } catch {
    // not JSON
  }
  return undefined;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
}

export function httpError(subject: ErrorSubject, status: number, body: string): LlmError {
  const text = ollamaErrorText(body);
  const model = subject.model;
  if (text === undefined) {
    return new LlmError(
      'protocol',
      `${subject.host} answered HTTP ${status} with a body that is not Ollama's JSON ("${snippet(body) || 'empty'}"): check that OLLAMA_HOST points at Ollama and that it is up to date`,
      { model, status, retryable: status >= 500 },
    );
  }
  if (status === 404 && /not found/i.test(text)) {
    const name = model ?? 'the model';
    return new LlmError(
      'model_missing',
      `${model ? `Model ${model}` : 'The model'} is not pulled in Ollama at ${subject.host}: run "ollama pull ${name}" (Ollama: ${text})`,
      { model, status },
    );
  }
  const unsupported = /does not support (\w+)/i.exec(text);
  if (status === 400 && unsupported) {
    const capability = unsupported[1]?.toLowerCase() ?? 'this';
    return new LlmError(
      'capability',
      `${model ? `Model ${model}` : 'The model'} does not support ${capability} (Ollama: ${text}): choose a model that does ("ollama show <model>" lists its capabilities) and set it in the AYNI_*_MODEL variable for this role`,
      { model, status },
    );
  }
  // A 5xx may be a crashed or busy runner (worth one more try); too little memory will not heal.
  const retryable = status >= 500 && !/more system memory|out of memory/i.test(text);
  return new LlmError('http', `Ollama answered HTTP ${status} for ${modelText(subject)}: ${text}`, {
    model,
    status,
    retryable,
  });
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const nested = (current as { errors?: { code?: unknown }[] }).errors?.[0]?.code;
    if (typeof nested === 'string') return nested;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A fetch that threw: nothing listening, a name that does not resolve, a connection cut. */
export function connectionError(subject: ErrorSubject, error: unknown): LlmError {
  const code = errorCode(error);
  const model = subject.model;
  if (subject.received) {
    return new LlmError(
      'incomplete',
      `The connection to Ollama at ${subject.host} closed in the middle of the answer from ${modelText(subject)}${code ? ` (${code})` : ''}: try again; if it repeats, check Ollama's log`,
      { model, cause: error },
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new LlmError(
      'unreachable',
      `Ollama host ${subject.host} could not be resolved: set OLLAMA_HOST to the machine running "ollama serve" (for example http://127.0.0.1:11434)`,
      { model, retryable: true, cause: error },
    );
  }
  return new LlmError(
    'unreachable',
    `Ollama is not reachable at ${subject.host}${code && code !== 'ECONNREFUSED' ? ` (${code})` : ''}: install it from https://ollama.com, run "ollama serve", and check that OLLAMA_HOST points at it`,
    { model, retryable: true, cause: error },
  );
}

export function timeoutError(subject: ErrorSubject, waitedMs: number): LlmError {
  const model = subject.model;
  if (subject.received) {
    return new LlmError(
      'timeout',
      `Ollama stopped streaming the answer from ${modelText(subject)} for ${waitedMs} ms: the machine may be overloaded; try again`,
      { model },
    );
  }
  return new LlmError(
    'timeout',
    `Ollama at ${subject.host} did not start answering for ${modelText(subject)} within ${waitedMs} ms: the model may still be loading or the machine is busy; try again, or choose a smaller model`,
    { model, retryable: true },
  );
}

export function abortedError(subject: ErrorSubject, reason: unknown): LlmError {
  return new LlmError('aborted', `The request to ${modelText(subject)} was cancelled`, {
    model: subject.model,
    cause: reason,
  });
}

export function protocolError(subject: ErrorSubject, detail: string): LlmError {
  return new LlmError(
    'protocol',
    `${subject.host} answered with something that is not Ollama's JSON (${snippet(detail) || 'empty body'}): check that OLLAMA_HOST points at Ollama`,
    { model: subject.model },
  );
}

export function streamError(subject: ErrorSubject, ollamaText: string): LlmError {
  return new LlmError(
    'stream_error',
    `Ollama failed in the middle of the answer from ${modelText(subject)}: ${ollamaText}`,
    { model: subject.model },
  );
}

export function incompleteError(subject: ErrorSubject): LlmError {
  return new LlmError(
    'incomplete',
    `The answer from ${modelText(subject)} ended before Ollama said it was done: try again; if it repeats, check Ollama's log`,
    { model: subject.model },
  );
}
