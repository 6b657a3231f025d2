// Numbers as planners read them in alert texts: thousands separators, soles with two decimals.

/** 1234.4 -> "1,234"; small values keep one decimal (2.5 units a day). */
export function formatAmount(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) < 10 ? 1 : 0 });
}

export function formatSoles(value: number): string {
  return `S/ ${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "3 days" / "1 day" with the count formatted. */
export function formatDays(value: number): string {
  return `${formatAmount(value)} ${value === 1 ? 'day' : 'days'}`;
}
