// createAgent(deps): the ChatRunner behind POST /api/chat, /ws and eval. A run: find or create
// the conversation, log the user's message, then either run a slash command (no model) or the
// tool loop; stream every step; end with exactly one run-end or error event.
import { randomUUID } from 'node:crypto';
import { agentSystemPrompt, promptLabel } from '../../prompts/index';
import { NotFoundError } from '../errors';
import { isLlmError } from '../llm/llm-errors';
import type { LlmMessage } from '../llm/llm-client';
import type { StreamEvent } from '../protocol/events';
import { defaultAgentOptions, type AgentDeps, type AgentOptions } from './agent-deps';
import { runAgentLoop } from './agent-loop';
import type { ChatRun, ChatRunInput, ChatRunner } from './chat-runner';
import { finishRun, recordRun } from './finish-run';
import { prepareHistory } from './prepare-history';
import type { RunState } from './run-state';
import { runSlashCommand } from './run-slash-command';
import { slashCommands } from './slash-commands';

export interface Agent extends ChatRunner {
  /** runs in progress (for shutdown and the benchmark) */
  activeRuns(): number;
}

function titleOf(message: string, images: number): string {
  const line = message.trim().split('\n')[0]?.trim() ?? '';
  if (line === '') return images > 0 ? 'Foto' : 'Conversación';
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

function mimeOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'image/png';
  if (bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50)
    return 'image/webp';
  return 'application/octet-stream';
}

/** The run's tool context carries the photos of this message (inspect_packaging reads them). */
function withAttachments(deps: AgentDeps, images: readonly string[]): AgentDeps {
  if (images.length === 0) return deps;
  const attachments = images.map((base64) => ({ base64 }));
  return { ...deps, toolContext: (signal) => ({ ...deps.toolContext(signal), attachments }) };
}

/** What the chat model reads instead of the pixels: how many photos came and who inspects them. */
export function withPhotoNote(message: string, photos: number): string {
  const note =
    photos === 1
      ? '[The user attached 1 photo. The inspect_packaging tool can inspect it as photo 1.]'
      : `[The user attached ${photos} photos. The inspect_packaging tool can inspect them as photos 1 to ${photos}.]`;
  return message.trim() === '' ? note : `${message}\n\n${note}`;
}

export function createAgent(deps: AgentDeps): Agent {
  const options: AgentOptions = { ...defaultAgentOptions, ...deps.options };
  const newId = deps.newId ?? randomUUID;
  const prompt = agentSystemPrompt(options.promptVersion);
  const active = new Map<string, RunState>();
  const registered = () => new Set(deps.tools.map((tool) => tool.name));

  // The prompt's only changing input is the date: rendered once a day, not once a run.
  let rendered: { today: string; message: LlmMessage } | undefined;

  function systemMessage(): LlmMessage {
    const today = deps.clock().toISOString().slice(0, 10);
    if (rendered?.today === today) return rendered.message;
    const names = registered();
    const message: LlmMessage = Object.freeze({
      role: 'system',
      content: prompt.render({
        today,
        companyName: options.companyName,
        tools: deps.tools.map((tool) => ({ name: tool.name, description: tool.description })),
        slashCommands: slashCommands
          .filter((command) => command.tool === null || names.has(command.tool))
          .map((command) => `${command.usage}: ${command.description}`),
      }),
    });
    rendered = { today, message };
    return message;
  }

  async function runModel(
    runDeps: AgentDeps,
    state: RunState,
    input: ChatRunInput,
    priorSeq: number,
  ): Promise<void> {
    const images = input.images ?? [];
    // With inspect_packaging registered, a photo goes to the chat model with the tools: the tool
    // inspects it (deterministic checks + the vision model). Without it, the vision model answers
    // from the photo alone and may not call tools.
    const inspects = images.length > 0 && registered().has('inspect_packaging');
    const visionOnly = images.length > 0 && !inspects;
    const model = visionOnly ? deps.models.vision : deps.models.chat;
    state.model = model;
    state.promptVersion = promptLabel(prompt);
    const system = systemMessage();
    const history = await prepareHistory(runDeps, options, state, system, priorSeq);
    const user: LlmMessage = {
      role: 'user',
      content: inspects ? withPhotoNote(input.message, images.length) : input.message,
      ...(visionOnly ? { images } : {}),
    };
    const loopDeps = visionOnly ? { ...runDeps, tools: [] } : runDeps;
    const result = await runAgentLoop(loopDeps, options, state, model, [system, ...history, user]);
    finishRun(runDeps, state, result.outcome, result.answer);
  }

  function fail(state: RunState, error: unknown): void {
    if (state.controller.signal.aborted) {
      const partial = state.partial.text;
      if (partial.trim() !== '') {
        deps.conversations.appendMessage(state.conversationId, {
          runId: state.runId,
          role: 'assistant',
          content: partial,
          ...(state.model ? { model: state.model } : {}),
          createdAt: deps.clock().toISOString(),
        });
      }
      finishRun(deps, state, 'stopped', partial);
      return;
    }
    recordRun(deps, state, 'failed', []);
    if (isLlmError(error)) {
      deps.logger.warn(
        { runId: state.runId, failure: error.failure, model: error.model },
        error.message,
      );
      const fallback =
        registered().size > 0
          ? ' Meanwhile, the slash commands work without the model: type /help.'
          : '';
      state.emit({
        type: 'error',
        code: error.failure === 'model_missing' ? 'model_missing' : `model_${error.failure}`,
        message: `${error.message.replace(/\.?$/, '.')}${fallback}`,
      });
      return;
    }
    deps.logger.error({ err: error, runId: state.runId }, 'the agent run failed');
    state.emit({
      type: 'error',
      code: 'internal',
      message: `the assistant failed unexpectedly; the server log has the details (run ${state.runId})`,
    });
  }

  return {
    activeRuns: () => active.size,

    async start(input, emit): Promise<ChatRun> {
      const now = deps.clock().toISOString();
      const images = input.images ?? [];
      const runId = newId();
      // The conversation (new or found), the photos and the user's message are written in one
      // transaction: one commit per run start, and no empty conversation left when a write fails.
      const { conversationId, priorMessages } = deps.conversations.inTransaction(() => {
        const requested = input.conversationId;
        if (requested !== undefined && deps.conversations.get(requested) === undefined) {
          throw new NotFoundError(
            `no conversation with id "${requested}"; start a new one by leaving conversationId out`,
          );
        }
        const id =
          requested ??
          deps.conversations.create({ title: titleOf(input.message, images.length), now }).id;
        // a conversation created just now has no messages to read back
        const prior = requested === undefined ? [] : deps.conversations.messages(id);
        const imageHashes = images.map((image) => {
          const bytes = Buffer.from(image, 'base64');
          return deps.conversations.putImage(bytes, mimeOf(bytes));
        });
        deps.conversations.appendMessage(id, {
          runId,
          role: 'user',
          content: input.message,
          ...(imageHashes.length > 0 ? { imageHashes } : {}),
          createdAt: now,
        });
        return { conversationId: id, priorMessages: prior };
      });
      const priorSeq = priorMessages.at(-1)?.seq ?? 0;
      const state: RunState = {
        runId,
        conversationId,
        startedAt: now,
        startedMs: performance.now(),
        controller: new AbortController(),
        emit: (event: StreamEvent) => {
          try {
            emit(event);
          } catch (error) {
            deps.logger.warn({ err: error }, 'a stream listener threw; the run goes on');
          }
        },
        model: null,
        promptVersion: null,
        steps: 0,
        inputTokens: 0,
        outputTokens: 0,
        toolResults: [],
        partial: { text: '' },
        userText: [
          ...priorMessages
            .filter((message) => message.role === 'user')
            .map((message) => message.content),
          input.message,
        ].join('\n'),
      };
      active.set(state.runId, state);
      state.emit({ type: 'run-start', conversationId, runId: state.runId });
      const done = (async () => {
        try {
          const runDeps = withAttachments(deps, images);
          const handled = await runSlashCommand(
            runDeps,
            options,
            state,
            input,
            registered(),
            newId,
          );
          if (!handled) await runModel(runDeps, state, input, priorSeq);
        } catch (error) {
          fail(state, error);
        } finally {
          active.delete(state.runId);
        }
      })();
      return { runId: state.runId, conversationId, done };
    },

    stop(runId) {
      const state = active.get(runId);
      if (!state) return false;
      state.controller.abort(new Error('stopped by the user'));
      return true;
    },
  };
}
