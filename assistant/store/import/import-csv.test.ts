// Files that must be accepted: BOM, CRLF, quoting, ';' with decimal commas, blank lines, extra
// columns, encodings; idempotent re-import, createMissing, skipInvalid, abort and progress.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError, ImportRejectedError } from '../../errors';
import type { Store } from '../store';
import { importCsv } from './import-csv';
import { chunked, importText, seededStore, snapshot, tableCounts } from './import-fixtures';

let store: Store | undefined;
afterEach(() => store?.close());

function salesRow(store: Store, sku: string, location: string, date: string) {
  return store.database
    .prepare<
      [string, string, string],
      {
        units: number;
        revenue: number | null;
        price: number | null;
        promo: number;
        stockout: number;
      }
    >(
      `SELECT s.units, s.revenue, s.price, s.promo, s.stockout FROM sales s
       JOIN products p ON p.id = s.sku_id JOIN locations l ON l.id = s.location_id
       WHERE p.sku = ? AND l.code = ? AND s.date = ?`,
    )
    .get(sku, location, date);
}

describe('importCsv accepts', () => {
  it('a UTF-8 BOM and CRLF line ends, without the BOM leaking into the first column name', async () => {
    store = seededStore();
    const report = await importText(
      store,
      '\uFEFFdate,sku,location,units\r\n2024-01-01,QUI-500,LIM-DC1,4\r\n2024-01-02,QUI-500,LIM-DC1,5\r\n',
      { kind: 'sales' },
    );
    expect(report).toMatchObject({ rowsRead: 2, rowsImported: 2, encoding: 'utf-8', warnings: [] });
    expect(salesRow(store, 'QUI-500', 'LIM-DC1', '2024-01-02')?.units).toBe(5);
  });

  it('quoted fields holding commas, quotes and line breaks, stored verbatim', async () => {
    store = seededStore();
    await importText(
      store,
      'sku,name,category\nAAA-1,"Galletas ""Inca"", 6 x 40 g\nsurtidas",snacks\nBBB-2,Maca,roots\n',
      { kind: 'products' },
    );
    expect(store.products.findBySku('AAA-1')?.name).toBe('Galletas "Inca", 6 x 40 g\nsurtidas');
    expect(store.products.findBySku('BBB-2')?.category).toBe('roots');
  });

  it("';' files with decimal commas and grouped thousands (Excel in Peru)", async () => {
    store = seededStore();
    const report = await importText(
      store,
      'date;sku;location;units;revenue;price\n2024-01-01;QUI-500;LIM-DC1;12,5;1.234,56;7,9\n2024-01-02;QUI-500;LIM-DC1;3;1.234.567;0.5\n',
      { kind: 'sales' },
    );
    expect(report).toMatchObject({ delimiter: ';', decimalComma: true, rowsImported: 2 });
    expect(salesRow(store, 'QUI-500', 'LIM-DC1', '2024-01-01')).toMatchObject({
      units: 12.5,
      revenue: 1234.56,
      price: 7.9,
    });
    expect(salesRow(store, 'QUI-500', 'LIM-DC1', '2024-01-02')).toMatchObject({
      revenue: 1234567,
      price: 0.5,
    });
  });

  it('Excel\'s "sep=;" first line, which names the delimiter and is not the header', async () => {
    store = seededStore();
    const report = await importText(
      store,
      'sep=;\r\ndate;sku;location;units\r\n2024-01-01;QUI-500;LIM-DC1;2,5\r\n',
      { kind: 'sales' },
    );
    expect(report).toMatchObject({ delimiter: ';', rowsImported: 1 });
    expect(salesRow(store, 'QUI-500', 'LIM-DC1', '2024-01-01')?.units).toBe(2.5);
  });

  it("day-first slash dates in ';' files, with a warning that says how they were read", async () => {
    store = seededStore();
    const report = await importText(
      store,
      'date;sku;location;units\n05/01/2024;QUI-500;LIM-DC1;1\n',
      { kind: 'sales' },
    );
    expect(salesRow(store, 'QUI-500', 'LIM-DC1', '2024-01-05')?.units).toBe(1);
    expect(report.warnings.join(' ')).toMatch(/"05\/01\/2024" on line 2 = 2024-01-05/);
  });

  it('blank lines in the middle and at the end, keeping line numbers physical', async () => {
    store = seededStore();
    const report = await importText(
      store,
      'date,sku,location,units\n\n2024-01-01,QUI-500,LIM-DC1,4\n   \n2024-01-02,QUI-500,LIM-DC1,x\n\n\n',
      { kind: 'sales', skipInvalid: true },
    );
    expect(report.rowsRead).toBe(2);
    expect(report.problems[0]?.line).toBe(5);
  });

  it('extra unknown columns, with a warning naming them', async () => {
    store = seededStore();
    const report = await importText(
      store,
      'Date , SKU,Location,Units,Comentario,\n2024-01-01,QUI-500,LIM-DC1,4,ok,\n',
      { kind: 'sales' },
    );
    expect(report.rowsImported).toBe(1);
    expect(report.warnings).toEqual([expect.stringMatching(/^ignored unknown column: Comentario/)]);
  });

  it('tab-separated UTF-16 with BOM (Excel "Unicode text")', async () => {
    store = seededStore();
    const text = '\uFEFFsku\tname\tcategory\nAAA-1\tPiña\tgranos\n';
    const report = await importText(store, Buffer.from(text, 'utf16le'), { kind: 'products' }, 5);
    expect(report).toMatchObject({ delimiter: '\t', encoding: 'utf-16le', rowsImported: 1 });
    expect(store.products.findBySku('AAA-1')?.name).toBe('Piña');
  });

  it('Windows-1252 bytes (Excel "CSV" on Spanish Windows), with a warning', async () => {
    store = seededStore();
    const bytes = Buffer.from('sku;name;category\nAAA-1;Pi\xf1a \x80;granos\n', 'latin1');
    const report = await importText(store, bytes, { kind: 'products' });
    expect(report.encoding).toBe('windows-1252');
    expect(report.warnings[0]).toMatch(/read as Windows-1252/);
    expect(store.products.findBySku('AAA-1')?.name).toBe('Piña €');
  });

  it('a file that turns Windows-1252 after a long ASCII start, decoding both parts right', async () => {
    store = seededStore();
    const ascii = Array.from({ length: 3000 }, (_, index) => `SKU-${index},Product ${index},x\n`);
    const bytes = Buffer.concat([
      Buffer.from(`sku,name,category\n${ascii.join('')}`),
      Buffer.from('LATE-1,Pi\xf1a,x\n', 'latin1'),
    ]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const report = await importText(store, bytes, { kind: 'products' }, 4096);
    expect(report.encoding).toBe('windows-1252');
    expect(store.products.findBySku('LATE-1')?.name).toBe('Piña');
    expect(store.products.findBySku('SKU-2999')?.name).toBe('Product 2999');
  });

  it('multi-byte UTF-8 characters cut across chunks', async () => {
    store = seededStore();
    const content = 'sku,name,category\nAAA-1,Ñuñoa café açaí 🌽,x\n';
    for (const size of [1, 2, 3, 5]) await importText(store, content, { kind: 'products' }, size);
    expect(store.products.findBySku('AAA-1')?.name).toBe('Ñuñoa café açaí 🌽');
  });

  it('Excel\'s "sep=;" first line, taking the delimiter from it and skipping it', async () => {
    store = seededStore();
    const report = await importText(
      store,
      'sep=;\r\ndate;sku;location;units\r\n2024-01-01;QUI-500;LIM-DC1;1,5\r\n2024-01-02;QUI-500;LIM-DC1;x\r\n',
      { kind: 'sales', skipInvalid: true },
    );
    expect(report).toMatchObject({ delimiter: ';', rowsRead: 2, rowsImported: 1 });
    expect(report.problems[0]?.line).toBe(4);
    expect(salesRow(store, 'QUI-500', 'LIM-DC1', '2024-01-01')?.units).toBe(1.5);
  });

  it('a header-only file as a notice that nothing was imported', async () => {
    store = seededStore();
    const before = snapshot(store);
    const report = await importText(store, 'date,sku,location,units\n', { kind: 'sales' });
    expect(report.rowsRead).toBe(0);
    expect(report.warnings).toContain('the file has a header but no data rows: nothing imported');
    expect(snapshot(store)).toBe(before);
  });
});

describe('importCsv writes', () => {
  const sales =
    'date,sku,location,units,revenue,price,promo,stockout\n2024-01-01,QUI-500,LIM-DC1,4,31.6,7.9,si,0\n2024-01-01,YOG-1L,AQP-DC,2,,,no,yes\n';

  it('the same rows twice as the same table (upsert by key), and updates changed values', async () => {
    store = seededStore();
    await importText(store, sales, { kind: 'sales' });
    const once = snapshot(store);
    await importText(store, sales, { kind: 'sales' });
    expect(snapshot(store)).toBe(once);
    await importText(store, sales.replace(',4,31.6,', ',6,47.4,'), { kind: 'sales' });
    expect(tableCounts(store).sales).toBe(3);
    expect(salesRow(store, 'QUI-500', 'LIM-DC1', '2024-01-01')).toEqual({
      units: 6,
      revenue: 47.4,
      price: 7.9,
      promo: 1,
      stockout: 0,
    });
    expect(salesRow(store, 'YOG-1L', 'AQP-DC', '2024-01-01')).toMatchObject({
      revenue: null,
      stockout: 1,
    });
  });

  it('only the columns a file has: a products file without price keeps the stored price', async () => {
    store = seededStore();
    await importText(store, 'sku,name,category\nQUI-500,Quinoa blanca,grains\n', {
      kind: 'products',
    });
    expect(store.products.findBySku('QUI-500')).toMatchObject({
      name: 'Quinoa blanca',
      price: 7.9,
      shelfLifeDays: 365,
    });
  });

  it('every product column, including a valid EAN-13 and ISO launch date', async () => {
    store = seededStore();
    await importText(
      store,
      'sku,name,category,brand,uom,shelf_life_days,unit_cost,price,lifecycle_stage,launch_date,co2e_kg_per_unit,ean\n' +
        'NEW-1,Maca,roots,Ayni,unit,180,2.5,5,launch,2024-03-01,0.4,5901234123457\n',
      { kind: 'products' },
    );
    expect(store.products.findBySku('NEW-1')).toMatchObject({
      brand: 'Ayni',
      uom: 'unit',
      shelfLifeDays: 180,
      unitCost: 2.5,
      price: 5,
      lifecycleStage: 'launch',
      launchDate: '2024-03-01',
      co2eKgPerUnit: 0.4,
      ean: '5901234123457',
    });
  });

  it('inventory and supply rows by their keys', async () => {
    store = seededStore();
    await importText(
      store,
      'date,sku,location,on_hand,on_order\n2024-01-01,QUI-500,LIM-DC1,40,10\n',
      {
        kind: 'inventory',
      },
    );
    await importText(
      store,
      'sku,location,lead_time_days,lead_time_sd_days,moq,order_cost,holding_cost_rate,supplier\nQUI-500,LIM-DC1,7,1.5,100,50,0.25,Andes SAC\n',
      { kind: 'supply' },
    );
    const ids = {
      quinoa: store.products.findBySku('QUI-500')?.id ?? -1,
      lima: store.locations.findByCode('LIM-DC1')?.id ?? -1,
    };
    expect(store.inventory.latest(ids.quinoa, ids.lima)).toMatchObject({ onHand: 40, onOrder: 10 });
    expect(store.supply.get(ids.quinoa, ids.lima)).toMatchObject({
      leadTimeDays: 7,
      leadTimeSdDays: 1.5,
      holdingCostRate: 0.25,
      supplier: 'Andes SAC',
    });
  });

  it('unknown SKUs and locations as new ones with createMissing, counting them', async () => {
    store = seededStore();
    const report = await importText(
      store,
      'date,sku,location,units\n2024-01-01,NEW-1,CUZ-01,3\n2024-01-02,NEW-1,CUZ-01,4\n2024-01-02,NEW-2,LIM-DC1,1\n',
      { kind: 'sales', createMissing: true },
    );
    expect(report.created).toEqual({ products: 2, locations: 1 });
    expect(store.products.findBySku('NEW-1')).toMatchObject({
      name: 'NEW-1',
      category: 'uncategorised',
    });
    expect(store.locations.findByCode('CUZ-01')).toMatchObject({
      name: 'CUZ-01',
      region: 'unknown',
    });
    expect(tableCounts(store).sales).toBe(4);
  });

  it('the valid rows with skipInvalid, and the rejected ones as CSV with an error column', async () => {
    store = seededStore();
    const rejected = new PassThrough();
    const chunks: Buffer[] = [];
    rejected.on('data', (chunk: Buffer) => chunks.push(chunk));
    const report = await importCsv(store.database, {
      kind: 'sales',
      fileName: 'sales.csv',
      source: chunked(
        'date,sku,location,units\n2024-01-01,QUI-500,LIM-DC1,4\n2024-01-02,NEW-9,LIM-DC1,-1\n2024-01-03,QUI-500,LIM-DC1,"1,5"\n2024-01-04,QUI-500,LIM-DC1,2\n',
      ),
      skipInvalid: true,
      createMissing: true,
      rejectedOutput: rejected,
    });
    expect(report).toMatchObject({
      rowsRead: 4,
      rowsImported: 2,
      rowsRejected: 2,
      problemCount: 2,
    });
    // The rejected row's unknown SKU was not created.
    expect(report.created.products).toBe(0);
    expect(store.products.findBySku('NEW-9')).toBeUndefined();
    expect(tableCounts(store).sales).toBe(3);
    const text = Buffer.concat(chunks).toString('utf8').split('\r\n');
    expect(text[0]).toBe('date,sku,location,units,error');
    expect(text[1]).toBe(
      '2024-01-02,NEW-9,LIM-DC1,-1,"units ""-1"" is negative: units sold must be >= 0"',
    );
    expect(text[2]).toMatch(/^2024-01-03,QUI-500,LIM-DC1,"1,5","units ""1,5"" has a comma/);
  });
});

describe('importCsv guards', () => {
  it('rolls back on abort and rethrows the abort reason', async () => {
    store = seededStore();
    const before = snapshot(store);
    const controller = new AbortController();
    const rows = Array.from({ length: 5000 }, (_, index) => `SKU-${index},P,x\n`).join('');
    const promise = importCsv(store.database, {
      kind: 'products',
      fileName: 'products.csv',
      source: (async function* () {
        yield* chunked(`sku,name,category\n${rows}`, 8192);
        controller.abort(new Error('stopped by the user'));
        yield 'LAST-1,P,x\n';
      })(),
      signal: controller.signal,
    });
    await expect(promise).rejects.toThrow('stopped by the user');
    expect(snapshot(store)).toBe(before);
    expect(store.database.inTransaction).toBe(false);
  });

  it('rolls back when the rejected-rows output fails, rethrowing its error', async () => {
    store = seededStore();
    const before = snapshot(store);
    const output = new PassThrough();
    output.on('data', () => output.destroy(new Error('disk full')));
    const bad = Array.from({ length: 3000 }, (_, index) => `SKU-${index},P,\n`).join('');
    await expect(
      importCsv(store.database, {
        kind: 'products',
        fileName: 'products.csv',
        source: chunked(`sku,name,category\nOK-1,P,x\n${bad}`, 4096),
        skipInvalid: true,
        rejectedOutput: output,
      }),
    ).rejects.toThrow('disk full');
    expect(snapshot(store)).toBe(before);
  });

  it('gives the connection back with foreign keys on and its cache size, imported or rejected', async () => {
    store = seededStore();
    store.database.pragma('cache_size = -3000');
    const settings = () => [
      store?.database.pragma('foreign_keys', { simple: true }),
      store?.database.pragma('cache_size', { simple: true }),
    ];
    await importText(store, 'sku,name,category\nNEW-1,P,x\n', { kind: 'products' });
    expect(settings()).toEqual([1, -3000]);
    await importText(store, 'sku,name,category\nNEW-2,P,\n', { kind: 'products' }).catch(
      () => undefined,
    );
    expect(settings()).toEqual([1, -3000]);
  });

  it('refuses a connection that is inside a transaction', async () => {
    store = seededStore();
    store.database.exec('BEGIN');
    await expect(
      importText(store, 'sku,name,category\n', { kind: 'products' }),
    ).rejects.toBeInstanceOf(ConflictError);
    store.database.exec('ROLLBACK');
  });

  it('reports progress with the rows read so far', async () => {
    store = seededStore();
    const seen: number[] = [];
    const rows = Array.from({ length: 25_000 }, (_, index) => `SKU-${index},P,x\n`).join('');
    await importCsv(store.database, {
      kind: 'products',
      fileName: 'products.csv',
      source: chunked(`sku,name,category\n${rows}`, 65_536),
      onProgress: (read) => seen.push(read),
    });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toBe(25_000);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('gives the rejection report as the error details, with a one-line message', async () => {
    store = seededStore();
    const error = await importText(
      store,
      'date,sku,location,units\n2024-01-01,QUI-500,LIM-DC1,-4\n',
      { kind: 'sales' },
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect((error as Error).message).toBe(
      'sales.csv: 1 invalid row, nothing imported (line 2: units "-4" is negative: units sold must be >= 0)',
    );
  });
});
