/* global process, fetch, AbortSignal, TextDecoder */
// A promptfoo provider (https://www.promptfoo.dev/docs/providers/custom-api/) that drives Ayni's
// agent through its HTTP API: POST /api/chat, whose answer is a server-sent event stream
// (run-start, text-delta, tool-call, tool-result, tool-error, run-end, error). It returns the final
// answer, the tool calls, token usage and latency in promptfoo's provider response shape, or
// { error } when the server or the run failed. Plain JavaScript ESM, so promptfoo can load it with
// `file://eval/promptfoo/ayni-provider.mjs`; no dependencies beyond Node 20.
//
// config: baseUrl (default http://127.0.0.1:8787), timeoutMs (default 300000), imageBase (folder
// that vars.image paths are relative to; default the working directory). The bearer token comes from
// the AYNI_API_TOKEN environment variable when it is set.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Splits an SSE text into { event, data } records (https://html.spec.whatwg.org/#event-stream-interpretation). */
export function parseServerSentEvents(text) {
  const records = [];
  for (const block of text.replace(/\r\n?/g, '\n').split('\n\n')) {
    let event = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) records.push({ event, data: data.join('\n') });
  }
  return records;
}

/** Reads the stream to its end, handing each complete record to `onRecord`. */
async function readEvents(body, onRecord) {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      for (const record of parseServerSentEvents(buffer.slice(0, end + 2))) onRecord(record);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
    }
  }
  buffer += decoder.decode();
  for (const record of parseServerSentEvents(buffer)) onRecord(record);
}

async function errorOf(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    if (body && typeof body.error === 'object' && body.error !== null)
      return `${body.error.code ?? 'error'}: ${body.error.message ?? text}`;
  } catch {
    // not JSON: the text itself
  }
  return text.slice(0, 300) || response.statusText;
}

export default class AyniProvider {
  constructor(options = {}) {
    this.providerId = options.id ?? 'ayni';
    this.config = options.config ?? {};
    this.label = options.label;
  }

  id() {
    return this.providerId;
  }

  async imagesOf(vars) {
    const image = vars?.image;
    if (typeof image !== 'string' || image === '') return undefined;
    const file = path.resolve(this.config.imageBase ?? process.cwd(), image);
    return [(await readFile(file)).toString('base64')];
  }

  /** promptfoo calls this once per test case; `prompt` is the rendered prompt (the user's message). */
  async callApi(prompt, context, options) {
    const baseUrl = String(this.config.baseUrl ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
    const timeoutMs = Number(this.config.timeoutMs ?? 300_000);
    const headers = { 'content-type': 'application/json', accept: 'text/event-stream' };
    const token = process.env.AYNI_API_TOKEN;
    if (token) headers.authorization = `Bearer ${token}`;
    const signals = [AbortSignal.timeout(timeoutMs)];
    if (options?.abortSignal) signals.push(options.abortSignal);

    const started = Date.now();
    let images;
    try {
      images = await this.imagesOf(context?.vars);
    } catch (error) {
      return { error: `cannot read vars.image: ${error.message}` };
    }
    const body = { message: prompt, ...(images ? { images } : {}) };
    if (typeof this.config.conversationId === 'string')
      body.conversationId = this.config.conversationId;

    let response;
    try {
      response = await fetch(`${baseUrl}/api/chat`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.any(signals),
      });
    } catch (error) {
      return { error: `cannot reach the Ayni server at ${baseUrl}: ${error.message}` };
    }
    if (!response.ok)
      return {
        error: `the Ayni server answered HTTP ${response.status}: ${await errorOf(response)}`,
      };

    const toolCalls = [];
    const byId = new Map();
    let end;
    let failure;
    let conversationId;
    let runId;
    let streamed = '';
    try {
      await readEvents(response.body, ({ event, data }) => {
        let payload;
        try {
          payload = JSON.parse(data);
        } catch {
          return;
        }
        switch (event) {
          case 'run-start':
            conversationId = payload.conversationId;
            runId = payload.runId;
            break;
          case 'text-delta':
            streamed += payload.text ?? '';
            break;
          case 'tool-call': {
            const call = { id: payload.id, name: payload.name, args: payload.args };
            byId.set(payload.id, call);
            toolCalls.push(call);
            break;
          }
          case 'tool-result':
          case 'tool-error': {
            const call = byId.get(payload.id) ?? { id: payload.id, name: payload.name };
            if (!byId.has(payload.id)) toolCalls.push(call);
            call.ms = payload.ms;
            if (event === 'tool-result') call.result = payload.result;
            else call.error = payload.error;
            break;
          }
          case 'run-end':
            end = payload;
            break;
          case 'error':
            failure = payload;
            break;
        }
      });
    } catch (error) {
      return { error: `the event stream from ${baseUrl} broke off: ${error.message}` };
    }
    const latencyMs = Date.now() - started;
    if (failure) return { error: `the Ayni run failed: ${failure.code}: ${failure.message}` };
    if (!end) return { error: 'the event stream ended without a run-end event' };
    const usage = end.usage ?? {};
    const promptTokens = usage.inputTokens ?? 0;
    const completionTokens = usage.outputTokens ?? 0;
    return {
      output: end.message ?? streamed,
      tokenUsage: {
        total: promptTokens + completionTokens,
        prompt: promptTokens,
        completion: completionTokens,
      },
      latencyMs,
      metadata: {
        toolCalls,
        steps: usage.steps ?? 0,
        outcome: end.outcome,
        ungrounded: end.ungrounded ?? [],
        citations: end.citations ?? [],
        conversationId,
        runId,
        model: usage.model ?? null,
        promptVersion: usage.promptVersion ?? null,
      },
    };
  }
}
