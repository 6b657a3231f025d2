// Argument checks and JSON columns of the conversations repository: each error names the field and the fix.

const conversationIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
// ISO 8601 with a time and an explicit zone; stored normalised to UTC with milliseconds so that
// text order in SQL is time order.
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const sha256Pattern = /^[0-9a-f]{64}$/;
const mimePattern = /^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/;
const maximumTitleLength = 200;

export function checkString(field: string, value: unknown): string {
  if (typeof value !== 'string')
    throw new TypeError(`${field} must be a string, got ${typeof value}`);
  return value;
}

export function checkConversationId(id: unknown): string {
  const text = checkString('id', id);
  if (!conversationIdPattern.test(text))
    throw new RangeError(
      `id must be 1..100 characters of A-Z a-z 0-9 . _ : - (e.g. a UUID), got ${JSON.stringify(text)}`,
    );
  return text;
}

/** Trimmed, 1..200 characters. */
export function checkTitle(title: unknown): string {
  const trimmed = checkString('title', title).trim();
  if (trimmed.length < 1 || trimmed.length > maximumTitleLength)
    throw new RangeError(
      `title must be 1..${maximumTitleLength} characters after trimming, got ${trimmed.length}`,
    );
  return trimmed;
}

/** Returns the instant as `Date.prototype.toISOString()` writes it. */
export function checkTimestamp(field: string, value: unknown): string {
  const text = checkString(field, value);
  const time = Date.parse(text);
  if (!timestampPattern.test(text) || Number.isNaN(time))
    throw new RangeError(
      `${field} must be an ISO timestamp with a zone, e.g. new Date().toISOString(), got ${JSON.stringify(text)}`,
    );
  return new Date(time).toISOString();
}

export function checkNonNegativeInteger(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${field} must be a whole number >= 0, got ${String(value)}`);
  return value;
}

export function checkOptionalCount(field: string, value: unknown): void {
  if (value !== undefined) checkNonNegativeInteger(field, value);
}

/** Milliseconds: finite and >= 0. */
export function checkDuration(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new RangeError(`${field} must be a duration in milliseconds >= 0, got ${String(value)}`);
  return value;
}

export function checkOneOf<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (!allowed.includes(value as T))
    throw new RangeError(
      `${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`,
    );
  return value as T;
}

export function checkImageHashes(hashes: unknown): void {
  if (!Array.isArray(hashes))
    throw new TypeError('imageHashes must be an array of the hashes putImage returned');
  for (const hash of hashes)
    if (typeof hash !== 'string' || !sha256Pattern.test(hash))
      throw new RangeError(
        `imageHashes: ${JSON.stringify(hash)} is not a lowercase sha256 hex digest: use the hash putImage returned`,
      );
}

export function checkToolCalls(calls: unknown): void {
  if (!Array.isArray(calls))
    throw new TypeError('toolCalls must be an array of { id, name, arguments }');
  calls.forEach((call: unknown, index) => {
    const record = call as { id?: unknown; name?: unknown; arguments?: unknown } | null;
    if (typeof record !== 'object' || record === null)
      throw new TypeError(`toolCalls[${index}] must be an object { id, name, arguments }`);
    checkString(`toolCalls[${index}].id`, record.id);
    checkString(`toolCalls[${index}].name`, record.name);
    if (
      typeof record.arguments !== 'object' ||
      record.arguments === null ||
      Array.isArray(record.arguments)
    )
      throw new TypeError(
        `toolCalls[${index}].arguments must be an object of the call's arguments`,
      );
  });
}

export function checkMime(mime: unknown): string {
  const text = checkString('mime', mime).toLowerCase();
  if (!mimePattern.test(text))
    throw new RangeError(
      `mime must be a media type such as image/png, got ${JSON.stringify(mime)}`,
    );
  return text;
}

/** JSON text for a column; undefined (or a value JSON cannot write) becomes NULL. */
export function toJson(field: string, value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch (error) {
    throw new TypeError(
      `${field} cannot be stored as JSON (${error instanceof Error ? error.message : String(error)}): pass plain data`,
      { cause: error },
    );
  }
}

export function fromJson(text: string | null): unknown {
  return text === null ? undefined : (JSON.parse(text) as unknown);
}
