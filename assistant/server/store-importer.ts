// The Importer the server uses: importCsv on a dedicated connection when the store is a file, so
// the server's own connection never sees the import's open transaction; one import at a time.
import { openDatabase } from '../store/database';
import { importCsv, type ImportReport } from '../store/import/import-csv';
import type { Store } from '../store/store';
import type { Importer, ImportRequest } from './types';

export function createStoreImporter(store: Store): Importer<ImportReport> {
  let queue: Promise<unknown> = Promise.resolve();

  async function runNow(request: ImportRequest): Promise<ImportReport> {
    const main = store.database;
    const database = main.memory ? main : openDatabase({ path: main.name });
    try {
      return await importCsv(database, {
        kind: request.kind,
        fileName: request.fileName,
        source: request.source,
        createMissing: request.createMissing,
        skipInvalid: request.skipInvalid,
        rejectedOutput: request.rejectedOutput,
        signal: request.signal,
      });
    } finally {
      if (database !== main) database.close();
    }
  }

  return {
    run(request) {
      const result = queue.then(() => runNow(request));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
