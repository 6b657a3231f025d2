// Our chat request -> Ollama's /api/chat body, and Ollama's streamed chunks -> one assistant
// message. Ollama streams content and thinking as text deltas and each tool call whole, in the
// chunk where the model finished it (https://github.com/ollama/ollama/blob/main/docs/api.md).
import type { ChatRequest, ChatResponse, Message, Tool, ToolCall } from 'ollama';
import type {
  LlmChatChunk,
  LlmChatRequest,
  LlmMessage,
  LlmToolCall,
  LlmToolSpec,
  LlmUsage,
} from './llm-client';

export type OllamaChatBody = ChatRequest & { stream: true };

function toOllamaMessage(message: LlmMessage): Message {
  const mapped: Message = { role: message.role, content: message.content };
  if (message.thinking) mapped.thinking = message.thinking;
  if (message.images?.length) mapped.images = [...message.images];
  if (message.toolCalls?.length) {
    mapped.tool_calls = message.toolCalls.map((call) => ({
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  if (message.toolName) mapped.tool_name = message.toolName;
  return mapped;
}

function toOllamaTool(tool: LlmToolSpec): Tool {
  return {
    type: 'function',
    function: {
      name: tool.name,
      description: tool.description,
      // ollama-js types a narrow subset of JSON Schema; the zod-made schema is sent as it is.
      parameters: tool.parameters as NonNullable<Tool['function']['parameters']>,
    },
  };
}

// The agent sends the same tool list (one array) with every request: converted to Ollama's shape
// and serialised once per list. The JSON is about two thirds of a chat body's bytes.
const convertedTools = new WeakMap<readonly LlmToolSpec[], { tools: Tool[]; json: string }>();

function ollamaTools(tools: readonly LlmToolSpec[]): { tools: Tool[]; json: string } {
  let converted = convertedTools.get(tools);
  if (!converted) {
    const mapped = tools.map(toOllamaTool);
    converted = { tools: mapped, json: JSON.stringify(mapped) };
    convertedTools.set(tools, converted);
  }
  return converted;
}

/** The body as sent: JSON.stringify(body), with the tool list's cached JSON put in (last). */
export function chatBodyJson(
  body: OllamaChatBody,
  tools: readonly LlmToolSpec[] | undefined,
): string {
  if (!tools?.length || !body.tools) return JSON.stringify(body);
  const rest: Partial<OllamaChatBody> = { ...body };
  delete rest.tools;
  return `${JSON.stringify(rest).slice(0, -1)},"tools":${ollamaTools(tools).json}}`;
}

export function toOllamaChatBody(
  request: LlmChatRequest,
  defaults: { numCtx: number; keepAlive: string | number },
): OllamaChatBody {
  const { num_ctx: numCtx, ...otherOptions } = request.options ?? {};
  const body: OllamaChatBody = {
    model: request.model,
    messages: request.messages.map(toOllamaMessage),
    stream: true,
    keep_alive: defaults.keepAlive,
    options: { ...otherOptions, num_ctx: numCtx ?? defaults.numCtx },
  };
  if (request.tools?.length) body.tools = ollamaTools(request.tools).tools;
  if (request.format !== undefined) body.format = request.format;
  if (request.think !== undefined) body.think = request.think;
  return body;
}

export function carriesImages(request: Pick<LlmChatRequest, 'messages'>): boolean {
  return request.messages.some((message) => (message.images?.length ?? 0) > 0);
}

/** Thrown for a tool call whose arguments are neither an object nor a JSON object string. */
export class ToolArgumentsError extends Error {}

function toolArguments(name: string, raw: unknown): Record<string, unknown> {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ToolArgumentsError(
        `tool call ${name}: arguments are not JSON (${raw.slice(0, 80)})`,
      );
    }
  }
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ToolArgumentsError(`tool call ${name}: arguments are not an object`);
  }
  return value as Record<string, unknown>;
}

/** Collects the chunks of one streamed answer into the whole message. */
export class ChatAccumulator {
  private content = '';
  private thinking = '';
  private readonly toolCalls: LlmToolCall[] = [];
  private final: ChatResponse | undefined;

  constructor(private readonly newToolCallId: () => string) {}

  /** Adds one chunk; returns what it carried, or undefined when it carried nothing new. */
  add(part: ChatResponse): LlmChatChunk | undefined {
    if (part.done) this.final = part;
    const chunk: LlmChatChunk = {};
    const message = part.message as Message | undefined;
    if (message?.content) {
      this.content += message.content;
      chunk.content = message.content;
    }
    if (message?.thinking) {
      this.thinking += message.thinking;
      chunk.thinking = message.thinking;
    }
    if (message?.tool_calls?.length) {
      const calls = message.tool_calls.map((call: ToolCall & { id?: unknown }) => ({
        id: typeof call.id === 'string' && call.id !== '' ? call.id : this.newToolCallId(),
        name: call.function.name,
        arguments: toolArguments(call.function.name, call.function.arguments),
      }));
      this.toolCalls.push(...calls);
      chunk.toolCalls = calls;
    }
    return Object.keys(chunk).length > 0 ? chunk : undefined;
  }

  get done(): boolean {
    return this.final !== undefined;
  }

  message(): { content: string; thinking?: string; toolCalls: LlmToolCall[] } {
    return {
      content: this.content,
      ...(this.thinking ? { thinking: this.thinking } : {}),
      toolCalls: [...this.toolCalls],
    };
  }

  doneReason(): string {
    return this.final?.done_reason ?? 'stop';
  }

  usage(): LlmUsage {
    const final = this.final;
    const usage: LlmUsage = {
      inputTokens: final?.prompt_eval_count ?? 0,
      outputTokens: final?.eval_count ?? 0,
    };
    if (typeof final?.total_duration === 'number') usage.totalMs = final.total_duration / 1e6;
    if (typeof final?.load_duration === 'number') usage.loadMs = final.load_duration / 1e6;
    return usage;
  }
}
