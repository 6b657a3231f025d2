// Input checks for forecasting by analogy: each error names the field and the fix.
import type { ProductAttributes } from './similarity';

export function checkProduct(product: ProductAttributes, field: string): void {
  if (typeof product !== 'object' || product === null) {
    throw new TypeError(`${field}: expected an object with category, price and launchDay`);
  }
  if (typeof product.category !== 'string' || product.category.trim() === '') {
    throw new TypeError(`${field}.category: expected a non-empty string`);
  }
  if (typeof product.price !== 'number' || !Number.isFinite(product.price) || product.price <= 0) {
    throw new RangeError(`${field}.price: ${String(product.price)} must be a positive unit price`);
  }
  if (!Number.isInteger(product.launchDay)) {
    throw new TypeError(
      `${field}.launchDay: ${String(product.launchDay)} must be an integer day number (parseIsoDate of the launch date)`,
    );
  }
  if (product.location !== undefined && typeof product.location !== 'string') {
    throw new TypeError(`${field}.location: expected a string when given`);
  }
}

/** Weekly units: non-negative finite numbers, or NaN for a missing week when allowed. */
export function checkWeekly(values: readonly number[], field: string, allowMissing: boolean): void {
  if (!Array.isArray(values)) throw new TypeError(`${field}: expected an array of weekly units`);
  values.forEach((value, index) => {
    if (typeof value !== 'number') {
      throw new TypeError(`${field}[${index}]: expected a number, got ${typeof value}`);
    }
    if (Number.isNaN(value) && allowMissing) return;
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(
        `${field}[${index}]: ${String(value)} is not a non-negative number of units${allowMissing ? ' (NaN marks a missing week)' : ''}`,
      );
    }
  });
}

export function checkLevels(levels: readonly number[]): void {
  levels.forEach((level, index) => {
    if (!(typeof level === 'number' && level > 0 && level < 100)) {
      throw new RangeError(
        `levels[${index}]: ${String(level)} must be a percentage between 0 and 100, e.g. 80`,
      );
    }
  });
}
