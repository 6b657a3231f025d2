import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../../test/support/app-deps';
import { createApp } from '../create-app';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function builtApp(): string {
  const base = mkdtempSync(join(tmpdir(), 'ayni-web-'));
  folders.push(base);
  const root = join(base, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(root, 'favicon.svg'), '<svg/>');
  writeFileSync(join(base, 'private.txt'), 'TOP-SECRET-CONTENT');
  return root;
}

function appWith(webRoot: string | undefined, environment: { apiToken?: string } = {}) {
  const deps = testDeps();
  if (environment.apiToken) deps.config = { ...deps.config, apiToken: environment.apiToken };
  return createApp(webRoot === undefined ? deps : { ...deps, webRoot });
}

describe('the web app served by createApp', () => {
  it('serves index.html at / without caching and with a CSP (else a rebuild is not picked up, or injected script could run)', async () => {
    const response = await appWith(builtApp()).request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('id="app"');
  });

  it('serves hashed assets with a year of immutable cache and their content type', async () => {
    const response = await appWith(builtApp()).request('/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toContain('text/javascript');
  });

  it('answers the page for app paths but a JSON 404 for unknown API paths and missing files (else API typos get HTML)', async () => {
    const app = appWith(builtApp());
    const page = await app.request('/data');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="app"');
    for (const path of ['/api/nothing', '/assets/gone-123.js', '/missing.png']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toContain('application/json');
    }
  });

  it('keeps the API routes before the page (else the page would shadow /healthz)', async () => {
    const response = await appWith(builtApp()).request('/healthz');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('does not serve files outside web/dist (else ../ reads any file)', async () => {
    const app = appWith(builtApp());
    for (const path of ['/../private.txt', '/%2e%2e/private.txt', '/..%2fprivate.txt']) {
      const response = await app.request(path);
      expect(await response.text(), path).not.toContain('TOP-SECRET-CONTENT');
    }
  });

  it('serves the page without the API token (the page asks for it) while /api stays protected', async () => {
    const app = appWith(builtApp(), { apiToken: 'sesame' });
    expect((await app.request('/')).status).toBe(200);
    expect((await app.request('/api/products')).status).toBe(401);
  });

  it('answers a JSON 404 at / when no web app is configured or built', async () => {
    expect((await appWith(undefined).request('/')).status).toBe(404);
    const empty = mkdtempSync(join(tmpdir(), 'ayni-web-empty-'));
    folders.push(empty);
    expect((await appWith(empty).request('/')).status).toBe(404);
  });
});
