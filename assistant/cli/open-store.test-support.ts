// For the tests of the CLI commands that work on the store at AYNI_DATA_DIR: a temporary data folder
// holding a populated store (made before the file's tests, removed after them), and `ayni` run as a
// child process against it with Ollama unreachable.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { populateTestStore } from '../../test/support/test-store';
import { openStore } from '../store/store';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../bin/ayni.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliTestStore {
  /** the temporary folder; the data folder is its `data` */
  folder: string;
  dataDir: string;
  /** runs `ayni ...args` on the data folder; a failing run resolves with its exit code */
  ayni(args: string[]): Promise<CliRun>;
}

/** Registers the beforeAll/afterAll that make and remove the store; `days` of test sales. */
export function useCliTestStore(folderPrefix: string, days: number): CliTestStore {
  const folder = mkdtempSync(join(tmpdir(), folderPrefix));
  const dataDir = join(folder, 'data');
  beforeAll(() => {
    const store = openStore({ path: join(dataDir, 'ayni.db') });
    populateTestStore(store, days);
    store.close();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const ayni = (args: string[]): Promise<CliRun> =>
    run(process.execPath, [bin, ...args], {
      env: { ...process.env, AYNI_DATA_DIR: dataDir, OLLAMA_HOST: 'http://127.0.0.1:9' },
    }).then(
      (result) => ({ code: 0, ...result }),
      (error: CliRun) => error,
    );
  return { folder, dataDir, ayni };
}
