// Builds the web app (web/ -> web/dist) with Vite's JS API when web/dist is missing or older than
// any of its sources (web/src/**, web/index.html, web/vite.config.ts), so `npm start` serves the
// current page without a separate build step. Called by `ayni serve` before it listens.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's web/ folder. */
export const defaultWebDir = fileURLToPath(new URL('../web', import.meta.url));
/** Where Vite writes the app (web/vite.config.ts: outDir dist). */
export const defaultWebRoot = join(defaultWebDir, 'dist');

export type WebBuildState =
  { kind: 'fresh' } | { kind: 'missing' } | { kind: 'stale'; newest: string };

export interface EnsureWebBuildOptions {
  /** the web/ folder (index.html, vite.config.ts, src/); default the repository's */
  webDir?: string;
  /** progress lines ("building the web app: ...") */
  log?: (message: string) => void;
  /** build even when fresh */
  force?: boolean;
}

export interface WebBuildOutcome {
  state: WebBuildState;
  built: boolean;
  ms: number;
}

function newestUnder(path: string): { file: string; mtimeMs: number } | undefined {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return undefined;
  }
  if (!stats.isDirectory()) return { file: path, mtimeMs: stats.mtimeMs };
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(path)) {
    const found = newestUnder(join(path, entry));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/** Whether web/dist is missing, older than a source file (naming it), or fresh. */
export function webBuildState(webDir: string): WebBuildState {
  let builtMs: number;
  try {
    builtMs = statSync(join(webDir, 'dist', 'index.html')).mtimeMs;
  } catch {
    return { kind: 'missing' };
  }
  for (const source of ['src', 'index.html', 'vite.config.ts']) {
    const newest = newestUnder(join(webDir, source));
    if (newest && newest.mtimeMs > builtMs) return { kind: 'stale', newest: newest.file };
  }
  return { kind: 'fresh' };
}

/** Builds web/dist when missing or stale; throws (with Vite's reason) when the build fails. */
export async function ensureWebBuild(
  options: EnsureWebBuildOptions = {},
): Promise<WebBuildOutcome> {
  const webDir = options.webDir ?? defaultWebDir;
  const log = options.log ?? (() => {});
  const state = webBuildState(webDir);
  if (state.kind === 'fresh' && !options.force) return { state, built: false, ms: 0 };
  const why =
    state.kind === 'missing'
      ? 'web/dist is missing'
      : state.kind === 'stale'
        ? `web/dist is older than ${state.newest}`
        : 'a build was asked for';
  log(`building the web app (${why}) ...`);
  const started = performance.now();
  const { build } = await import('vite');
  await build({
    root: webDir,
    configFile: join(webDir, 'vite.config.ts'),
    logLevel: 'warn',
  });
  const ms = Math.round(performance.now() - started);
  log(`web app built in ${(ms / 1000).toFixed(1)} s`);
  return { state, built: true, ms };
}
