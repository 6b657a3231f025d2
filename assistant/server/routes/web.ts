// The web app (web/dist, built by Vite): index.html at / and for any other GET that is not an API
// path (the app routes in the page), hashed assets under /assets with a year's immutable cache,
// index.html never cached (so a rebuild is picked up). Registered after the API routes.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../types';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths the server answers itself: never the page, so an unknown API path stays a JSON 404. */
const serverPath = /^\/(?:api|ws|healthz|readyz|metrics)(?:\/|$)/;

const immutable = 'public, max-age=31536000, immutable';
const noCache = 'no-cache';

/**
 * The page's Content-Security-Policy: scripts only from this server (no inline script, so HTML
 * that got past the sanitiser still cannot run), connections to this server and its WebSocket.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

async function fileIn(root: string, path: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = resolve(root, `.${decoded}`);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  try {
    return (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

async function send(c: Context<AppEnv>, file: string, cache: string): Promise<Response> {
  const body = await readFile(file);
  const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
  };
  if (type.startsWith('text/html')) {
    headers['content-security-policy'] = contentSecurityPolicy;
    headers['referrer-policy'] = 'no-referrer';
  }
  // Hono answers HEAD from this GET handler without the body.
  return c.body(new Uint8Array(body), 200, headers);
}

/** Serves the built web app from `webRoot` (web/dist); answers nothing while it is not built. */
export function registerWebRoutes(app: Hono<AppEnv>, webRoot: string): void {
  const root = resolve(webRoot);
  const index = resolve(root, 'index.html');

  const handler = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    const path = c.req.path;
    if (serverPath.test(path)) return next();
    if (path !== '/' && path !== '/index.html') {
      const file = await fileIn(root, path);
      if (file) return send(c, file, path.startsWith('/assets/') ? immutable : noCache);
      // A missing file (with an extension, or under /assets) is a 404, not the page.
      if (path.startsWith('/assets/') || extname(path) !== '') return next();
    }
    const page = await fileIn(root, '/index.html');
    return page === index ? send(c, page, noCache) : next();
  };
  app.get('*', handler);
}
