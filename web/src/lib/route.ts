// The page shown, from the address's hash: #/ (chat), #/c/<id> (a conversation), #/data,
// #/reports, #/qc.
export type Route =
  | { page: 'chat'; conversationId: string | undefined }
  | { page: 'data' }
  | { page: 'reports' }
  | { page: 'qc' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/data') return { page: 'data' };
  if (path === '/reports') return { page: 'reports' };
  if (path === '/qc') return { page: 'qc' };
  const match = /^\/c\/([^/]+)$/.exec(path);
  if (match) return { page: 'chat', conversationId: decodeURIComponent(match[1] as string) };
  return { page: 'chat', conversationId: undefined };
}

export function routeHash(route: Route): string {
  if (route.page === 'data') return '#/data';
  if (route.page === 'reports') return '#/reports';
  if (route.page === 'qc') return '#/qc';
  return route.conversationId === undefined
    ? '#/'
    : `#/c/${encodeURIComponent(route.conversationId)}`;
}
