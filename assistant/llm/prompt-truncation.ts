// Ollama silently drops the start of a prompt longer than num_ctx (the system prompt and the
// oldest turns go first), so the model answers without its instructions and nobody is told.
// We estimate what we send and compare it, and Ollama's prompt_eval_count, with num_ctx.
import type { LlmChatRequest, LlmTruncation } from './llm-client';

/**
 * Characters per token for the estimate. BPE tokenisers of current open models average about
 * 3.5-4 characters per token on English and Spanish prose and fewer on JSON; 3.5 errs towards
 * warning. Images are not counted (their token cost depends on the vision encoder).
 */
export const CHARACTERS_PER_TOKEN = 3.5;
/** chat-template tokens around each message (role markers, separators) */
export const TOKENS_PER_MESSAGE = 4;
/** prompt_eval_count this close to num_ctx means Ollama filled the window (and likely cut). */
export const FULL_WINDOW_MARGIN = 64;

// The agent sends the same tool list (one array) with every request: measured once.
const toolCharacters = new WeakMap<object, number>();

function charactersOfTools(tools: NonNullable<LlmChatRequest['tools']>): number {
  let characters = toolCharacters.get(tools);
  if (characters === undefined) {
    characters = JSON.stringify(tools).length;
    toolCharacters.set(tools, characters);
  }
  return characters;
}

export function estimatePromptTokens(
  request: Pick<LlmChatRequest, 'messages' | 'tools' | 'format'>,
): number {
  let characters = 0;
  for (const message of request.messages) {
    characters += message.content.length + (message.thinking?.length ?? 0);
    if (message.toolCalls?.length) characters += JSON.stringify(message.toolCalls).length;
  }
  if (request.tools?.length) characters += charactersOfTools(request.tools);
  if (request.format && typeof request.format === 'object') {
    characters += JSON.stringify(request.format).length;
  }
  return (
    Math.ceil(characters / CHARACTERS_PER_TOKEN) + TOKENS_PER_MESSAGE * request.messages.length
  );
}

/**
 * The truncation warning, or undefined when the prompt fitted. prompt_eval_count alone cannot
 * show a cut when Ollama reused its prompt cache (it then counts only the new tokens), hence
 * both tests: our estimate above num_ctx, or Ollama's count at the top of the window.
 */
export function detectTruncation(
  sentTokensEstimate: number,
  promptEvalCount: number,
  numCtx: number,
): LlmTruncation | undefined {
  const estimateTooLarge = sentTokensEstimate > numCtx;
  const windowFull = promptEvalCount >= numCtx - FULL_WINDOW_MARGIN;
  if (!estimateTooLarge && !windowFull) return undefined;
  const suggestion = 2 ** Math.ceil(Math.log2(Math.max(sentTokensEstimate, numCtx) * 1.25));
  return {
    sentTokensEstimate,
    promptEvalCount,
    numCtx,
    message:
      `This conversation no longer fits the model's context window (about ${sentTokensEstimate} tokens sent, ` +
      `num_ctx ${numCtx}, Ollama read ${promptEvalCount}): Ollama silently dropped its beginning, so the ` +
      `answer may ignore earlier instructions or data. Raise AYNI_NUM_CTX (for example to ${suggestion}, ` +
      `if the machine has the memory) or start a new conversation.`,
  };
}
