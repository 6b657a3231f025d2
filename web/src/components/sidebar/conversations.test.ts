import { describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../lib/api/conversations';
import {
  dateGroupOf,
  exportFileName,
  groupByDate,
  matchesQuery,
  searchableText,
  toMarkdown,
} from './conversations';

const now = new Date(2026, 10, 26, 10, 0); // local 26 Nov 2026, 10:00
const at = (day: number, hour = 9) => new Date(2026, 10, day, hour).toISOString();
const summary = (id: string, updatedAt: string) => ({
  id,
  title: id,
  createdAt: updatedAt,
  updatedAt,
  messageCount: 1,
});

const detail: ConversationDetail = {
  id: 'c1',
  title: 'Pronóstico chicha',
  createdAt: '2026-11-26T13:44:09.413Z',
  updatedAt: '2026-11-26T13:44:11.764Z',
  messageCount: 4,
  messages: [
    { seq: 1, role: 'user', content: '/forecast BEB-001' },
    { seq: 2, role: 'assistant', content: '', toolCalls: [{ id: 't1', name: 'forecast_demand' }] },
    { seq: 3, role: 'tool', content: '{"secret":"tool json"}', toolName: 'forecast_demand' },
    { seq: 4, role: 'assistant', content: 'La demanda sube en diciembre.' },
  ],
  toolCalls: [{ id: 't1', name: 'forecast_demand', outcome: 'ok', ms: 2326 }],
};

describe('date groups', () => {
  it('puts conversations in today, yesterday, last 7 days and older by local day (else the sidebar would misfile them)', () => {
    expect(dateGroupOf(at(26, 0), now)).toBe('today');
    expect(dateGroupOf(at(25, 23), now)).toBe('yesterday');
    expect(dateGroupOf(at(20), now)).toBe('week');
    expect(dateGroupOf(at(19), now)).toBe('older');
  });

  it('orders groups and newest first within a group, leaving empty groups out (else the list order would be wrong)', () => {
    const grouped = groupByDate(
      [summary('old', at(1)), summary('a', at(26, 8)), summary('b', at(26, 9))],
      now,
    );
    expect(grouped.map((entry) => [entry.group, entry.items.map((item) => item.id)])).toEqual([
      ['today', ['b', 'a']],
      ['older', ['old']],
    ]);
  });
});

describe('search', () => {
  it('finds words in the title or in user and assistant messages, ignoring case and accents (else Spanish searches would miss)', () => {
    const text = searchableText(detail);
    expect(matchesQuery(detail.title, undefined, 'PRONOSTICO')).toBe(true);
    expect(matchesQuery('other', text, 'demanda diciembre')).toBe(true);
    expect(matchesQuery('other', text, 'demanda enero')).toBe(false);
    expect(matchesQuery('other', undefined, 'demanda')).toBe(false);
    expect(matchesQuery('anything', undefined, '   ')).toBe(true);
  });

  it('does not search tool output (else JSON field names would match every query)', () => {
    expect(matchesQuery('x', searchableText(detail), 'secret')).toBe(false);
  });
});

describe('export', () => {
  it('writes Markdown with the title, each user and assistant message and the tools used (else the export would lose the conversation)', () => {
    const markdown = toMarkdown(detail);
    expect(markdown).toBe(
      [
        '# Pronóstico chicha',
        '',
        '- Created: 2026-11-26T13:44:09.413Z',
        '- Updated: 2026-11-26T13:44:11.764Z',
        '',
        '## User',
        '',
        '/forecast BEB-001',
        '',
        '## Assistant',
        '',
        '- Tool: `forecast_demand` (ok)',
        '',
        '## Assistant',
        '',
        'La demanda sube en diciembre.',
        '',
      ].join('\n'),
    );
  });

  it('makes a safe file name from any title (else a title with / or accents would break the download)', () => {
    expect(exportFileName('Pronóstico: chicha / Lima', 'md')).toBe('pronostico-chicha-lima.md');
    expect(exportFileName('¿?', 'json')).toBe('conversation.json');
  });
});
