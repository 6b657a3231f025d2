// The sidebar's logic: conversations grouped by date, search over titles and (once loaded)
// message text, and export of one conversation as Markdown or JSON.
import type { ConversationDetail, ConversationSummary } from '../../lib/api/conversations';

export type DateGroup = 'today' | 'yesterday' | 'week' | 'older';
export const dateGroups: readonly DateGroup[] = ['today', 'yesterday', 'week', 'older'];

function localDayStart(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Which group a conversation last updated at `updatedAt` falls in, in the browser's time zone. */
export function dateGroupOf(updatedAt: string, now: Date): DateGroup {
  const today = localDayStart(now);
  const day = localDayStart(new Date(updatedAt));
  const daysAgo = Math.round((today - day) / 86_400_000);
  if (daysAgo <= 0) return 'today';
  if (daysAgo === 1) return 'yesterday';
  return daysAgo < 7 ? 'week' : 'older';
}

/** The conversations in date groups (newest first within each), empty groups left out. */
export function groupByDate<T extends ConversationSummary>(
  conversations: readonly T[],
  now: Date,
): { group: DateGroup; items: T[] }[] {
  const sorted = [...conversations].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return dateGroups
    .map((group) => ({
      group,
      items: sorted.filter((item) => dateGroupOf(item.updatedAt, now) === group),
    }))
    .filter((entry) => entry.items.length > 0);
}

/** Lower case without accents, so "cafe" finds "Café" and "PRONÓSTICO" finds "pronostico". */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The searchable text of a loaded conversation: what the user and the assistant wrote. */
export function searchableText(detail: ConversationDetail): string {
  return normalise(
    detail.messages
      .filter((message) => message.role === 'user' || message.role === 'assistant')
      .map((message) => message.content)
      .join('\n'),
  );
}

/** True when every word of the query is in the title or the loaded message text. */
export function matchesQuery(
  title: string,
  messageText: string | undefined,
  query: string,
): boolean {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${normalise(title)}\n${messageText ?? ''}`;
  return words.every((word) => haystack.includes(word));
}

/** The conversation as Markdown: title, dates, then each user and assistant message. */
export function toMarkdown(detail: ConversationDetail): string {
  const lines = [
    `# ${detail.title}`,
    '',
    `- Created: ${detail.createdAt}`,
    `- Updated: ${detail.updatedAt}`,
    '',
  ];
  for (const message of detail.messages) {
    if (message.role === 'user') {
      lines.push('## User', '', message.content, '');
    } else if (message.role === 'assistant') {
      const calls = message.toolCalls ?? [];
      if (message.content.trim() === '' && calls.length === 0) continue;
      lines.push('## Assistant', '');
      if (message.content.trim() !== '') lines.push(message.content, '');
      for (const call of calls) {
        const record = detail.toolCalls.find((item) => item.id === call.id);
        const outcome = record?.outcome ? ` (${record.outcome})` : '';
        lines.push(`- Tool: \`${call.name}\`${outcome}`);
      }
      if (calls.length > 0) lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The conversation as JSON: everything the server keeps of it (messages, tool calls, runs). */
export function toJson(detail: ConversationDetail): string {
  return `${JSON.stringify(detail, null, 2)}\n`;
}

/** A file name from the title: letters, digits and dashes, at most 60 characters. */
export function exportFileName(title: string, extension: 'md' | 'json'): string {
  const slug = normalise(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'conversation'}.${extension}`;
}

/** Starts a download of text as a file (the browser's save dialog or downloads folder). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
