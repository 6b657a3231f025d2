import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './route';

describe('routes', () => {
  it('round-trips chat, conversation, data, reports and QC routes (else links and reloads land on the wrong page)', () => {
    for (const route of [
      { page: 'chat', conversationId: undefined },
      { page: 'chat', conversationId: 'a b/c' },
      { page: 'data' },
      { page: 'reports' },
      { page: 'qc' },
    ] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });

  it('falls back to a new chat for unknown hashes', () => {
    expect(parseRoute('#/nowhere')).toEqual({ page: 'chat', conversationId: undefined });
    expect(parseRoute('')).toEqual({ page: 'chat', conversationId: undefined });
  });
});
