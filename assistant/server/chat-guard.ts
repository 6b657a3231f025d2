// What POST /api/chat and /ws check before a run starts: image sizes, and one run at a time per
// conversation (a second message while the first is being answered would interleave two turns).
import type { ChatRun, ChatRunInput, ChatRunner } from '../agent/chat-runner';
import { ConflictError, PayloadTooLargeError } from '../errors';
import type { StreamEvent } from '../protocol/events';
import { formatBytes } from './middleware/body-limit';

/** Decoded size of base64 text without decoding it (line breaks ignored, padding subtracted). */
export function decodedBase64Bytes(text: string): number {
  let length = 0;
  let padding = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) continue;
    length += 1;
    padding = code === 61 ? padding + 1 : 0;
  }
  return Math.floor((length * 3) / 4) - Math.min(padding, 2);
}

/** Throws 413 naming the first image over the limit, its size and the limit. */
export function checkImageSizes(images: readonly string[] | undefined, maxBytes: number): void {
  if (!images) return;
  images.forEach((image, index) => {
    const bytes = decodedBase64Bytes(image);
    if (bytes > maxBytes) {
      throw new PayloadTooLargeError(
        `images[${index}] is ${formatBytes(bytes)}, over the limit of ${formatBytes(maxBytes)} an image: send a smaller or more compressed photo`,
        { field: `images.${index}`, bytes, limitBytes: maxBytes },
      );
    }
  });
}

/**
 * Conversations with a run in progress. `reserve` is synchronous so two messages arriving together
 * for one conversation cannot both pass the check while the first run is starting.
 */
export class ConversationLocks {
  private readonly holders = new Map<string, string>();

  /** The run holding the conversation, or undefined when it is free. */
  holder(conversationId: string): string | undefined {
    return this.holders.get(conversationId);
  }

  /** False when the conversation is busy; otherwise holds it under `runId` (or a placeholder). */
  reserve(conversationId: string, runId = 'starting'): boolean {
    if (this.holders.has(conversationId)) return false;
    this.holders.set(conversationId, runId);
    return true;
  }

  /** Records the run id once the run has started (a new conversation's id is known only then). */
  hold(conversationId: string, runId: string): void {
    this.holders.set(conversationId, runId);
  }

  release(conversationId: string, runId?: string): void {
    if (runId === undefined || this.holders.get(conversationId) === runId) {
      this.holders.delete(conversationId);
    }
  }

  get size(): number {
    return this.holders.size;
  }
}

/** A chat message for a conversation that is still answering the previous one (WebSocket code `busy`). */
export class BusyConversationError extends ConflictError {
  constructor(conversationId: string, runId: string | undefined) {
    const run = runId && runId !== 'starting' ? ` (run ${runId})` : '';
    super(
      `conversation ${conversationId} is still answering the previous message${run}: wait for its run-end, or stop that run first`,
      { conversationId, runId: run ? runId : undefined },
    );
  }
}

/**
 * Checks the images, holds the conversation and starts the run; the conversation is released
 * when the run is done (or when it fails to start). Rejects with an AppError before any event.
 */
export async function startGuardedRun(
  runner: ChatRunner,
  locks: ConversationLocks,
  input: ChatRunInput,
  emit: (event: StreamEvent) => void,
  imageBytes: number,
): Promise<ChatRun> {
  checkImageSizes(input.images, imageBytes);
  const requested = input.conversationId;
  if (requested !== undefined && !locks.reserve(requested)) {
    throw new BusyConversationError(requested, locks.holder(requested));
  }
  let run: ChatRun;
  try {
    run = await runner.start(input, emit);
  } catch (error) {
    if (requested !== undefined) locks.release(requested);
    throw error;
  }
  if (requested !== undefined && requested !== run.conversationId) locks.release(requested);
  locks.hold(run.conversationId, run.runId);
  const release = () => locks.release(run.conversationId, run.runId);
  run.done.then(release, release);
  return run;
}
