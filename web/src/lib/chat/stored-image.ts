// A stored photo of a reloaded message, shown through an object URL: an <img src> cannot send the
// API token, so the bytes are fetched with it (api/conversations.ts) and the URL revoked when done.
import { fetchConversationImage } from '../api/conversations';

export interface ObjectUrls {
  create(blob: Blob): string;
  revoke(url: string): void;
}

const browserUrls: ObjectUrls = {
  create: (blob) => URL.createObjectURL(blob),
  revoke: (url) => URL.revokeObjectURL(url),
};

/**
 * Fetches the photo and hands its object URL to `show`; the returned function cancels a pending
 * load and revokes the URL (call it when the image leaves the page). `fail` gets the reason.
 */
export function showStoredImage(
  conversationId: string,
  hash: string,
  show: (url: string) => void,
  fail: (reason: string) => void,
  options: { fetch?: typeof fetch; urls?: ObjectUrls } = {},
): () => void {
  const urls = options.urls ?? browserUrls;
  let url: string | undefined;
  let cancelled = false;
  fetchConversationImage(conversationId, hash, options.fetch)
    .then((blob) => {
      if (cancelled) return;
      url = urls.create(blob);
      show(url);
    })
    .catch((error: unknown) => {
      if (!cancelled) fail(error instanceof Error ? error.message : String(error));
    });
  return () => {
    cancelled = true;
    if (url !== undefined) urls.revoke(url);
    url = undefined;
  };
}
