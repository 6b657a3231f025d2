// Argument checks shared by the single-location inventory models: each throws a RangeError or
// TypeError that names the argument, the value and what is accepted.

function checkNumber(name: string, value: number): void {
  if (typeof value !== 'number' || Number.isNaN(value))
    throw new TypeError(`${name}: expected a number, got ${String(value)}`);
  if (!Number.isFinite(value)) throw new RangeError(`${name}: ${value} is not finite`);
}

export function requirePositive(name: string, value: number): void {
  checkNumber(name, value);
  if (!(value > 0)) throw new RangeError(`${name}: ${value} must be greater than 0`);
}

export function requireNonNegative(name: string, value: number): void {
  checkNumber(name, value);
  if (!(value >= 0)) throw new RangeError(`${name}: ${value} must be 0 or more`);
}

export function requireFinite(name: string, value: number): void {
  checkNumber(name, value);
}

export function requireInteger(name: string, value: number): void {
  checkNumber(name, value);
  if (!Number.isInteger(value)) throw new RangeError(`${name}: ${value} must be a whole number`);
}

export function requireProbability(name: string, value: number): void {
  checkNumber(name, value);
  if (!(value > 0 && value < 1))
    throw new RangeError(`${name}: ${value} must be strictly between 0 and 1`);
}
