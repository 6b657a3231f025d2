import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureWebBuild, webBuildState } from './web-build';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A tiny Vite project (no plugins) shaped like web/. */
function webProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ayni-webbuild-'));
  folders.push(dir);
  mkdirSync(join(dir, 'src', 'lib'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="/src/main.ts"></script>',
  );
  writeFileSync(
    join(dir, 'src', 'main.ts'),
    "import { word } from './lib/word';\ndocument.title = word;\n",
  );
  writeFileSync(join(dir, 'src', 'lib', 'word.ts'), "export const word = 'first';\n");
  writeFileSync(
    join(dir, 'vite.config.ts'),
    "export default { build: { outDir: 'dist' }, logLevel: 'silent' };\n",
  );
  return dir;
}

const at = (seconds: number) => new Date(seconds * 1000);

describe('webBuildState', () => {
  it('is missing without dist/index.html, stale when a nested source is newer (naming it), fresh otherwise', () => {
    const dir = webProject();
    expect(webBuildState(dir)).toEqual({ kind: 'missing' });
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), '');
    for (const file of ['index.html', 'vite.config.ts', 'src/main.ts', 'src/lib/word.ts']) {
      utimesSync(join(dir, file), at(1_000), at(1_000));
    }
    utimesSync(join(dir, 'dist', 'index.html'), at(2_000), at(2_000));
    expect(webBuildState(dir)).toEqual({ kind: 'fresh' });
    utimesSync(join(dir, 'src', 'lib', 'word.ts'), at(3_000), at(3_000));
    expect(webBuildState(dir)).toEqual({
      kind: 'stale',
      newest: join(dir, 'src', 'lib', 'word.ts'),
    });
  });
});

describe('ensureWebBuild', () => {
  it('builds when missing, skips when fresh and rebuilds after a source change (else npm start serves an old page)', async () => {
    const dir = webProject();
    const lines: string[] = [];
    const first = await ensureWebBuild({ webDir: dir, log: (line) => lines.push(line) });
    expect(first).toMatchObject({ built: true, state: { kind: 'missing' } });
    expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(true);
    expect(lines[0]).toContain('web/dist is missing');

    const second = await ensureWebBuild({ webDir: dir });
    expect(second).toMatchObject({ built: false, state: { kind: 'fresh' } });

    writeFileSync(join(dir, 'src', 'lib', 'word.ts'), "export const word = 'second';\n");
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'src', 'lib', 'word.ts'), later, later);
    const third = await ensureWebBuild({ webDir: dir });
    expect(third).toMatchObject({ built: true, state: { kind: 'stale' } });
    const html = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
    const script = /src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(readFileSync(join(dir, 'dist', script as string), 'utf8')).toContain('second');
  });

  it('throws with the reason when the build fails (else serve starts with no page and no word why)', async () => {
    const dir = webProject();
    writeFileSync(join(dir, 'src', 'main.ts'), "import './missing-module';\n");
    await expect(ensureWebBuild({ webDir: dir })).rejects.toThrow(/missing-module/);
  });
});
