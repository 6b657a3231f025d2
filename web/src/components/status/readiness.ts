// What the status banner shows, from GET /readyz (assistant/server/routes/health.ts): Ollama
// unreachable, a model role missing (with its exact `ollama pull`), a model lacking the capability
// its role needs, lexical-only or absent knowledge search, the store failing. Nothing when ready.
import type { Readiness } from '../../lib/api/readiness';

export type BannerItem =
  | { kind: 'store'; detail: string }
  | { kind: 'unreachable'; host: string; detail: string }
  | { kind: 'missing'; role: string; model: string; command: string }
  | { kind: 'incapable'; role: string; model: string; detail: string }
  | { kind: 'knowledge'; mode: 'lexical' | 'absent'; detail: string }
  | { kind: 'server'; detail: string };

/** The problems to show, most severe first; empty when everything is ready. */
export function bannerItems(readiness: Readiness): BannerItem[] {
  const items: BannerItem[] = [];
  const { store, ollama, knowledge } = readiness.checks;
  if (!store.ok) items.push({ kind: 'store', detail: store.message });
  if (!ollama.reachable) {
    items.push({ kind: 'unreachable', host: ollama.host, detail: ollama.message });
  } else {
    for (const [role, status] of Object.entries(ollama.models)) {
      if (status.present === false) {
        items.push({
          kind: 'missing',
          role,
          model: status.name,
          command: status.fix?.startsWith('ollama pull ')
            ? status.fix
            : `ollama pull ${status.name}`,
        });
      } else if (status.capable === false) {
        items.push({
          kind: 'incapable',
          role,
          model: status.name,
          detail: status.fix ?? `${status.name} lacks the ${status.needs ?? 'needed'} capability`,
        });
      }
    }
  }
  if (knowledge.mode !== 'hybrid') {
    items.push({ kind: 'knowledge', mode: knowledge.mode, detail: knowledge.message ?? '' });
  }
  return items;
}

/** True when the chat model cannot answer (the chat then still offers slash commands). */
export function chatModelDown(items: readonly BannerItem[]): boolean {
  return items.some(
    (item) =>
      item.kind === 'unreachable' ||
      item.kind === 'server' ||
      ((item.kind === 'missing' || item.kind === 'incapable') && item.role === 'chat'),
  );
}
