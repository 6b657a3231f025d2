// The agent's public face for the server (POST /api/chat, /ws) and eval: start a run, stream its
// events, stop it. One implementation (agent.ts); server tests may use a scripted one.
import type { StreamEvent } from '../protocol/events';

export interface ChatRunInput {
  conversationId?: string;
  message: string;
  /** base64 images without a data: prefix */
  images?: string[];
}

export interface ChatRun {
  runId: string;
  conversationId: string;
  /** settles when the run has emitted its last event (run-end or error); never rejects */
  done: Promise<void>;
}

export interface ChatRunner {
  /**
   * Starts a run. Events reach `emit` in order: run-start first, then deltas and tool events,
   * then exactly one run-end or error. Rejects (before any event) with an AppError when the
   * input cannot start a run, e.g. an unknown conversationId (NotFoundError).
   */
  start(input: ChatRunInput, emit: (event: StreamEvent) => void): Promise<ChatRun>;
  /** Cancels a run (model request and running tools); its partial answer is kept. False when not running. */
  stop(runId: string): boolean;
}
