// POST /api/import/:kind: a CSV body (streamed) or a multipart form with a `file` field, into the
// importer; 200 with its report, 422 (via the error handler) when rows are invalid.
import { Writable } from 'node:stream';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { InvalidInputError, PayloadTooLargeError } from '../../errors';
import { limitedBody } from '../middleware/body-limit';
import { importKinds, type AppDeps, type AppEnv, type ImportKind, type Limits } from '../types';
import { parseInput } from '../validation';

export function isImportPath(path: string): boolean {
  return path.startsWith('/api/import/');
}

const flag = z
  .enum(['true', 'false', '1', '0', ''], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === '');

const importQuery = z.strictObject(
  {
    create_missing: flag.optional(),
    skip_invalid: flag.optional(),
    file_name: z.string().min(1).max(255).optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown parameter ${issue.keys.map((key) => `"${key}"`).join(', ')}: use create_missing, skip_invalid, file_name`
        : undefined,
  },
);

const kindSchema = z.enum(importKinds, {
  error: (issue) =>
    `unknown import kind ${JSON.stringify(issue.input)}: use one of ${importKinds.join(', ')}`,
});

/** Collects what is written up to a byte limit, then only counts. */
class BoundedCollector extends Writable {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  total = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.total += buffer.byteLength;
    const room = this.limit - this.kept;
    if (room > 0) {
      const slice = buffer.subarray(0, room);
      this.chunks.push(slice);
      this.kept += slice.byteLength;
    }
    done();
  }

  text(): string {
    const text = Buffer.concat(this.chunks).toString('utf8');
    // Cut at the last full line so a truncated CSV never ends mid-row.
    if (this.total <= this.kept) return text;
    const lastNewline = text.lastIndexOf('\n');
    return lastNewline >= 0 ? text.slice(0, lastNewline + 1) : '';
  }
}

async function* fileChunks(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

function findCause<T>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof type) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

/** Multipart bodies are parsed by the platform (buffered), under the same byte limit. */
async function multipartFile(
  c: Context<AppEnv>,
  limitBytes: number,
): Promise<{ fileName: string; source: AsyncIterable<Uint8Array> }> {
  const request = c.req.raw;
  const counted = limitedBody(
    request.body,
    c.req.header('content-length'),
    limitBytes,
    'the uploaded form',
  );
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await counted.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await counted.return(undefined);
    },
  });
  let form: FormData;
  try {
    form = await new Request(request.url, {
      method: 'POST',
      headers: request.headers,
      body,
      duplex: 'half',
    } as RequestInit).formData();
  } catch (error) {
    const limit = findCause(error, PayloadTooLargeError);
    if (limit) throw limit;
    throw new InvalidInputError(
      'the multipart form could not be read: send it as multipart/form-data with a "file" field',
    );
  }
  const file = form.get('file');
  if (!(file instanceof Blob)) {
    throw new InvalidInputError(
      'the multipart form has no "file" field: send the CSV as the form field named "file"',
    );
  }
  const fileName = file instanceof File && file.name ? file.name : 'upload.csv';
  return { fileName, source: fileChunks(file) };
}

const csvTypes = ['text/csv', 'application/octet-stream', 'text/plain', 'application/csv'];

export function registerImportRoutes(app: Hono<AppEnv>, deps: AppDeps, limits: Limits): void {
  app.post('/api/import/:kind', async (c) => {
    const kind: ImportKind = parseInput(kindSchema, c.req.param('kind'), 'import kind');
    const query = parseInput(importQuery, c.req.query(), 'query');
    const contentType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    let upload: { fileName: string; source: AsyncIterable<Uint8Array> };
    if (contentType === 'multipart/form-data') {
      upload = await multipartFile(c, limits.importBodyBytes);
    } else if (contentType && csvTypes.includes(contentType)) {
      upload = {
        fileName: query.file_name ?? `${kind}.csv`,
        source: limitedBody(
          c.req.raw.body,
          c.req.header('content-length'),
          limits.importBodyBytes,
          'the CSV upload',
        ),
      };
    } else {
      throw new InvalidInputError(
        `cannot import a body of type ${JSON.stringify(contentType || '(none)')}: send the CSV as text/csv or application/octet-stream, or as multipart/form-data with a "file" field`,
      );
    }
    const skipInvalid = query.skip_invalid ?? false;
    const rejected = skipInvalid ? new BoundedCollector(limits.rejectedCsvBytes) : undefined;
    const report = await deps.importer.run({
      kind,
      fileName: query.file_name ?? upload.fileName,
      source: upload.source,
      createMissing: query.create_missing ?? false,
      skipInvalid,
      rejectedOutput: rejected,
      signal: c.req.raw.signal,
    });
    c.get('logger').info({ kind, fileName: upload.fileName }, 'import finished');
    return c.json({
      kind,
      report,
      rejectedRows: rejected
        ? {
            csv: rejected.text(),
            bytes: rejected.total,
            truncated: rejected.total > limits.rejectedCsvBytes,
          }
        : null,
    });
  });
}
