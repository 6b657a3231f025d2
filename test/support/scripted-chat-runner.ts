// A ChatRunner for server tests: plays a script of stream events with delays, honours stop (the
// partial answer is kept, outcome "stopped") and records what it was asked, so tests can check
// that a disconnect or a stop message reached the run.
import type { ChatRun, ChatRunInput, ChatRunner } from '../../assistant/agent/chat-runner';
import { NotFoundError } from '../../assistant/errors';
import type { RunUsage, StreamEvent } from '../../assistant/protocol/events';

/** One scripted event (never run-start, which the runner sends itself) after `delayMs`. */
export interface ScriptStep {
  delayMs?: number;
  event: Exclude<StreamEvent, { type: 'run-start' }>;
}

export interface ScriptedChatRunnerOptions {
  /** the events of a run after run-start; default: one text delta and a run-end */
  script?: (input: ChatRunInput) => ScriptStep[];
  /** conversation ids that exist; any other id given to start() is rejected with NotFoundError */
  conversations?: Iterable<string>;
}

export function usage(ms = 1): RunUsage {
  return { inputTokens: 10, outputTokens: 5, steps: 1, model: 'qwen3:8b', promptVersion: 'v1', ms };
}

export function answer(text: string, delayMs = 0): ScriptStep[] {
  return [
    { delayMs, event: { type: 'text-delta', text } },
    {
      event: {
        type: 'run-end',
        message: text,
        usage: usage(),
        outcome: 'answered',
        ungrounded: [],
        citations: [],
      },
    },
  ];
}

interface Playing {
  timer: NodeJS.Timeout | undefined;
  finish: (outcome: 'stopped') => void;
}

export class ScriptedChatRunner implements ChatRunner {
  readonly starts: ChatRunInput[] = [];
  readonly stopRequests: string[] = [];
  readonly conversations: Set<string>;
  private readonly playing = new Map<string, Playing>();
  private runCount = 0;

  constructor(private readonly options: ScriptedChatRunnerOptions = {}) {
    this.conversations = new Set(options.conversations ?? []);
  }

  get running(): string[] {
    return [...this.playing.keys()];
  }

  start(input: ChatRunInput, emit: (event: StreamEvent) => void): Promise<ChatRun> {
    this.starts.push(input);
    if (input.conversationId !== undefined && !this.conversations.has(input.conversationId)) {
      return Promise.reject(new NotFoundError(`no conversation ${input.conversationId}`));
    }
    this.runCount += 1;
    const runId = `run-${this.runCount}`;
    const conversationId = input.conversationId ?? `conversation-${this.runCount}`;
    this.conversations.add(conversationId);
    const steps = (this.options.script ?? (() => answer('Hola')))(input);
    // run-start goes out before start() resolves, as an agent may do.
    emit({ type: 'run-start', conversationId, runId });
    let text = '';
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    const playing: Playing = {
      timer: undefined,
      finish: (outcome) => {
        if (playing.timer) clearTimeout(playing.timer);
        this.playing.delete(runId);
        emit({
          type: 'run-end',
          message: text,
          usage: usage(),
          outcome,
          ungrounded: [],
          citations: [],
        });
        resolveDone();
      },
    };
    this.playing.set(runId, playing);
    const next = (index: number) => {
      const step = steps[index];
      if (!step || !this.playing.has(runId)) {
        this.playing.delete(runId);
        resolveDone();
        return;
      }
      playing.timer = setTimeout(() => {
        if (!this.playing.has(runId)) return;
        if (step.event.type === 'text-delta') text += step.event.text;
        emit(step.event);
        if (step.event.type === 'run-end' || step.event.type === 'error') {
          this.playing.delete(runId);
          resolveDone();
          return;
        }
        next(index + 1);
      }, step.delayMs ?? 0);
    };
    next(0);
    return Promise.resolve({ runId, conversationId, done });
  }

  stop(runId: string): boolean {
    this.stopRequests.push(runId);
    const playing = this.playing.get(runId);
    if (!playing) return false;
    playing.finish('stopped');
    return true;
  }
}
