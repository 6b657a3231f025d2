// Small helpers for the report's inline SVG charts: escaping, the frame, number placement.

/** Text in HTML or SVG: every <, >, &, " and ' as an entity. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A rounded coordinate (SVG does not need more than 0.1 px). */
export const coordinate = (value: number) => String(Math.round(value * 10) / 10);

/** An accessible SVG with a title (read by screen readers, shown as a tooltip). */
export function svgFrame(width: number, height: number, title: string, body: string): string {
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>${body}</svg>`;
}

/** A "nice" axis maximum: 1, 2, 2.5 or 5 times a power of ten at or above the value. */
export function niceMaximum(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** The text, cut to at most `length` characters with an ellipsis. */
export function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
