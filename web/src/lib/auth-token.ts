// The API token (AYNI_API_TOKEN on the server) kept in the browser's localStorage.
// Sent as `Authorization: Bearer` on /api/* and as `?token=` on /ws; asked for after a 401.

const storageKey = 'ayni.apiToken';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The stored token, or undefined when none is set (or storage is unavailable). */
export function getToken(): string | undefined {
  const value = storage()?.getItem(storageKey) ?? '';
  return value.trim() === '' ? undefined : value;
}

/** Stores the token; an empty string removes it. */
export function setToken(token: string): void {
  const trimmed = token.trim();
  if (trimmed === '') storage()?.removeItem(storageKey);
  else storage()?.setItem(storageKey, trimmed);
}

/** Removes the stored token. */
export function clearToken(): void {
  storage()?.removeItem(storageKey);
}

/** Headers carrying the token, for fetch. */
export function authHeaders(): Record<string, string> {
  const token = getToken();
  return token === undefined ? {} : { Authorization: `Bearer ${token}` };
}

/**
 * Asks the user for a token after a 401 (window.prompt) and stores it.
 * Returns true when a new token was entered, so the caller may retry once.
 */
export function askForToken(message: string): boolean {
  if (typeof window === 'undefined' || typeof window.prompt !== 'function') return false;
  const entered = window.prompt(message, '');
  if (entered === null || entered.trim() === '') return false;
  setToken(entered);
  return true;
}
