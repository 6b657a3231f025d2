// Browser end-to-end support: Debian's chromium driven by playwright-core (never a downloaded
// browser), the built web app (web/dist, built here when missing or stale) served by the whole
// server in this process against an Ollama-protocol test server, and screenshots of each state
// under test-artifacts/web/. The server can be stopped and started again on the same port with
// the same data folder, so a test can take it away and bring it back.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../assistant/config';
import { startServer, type RunningServer } from '../../assistant/main';
import { ensureWebBuild, webBuildState } from '../../assistant/web-build';
import { startFakeOllama, type FakeModel, type FakeOllama } from './fake-ollama';
import { populateTestStore } from './test-store';

export const repositoryRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const webRoot = join(repositoryRoot, 'web');
export const webDist = join(webRoot, 'dist');
export const artifactsDir = join(repositoryRoot, 'test-artifacts', 'web');

/** Where the browser is: Debian's package (CI installs it with apt) unless AYNI_CHROMIUM says. */
export const chromiumPath = process.env.AYNI_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/** The three model roles present with their capabilities (the defaults of the test config). */
export const allModels: FakeModel[] = [
  { name: 'qwen3:8b', capabilities: ['completion', 'tools', 'thinking'] },
  { name: 'qwen2.5vl:7b', capabilities: ['completion', 'vision'] },
  { name: 'bge-m3', capabilities: ['embedding'] },
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(
      `no browser at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set AYNI_CHROMIUM to a Chromium binary`,
    );
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

const wait = (ms: number) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));

/**
 * Builds web/dist (ensureWebBuild, as `ayni serve` does) when missing or stale. Test files run in parallel processes,
 * so the build holds a lock folder (taken over when older than 3 minutes: a crashed build).
 */
export async function ensureWebDist(): Promise<string> {
  const lock = join(repositoryRoot, 'test-artifacts', '.web-build.lock');
  mkdirSync(join(repositoryRoot, 'test-artifacts'), { recursive: true });
  const stale = () => webBuildState(webRoot).kind !== 'fresh';
  for (;;) {
    if (!stale()) return webDist;
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000)
        rmSync(lock, { recursive: true, force: true });
      await wait(250);
    }
  }
  try {
    if (stale()) await ensureWebBuild({ webDir: webRoot });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return webDist;
}

export interface WebServer {
  /** http://127.0.0.1:PORT (the same after a restart) */
  readonly url: string;
  readonly running: RunningServer | undefined;
  /** stops the server (the data folder stays) */
  stop(): Promise<void>;
  /** starts it again on the same port with the same data */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** The whole server in this process over the test store (120 days of sales), serving web/dist. */
export async function startWebServer(
  ollamaUrl: string,
  options: { environment?: Record<string, string>; salesDays?: number } = {},
): Promise<WebServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ayni-web-'));
  let port = '0';
  let running: RunningServer | undefined;
  let url = '';
  const start = async () => {
    const config = loadConfig({
      OLLAMA_HOST: ollamaUrl,
      AYNI_HOST: '127.0.0.1',
      AYNI_PORT: port,
      AYNI_DATA_DIR: dataDir,
      AYNI_LOG_LEVEL: 'silent',
      ...options.environment,
    });
    running = await startServer({
      config,
      logger: pino({ level: 'silent' }),
      warmUp: false,
      shutdownTimeoutMs: 300,
      webRoot: webDist,
    });
    url = running.url;
    if (port === '0') {
      port = new URL(url).port;
      populateTestStore(running.store, options.salesDays ?? 120);
    }
  };
  await start();
  const stop = async () => {
    const current = running;
    running = undefined;
    await current?.close();
  };
  return {
    get url() {
      return url;
    },
    get running() {
      return running;
    },
    stop,
    start,
    close: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface WebStack {
  ollama: FakeOllama;
  server: WebServer;
  browser: Browser;
  /** uncaught exceptions and CSP refusals in the page opened by the last open() */
  pageErrors: string[];
  /** a fresh context and page in English (or the locale given) at the app's root */
  open(options?: {
    width?: number;
    height?: number;
    locale?: string;
    path?: string;
    /** page script run before the app's own (e.g. an observer recording renders) */
    initScript?: string;
  }): Promise<Page>;
  close(): Promise<void>;
}

/** Fake Ollama + server + built app + chromium: what one browser test file needs. */
export async function startWebStack(
  options: {
    models?: FakeModel[];
    environment?: Record<string, string>;
    /** days of sales in the test store (default 120) */
    salesDays?: number;
  } = {},
): Promise<WebStack> {
  const [, ollama, browser] = await Promise.all([
    ensureWebDist(),
    startFakeOllama({ kind: 'models', models: options.models ?? allModels }),
    launchBrowser(),
  ]);
  const server = await startWebServer(ollama.url, {
    ...(options.environment ? { environment: options.environment } : {}),
    ...(options.salesDays ? { salesDays: options.salesDays } : {}),
  });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    ollama,
    server,
    browser,
    pageErrors,
    async open({ width = 1280, height = 800, locale = 'en-US', path = '/', initScript } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale });
      contexts.push(context);
      // an action that cannot happen fails with Playwright's reason before the test's timeout
      context.setDefaultTimeout(10_000);
      pageErrors.length = 0;
      if (initScript) await context.addInitScript({ content: initScript });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      // the app's Content-Security-Policy refusing something the app itself does
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('Content Security Policy'))
          pageErrors.push(message.text());
      });
      await page.goto(new URL(path, server.url).href);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
      await ollama.close();
    },
  };
}

/** Saves a screenshot of the page's current state as test-artifacts/web/NAME.png. */
export async function snap(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Types into the message box and presses Send (the accessible names the UI must keep). */
export async function sendMessage(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

/** `count` words PREFIX1 … PREFIXcount, for answers whose rendering a test follows word by word. */
export function numberedWords(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`).join(' ');
}

/**
 * A page script: after every DOM change, records how many distinct PREFIXn words the page shows
 * (window.__renders, one entry per change that altered the count), so a test can tell an answer
 * that streamed in from one that appeared at once.
 */
export function renderRecorderScript(prefix: string): string {
  return `window.__renders = [];
const pattern = new RegExp('${prefix}[0-9]+', 'g');
new MutationObserver(() => {
  const count = new Set(document.body?.textContent.match(pattern) ?? []).size;
  if (window.__renders.at(-1) !== count) window.__renders.push(count);
}).observe(document, { subtree: true, childList: true, characterData: true });`;
}

/** How many pixels of a canvas are not fully transparent (0: nothing was drawn). */
export const canvasInkScript = (selector: string) => `(() => {
  const canvas = document.querySelector(${JSON.stringify(selector)});
  if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let ink = 0;
  for (let index = 3; index < data.length; index += 4) if (data[index] !== 0) ink += 1;
  return ink;
})()`;

/** A real PNG photo (a drawn yogurt cup with its lid), made by the browser itself. */
export async function samplePhoto(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 160, height: 120 } });
  await page.setContent(
    `<body style="margin:0;background:#d9e3ea"><div style="margin:20px 50px;width:60px;height:80px;background:#f4f4f4;border-top:8px solid #c0392b;border-radius:4px"></div></body>`,
  );
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  return png;
}

/**
 * Polls a page expression until it is truthy. (Playwright's waitForFunction with a string
 * evaluates it with eval in the page, which the app's Content-Security-Policy forbids.)
 */
export async function waitForPage(
  page: Page,
  expression: string,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (!(await page.evaluate<unknown>(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await wait(options.intervalMs ?? 50);
  }
}
