// Buffered writes of daily rows (sales, inventory): rows wait in typed arrays and are upserted in
// (SKU, location) order, input order within a pair, so consecutive writes touch the same B-tree
// pages of the (sku_id, location_id, date) key. Files from sales systems come date by date, which
// would otherwise scatter every write across the table.
import type { Statement } from 'better-sqlite3';
import { LOCATION_ID_SPAN, SKU_ID_SPAN } from './keys';

const CAPACITY = 1 << 16;

export class DailyBatch {
  private readonly skuIds = new Int32Array(CAPACITY);
  private readonly locationIds = new Int32Array(CAPACITY);
  private readonly days = new Int32Array(CAPACITY);
  /** `width` values a row; NaN = NULL. */
  private readonly values: Float64Array;
  private readonly order = new Float64Array(CAPACITY);
  private readonly parameters: (number | string | null)[];
  private size = 0;
  private packable = true;
  private filledOnce = false;

  constructor(
    private readonly statement: Statement,
    /** Values after (sku_id, location_id, date) in the statement, per row. */
    private readonly width: number,
    private readonly isoDate: (day: number) => string,
    /** Called once, before the first flush of a full buffer, with the rows queued. */
    private readonly onFirstFullBuffer: (rows: number) => void = () => undefined,
  ) {
    this.values = new Float64Array(CAPACITY * width);
    this.parameters = Array<number | string | null>(3 + width).fill(null);
  }

  /** Queues a row; `values` holds `width` numbers (NaN = NULL). Flushes when full. */
  add(skuId: number, locationId: number, day: number, values: readonly number[]): void {
    const row = this.size;
    this.skuIds[row] = skuId;
    this.locationIds[row] = locationId;
    this.days[row] = day;
    const base = row * this.width;
    for (let index = 0; index < this.width; index += 1)
      this.values[base + index] = values[index] ?? NaN;
    if (skuId >= SKU_ID_SPAN || locationId >= LOCATION_ID_SPAN) this.packable = false;
    this.size += 1;
    if (this.size === CAPACITY) {
      if (!this.filledOnce) this.onFirstFullBuffer(CAPACITY);
      this.filledOnce = true;
      this.flush();
    }
  }

  /** Writes the queued rows. */
  flush(): void {
    const count = this.size;
    if (count === 0) return;
    const order = this.order.subarray(0, count);
    if (this.packable) {
      // (pair, row) packed into one number: 36 + 16 bits, so a plain numeric sort orders them.
      for (let row = 0; row < count; row += 1)
        order[row] =
          ((this.skuIds[row] ?? 0) * LOCATION_ID_SPAN + (this.locationIds[row] ?? 0)) * CAPACITY +
          row;
      order.sort();
    } else {
      for (let row = 0; row < count; row += 1) order[row] = row;
    }
    const { parameters, width } = this;
    for (let position = 0; position < count; position += 1) {
      const row = this.packable ? (order[position] ?? 0) % CAPACITY : position;
      parameters[0] = this.skuIds[row] ?? 0;
      parameters[1] = this.locationIds[row] ?? 0;
      parameters[2] = this.isoDate(this.days[row] ?? 0);
      for (let index = 0; index < width; index += 1) {
        const value = this.values[row * width + index] ?? NaN;
        parameters[3 + index] = Number.isNaN(value) ? null : value;
      }
      this.statement.run(parameters);
    }
    this.size = 0;
    this.packable = true;
  }
}
