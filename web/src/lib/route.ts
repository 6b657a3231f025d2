// The page shown, from the address's hash: #/ (chat), #/c/<id> (a conversation), #/data,
// #/reports.
export type Route =
  { page: 'chat'; conversationId: string | undefined } | { page: 'data' } | { page: 'reports' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/data') return { page: 'data' };
  if (path === '/reports') return { page: 'reports' };
  const match = /^\/c\/([^/]+)$/.exec(path);
  if (match) return { page: 'chat', conversationId: decodeURIComponent(match[1] as string) };
  return { page: 'chat', conversationId: undefined };
}

export function routeHash(route: Route): string {
  if (route.page === 'data') return '#/data';
  if (route.page === 'reports') return '#/reports';
  return route.conversationId === undefined
    ? '#/'
    : `#/c/${encodeURIComponent(route.conversationId)}`;
}
