// One streamed Ollama request (POST /api/chat with stream: true) over node:http, each NDJSON line
// parsed once and handed to the caller as it arrives. The chat stream is the server's hot path:
// fetch + web streams + a checking TransformStream + ollama-js's own parser cost about four times
// the CPU per streamed answer (scratch measurement: 1.3-1.5 ms against 0.3-0.4 ms for 20 chunks),
// and that CPU is what 100 concurrent chats wait on. It makes the checks the fetch-based path
// made, with the same typed errors (ollama-errors.ts): a line that is not a JSON object
// (protocol), an `{"error": ...}` line (stream_error), an end without `"done": true` (incomplete),
// HTTP 4xx/5xx with Ollama's text, a connection failure, no first bytes within `waitMs` or a gap
// over `idleMs` (timeout), and the caller's abort; every failure closes the connection.
import http from 'node:http';
import https from 'node:https';
import {
  abortedError,
  connectionError,
  httpError,
  incompleteError,
  protocolError,
  streamError,
  timeoutError,
  type ErrorSubject,
} from './ollama-errors';

// Shared like fetch's global dispatcher: connections to Ollama are kept alive and reused by every
// client in the process (an idle socket does not keep the process running).
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/** Where the requests go, parsed once per client rather than once per request. */
export interface NdjsonTarget {
  secure: boolean;
  options: http.RequestOptions;
}

export function ndjsonTarget(url: string): NdjsonTarget {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'https:';
  return {
    secure,
    options: {
      protocol: parsed.protocol,
      hostname: parsed.hostname.replace(/^\[|\]$/g, ''),
      port: parsed.port,
      path: `${parsed.pathname}${parsed.search}`,
      ...(parsed.username
        ? {
            auth: `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`,
          }
        : {}),
      method: 'POST',
      agent: agents[secure ? 'https:' : 'http:'],
    },
  };
}

export interface NdjsonRequestOptions {
  target: NdjsonTarget;
  /** the JSON body, already serialised */
  body: string;
  /** `received` is set once response bytes arrive (nothing may be retried after that) */
  subject: ErrorSubject;
  signal: AbortSignal | undefined;
  /** ms until the first response bytes */
  waitMs: number;
  /** ms allowed between two chunks once bytes arrived */
  idleMs: number;
  /**
   * Each JSON object line up to and including the `"done": true` one. What it throws ends the
   * request (the connection is closed) and rejects the promise unchanged.
   */
  onLine(line: Record<string, unknown>): void;
}

/** Resolves after the done line and the end of the response; rejects with an LlmError (or what onLine threw). */
export function postNdjson(options: NdjsonRequestOptions): Promise<void> {
  const { subject, signal } = options;
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(subject, signal.reason));
      return;
    }
    const { target } = options;
    const request = (target.secure ? https : http).request({
      ...target.options,
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Content-Length': Buffer.byteLength(options.body),
      },
    });
    let settled = false;
    let sawDone = false;
    let buffer = '';
    let timer: ReturnType<typeof setTimeout> | undefined;

    const finish = (failure?: { error: unknown }) => {
      if (settled) return;
      settled = true;
      stopTimer();
      signal?.removeEventListener('abort', onAbort);
      if (!failure) {
        resolve();
        return;
      }
      request.destroy();
      reject(failure.error);
    };
    const fail = (error: unknown) => finish({ error });
    let timerMs = 0;
    const stopTimer = () => {
      clearTimeout(timer);
      timer = undefined;
    };
    // Re-armed on every chunk: refresh() moves the same timer instead of making a new one.
    const startTimer = (ms: number) => {
      if (timer && timerMs === ms) {
        timer.refresh();
        return;
      }
      clearTimeout(timer);
      timerMs = ms;
      timer = setTimeout(() => fail(timeoutError(subject, ms)), ms);
    };
    const onAbort = () => fail(abortedError(subject, signal?.reason));

    const inspect = (line: string) => {
      if (sawDone || line.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        fail(protocolError(subject, line));
        return;
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        fail(protocolError(subject, line));
        return;
      }
      if ('error' in parsed) {
        fail(streamError(subject, String(parsed.error)));
        return;
      }
      if ('done' in parsed && parsed.done === true) {
        sawDone = true;
        stopTimer();
      }
      try {
        options.onLine(parsed as Record<string, unknown>);
      } catch (error) {
        fail(error);
      }
    };

    const readStream = (response: http.IncomingMessage) => {
      response.on('data', (text: string) => {
        if (settled) return;
        subject.received = true;
        if (!sawDone) startTimer(options.idleMs);
        buffer += text;
        let newline = buffer.indexOf('\n');
        while (newline !== -1 && !settled) {
          inspect(buffer.slice(0, newline));
          buffer = buffer.slice(newline + 1);
          newline = buffer.indexOf('\n');
        }
      });
      response.on('end', () => {
        if (settled) return;
        inspect(buffer);
        buffer = '';
        if (sawDone) finish();
        else fail(incompleteError(subject));
      });
      // a connection cut before the end: nothing more will come
      response.on('close', () => {
        if (settled || response.complete) return;
        if (sawDone) finish();
        else fail(incompleteError(subject));
      });
    };

    const readError = (response: http.IncomingMessage, status: number) => {
      let text = '';
      response.on('data', (part: string) => (text += part));
      response.on('end', () => fail(httpError(subject, status, text)));
      response.on('close', () => fail(httpError(subject, status, text)));
    };

    signal?.addEventListener('abort', onAbort, { once: true });
    startTimer(options.waitMs);
    request.on('error', (error) => fail(connectionError(subject, error)));
    request.on('response', (response) => {
      response.setEncoding('utf8');
      response.on('error', (error) => fail(connectionError(subject, error)));
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) readStream(response);
      else readError(response, status);
    });
    request.end(options.body);
  });
}
