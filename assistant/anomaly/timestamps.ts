// Timestamps of NAB-style files (`YYYY-MM-DD HH:MM:SS`, also with `T`, without seconds, or a bare
// date): parsed as wall-clock times (no time zone), and written back in the input's own style.

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:([ T])(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z)?$/;

/** How the input writes its timestamps, so that computed ones look the same. */
export interface TimestampStyle {
  separator: ' ' | 'T' | null;
  seconds: boolean;
  zulu: boolean;
}

export interface ParsedTimestamp {
  /** Milliseconds since 1970-01-01 00:00 of the wall-clock time. */
  time: number;
  style: TimestampStyle;
}

/** The time of a timestamp, or undefined when it is not `YYYY-MM-DD[ HH:MM[:SS]]`. */
export function parseTimestamp(text: string): ParsedTimestamp | undefined {
  const match = PATTERN.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day, separator, hour, minute, second, fraction, zulu] = match;
  const time = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    fraction === undefined ? 0 : Math.round(Number(fraction) * 1000),
  );
  const check = new Date(time);
  if (
    check.getUTCFullYear() !== Number(year) ||
    check.getUTCMonth() + 1 !== Number(month) ||
    check.getUTCDate() !== Number(day) ||
    Number(hour ?? 0) > 23 ||
    Number(minute ?? 0) > 59 ||
    Number(second ?? 0) > 59
  )
    return undefined;
  return {
    time,
    style: {
      separator: (separator as ' ' | 'T' | undefined) ?? null,
      seconds: second !== undefined,
      zulu: zulu !== undefined,
    },
  };
}

const two = (value: number) => String(value).padStart(2, '0');

/** A time written in `style` (used for steps that had no row in the input). */
export function formatTimestamp(time: number, style: TimestampStyle): string {
  const date = new Date(time);
  const day = `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  if (style.separator === null) return day;
  const clock = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}${style.seconds ? `:${two(date.getUTCSeconds())}` : ''}`;
  return `${day}${style.separator}${clock}${style.zulu ? 'Z' : ''}`;
}
