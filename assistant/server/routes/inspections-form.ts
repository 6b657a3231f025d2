// Reading the multipart uploads of /api/inspections and /api/qc/references within limits: the
// whole form is bounded (413 before or while it streams), then each file field by count.
import { InvalidInputError, PayloadTooLargeError } from '../../errors';
import { limitedBody } from '../middleware/body-limit';

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface UploadedForm {
  files: UploadedFile[];
  fields: Map<string, string>;
}

function findCause<T>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined; depth += 1) {
    if (current instanceof type) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

/** Reads a multipart form of at most `maxBytes`; `fileField` files in order, text fields by name. */
export async function readUploadForm(
  request: Request,
  options: { maxBytes: number; fileField: string; maxFiles: number; what: string },
): Promise<UploadedForm> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data'))
    throw new InvalidInputError(
      `${options.what}: send multipart/form-data with the photos as "${options.fileField}" fields (got ${type === '' ? 'no Content-Type' : type})`,
    );
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of limitedBody(
      request.body,
      request.headers.get('content-length') ?? undefined,
      options.maxBytes,
      `${options.what} (${options.fileField} files and fields together)`,
    ))
      chunks.push(chunk);
  } catch (error) {
    const limit = findCause(error, PayloadTooLargeError);
    if (limit) throw limit;
    throw error;
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), {
      headers: { 'content-type': type },
    }).formData();
  } catch {
    throw new InvalidInputError(
      `${options.what}: the multipart form could not be read; send it as multipart/form-data with "${options.fileField}" file fields`,
    );
  }
  const files: UploadedFile[] = [];
  const fields = new Map<string, string>();
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      if (name !== options.fileField) fields.set(name, value);
      continue;
    }
    if (name !== options.fileField) continue;
    files.push({
      fileName: value.name || `${options.fileField}-${files.length + 1}`,
      bytes: new Uint8Array(await value.arrayBuffer()),
    });
  }
  if (files.length === 0)
    throw new InvalidInputError(
      `${options.what}: no file in a field named "${options.fileField}"; attach the photo as form field "${options.fileField}"`,
    );
  if (files.length > options.maxFiles)
    throw new InvalidInputError(
      `${options.what}: ${files.length} files, at most ${options.maxFiles} per request; send them in batches of ${options.maxFiles}`,
      { files: files.length, maxFiles: options.maxFiles },
    );
  return { files, fields };
}
