// Packaging inspections over HTTP (issue 6): POST /api/inspections (multipart, several `photo`
// files, optional sku/lot/line) inspects each photo and reports a rejected one per file without
// losing the others; GET /api/inspections lists, /:id reads one, /:id/photo returns the original;
// GET /api/qc/summary gives pass rates by day, SKU and line; /api/qc/references lists and imports
// golden references.
import type { Hono } from 'hono';
import { z } from 'zod';
import { defaultCheckSuite } from '../../../models/vision/run-checks-suite';
import { readBarcodes } from '../../../tools/inspection/barcode-reader';
import { inspectPhoto, type PhotoInspection } from '../../../tools/inspection/inspect-photo';
import {
  PhotoRejectedError,
  type PhotoRejectionReason,
} from '../../../tools/inspection/photo-rejected-error';
import { resolveProduct } from '../../../tools/resolve';
import type { ToolContext } from '../../../tools/tool-context';
import {
  AppError,
  InvalidInputError,
  NotFoundError,
  PayloadTooLargeError,
  UnavailableError,
} from '../../errors';
import { parseLabelBox, ReferenceSpecError } from '../../inspection/reference-store';
import { maximumInspectionListLimit } from '../../store/repositories/inspections';
import { createStoreToolContext } from '../../store/tool-context';
import type { AppDeps, AppEnv } from '../types';
import { joinedQuery, parseInput } from '../validation';
import { readUploadForm } from './inspections-form';

export const defaultMaxPhotosPerRequest = 10;
export const defaultMaxInspectionUploadBytes = 60 * 1024 * 1024;

/** The upload paths that enforce their own body limit (create-app exempts them from the JSON one). */
export const isInspectionUploadPath = (path: string) =>
  path === '/api/inspections' || path === '/api/qc/references';

/** A photo whose format the server does not take (415); code stays invalid_input. */
export class UnsupportedPhotoError extends AppError {
  readonly code = 'invalid_input' as const;
  readonly httpStatus = 415;
}

const statusByReason: Record<PhotoRejectionReason, 400 | 413 | 415> = {
  empty: 400,
  truncated: 400,
  wrong_extension: 400,
  too_large: 413,
  decompression_bomb: 413,
  not_an_image: 415,
  unsupported_format: 415,
};

/** The HTTP error of a rejected photo: 400 (empty, cut short, misnamed), 413 (too big), 415 (not a photo we take). */
export function photoRejectionError(error: PhotoRejectedError, details?: unknown): AppError {
  const status = statusByReason[error.reason];
  const body = details ?? { reason: error.reason, file: error.fileName ?? null };
  if (status === 413) return new PayloadTooLargeError(error.message, body);
  if (status === 415) return new UnsupportedPhotoError(error.message, body);
  return new InvalidInputError(error.message, body);
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)');
const text = (field: string) =>
  z.string().trim().min(1, `${field} must not be empty`).max(60, `${field}: at most 60 characters`);

const listQuery = z.strictObject(
  {
    sku: text('sku').optional(),
    lot: text('lot').optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: z
      .string()
      .regex(/^\d+$/, 'limit must be a whole number')
      .transform(Number)
      .pipe(z.number().min(1).max(maximumInspectionListLimit))
      .optional(),
  },
  { error: () => 'unknown field: use sku, lot, from, to, limit' },
);

const summaryQuery = z.strictObject(
  { from: isoDate.optional(), to: isoDate.optional() },
  { error: () => 'unknown field: use from, to' },
);

const uploadFields = z.strictObject(
  { sku: text('sku').optional(), lot: text('lot').optional(), line: text('line').optional() },
  { error: () => 'unknown form field: send photo files and optionally sku, lot, line' },
);

function inspectedResult(file: string, inspection: PhotoInspection) {
  return {
    file,
    status: 'inspected' as const,
    ...inspection.record,
    confidence: inspection.confidence,
    referenceUsed: inspection.referenceUsed,
    vision: inspection.vision,
    checks: inspection.checks.map(({ findings: _findings, ...check }) => check),
  };
}

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export function registerInspectionRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const clock = deps.clock ?? (() => new Date());
  const options = deps.inspections ?? {};
  const maxPhotos = options.maxPhotos ?? defaultMaxPhotosPerRequest;
  const maxBytes = options.maxUploadBytes ?? defaultMaxInspectionUploadBytes;
  const records = deps.store.inspections;

  function contextFor(signal: AbortSignal, logger: ToolContext['logger']): ToolContext {
    return (
      options.toolContext?.(signal) ??
      createStoreToolContext(deps.store, { signal, now: clock, logger })
    );
  }

  app.post('/api/inspections', async (c) => {
    const form = await readUploadForm(c.req.raw, {
      maxBytes,
      fileField: 'photo',
      maxFiles: maxPhotos,
      what: 'the inspection upload',
    });
    const fields = parseInput(uploadFields, Object.fromEntries(form.fields), 'form fields');
    const context = contextFor(c.req.raw.signal, c.get('logger'));
    let sku: string | undefined;
    if (fields.sku !== undefined) {
      try {
        sku = resolveProduct(fields.sku, context.catalog.products(), 'sku').sku;
      } catch (error) {
        throw new InvalidInputError(
          `${error instanceof Error ? error.message : String(error)}; GET /api/products lists the SKUs`,
        );
      }
    }
    const results = [];
    const rejections: PhotoRejectedError[] = [];
    for (const upload of form.files) {
      try {
        const inspection = await inspectPhoto(
          {
            bytes: upload.bytes,
            fileName: upload.fileName,
            sku,
            lot: fields.lot,
            line: fields.line,
          },
          {
            context,
            checks: defaultCheckSuite,
            readBarcodes: (image) => readBarcodes(image),
            ...(options.references && { references: options.references }),
            ...(options.classifier && { classifier: options.classifier }),
          },
        );
        results.push(inspectedResult(upload.fileName, inspection));
      } catch (error) {
        if (error instanceof ReferenceSpecError)
          throw new InvalidInputError(`the golden reference of ${sku}: ${error.message}`);
        if (!(error instanceof PhotoRejectedError)) throw error;
        rejections.push(error);
        results.push({
          file: upload.fileName,
          status: 'rejected' as const,
          error: {
            code: photoRejectionError(error).code,
            httpStatus: statusByReason[error.reason],
            reason: error.reason,
            message: error.message,
          },
        });
      }
    }
    // nothing could be inspected: the request failed, with the first photo's reason and all of them
    if (rejections.length === results.length)
      throw photoRejectionError(rejections[0]!, { results });
    return c.json({ results }, 201);
  });

  app.get('/api/inspections', (c) => {
    const query = parseInput(listQuery, joinedQuery(c.req.queries()), 'query');
    return c.json({ inspections: records.list(query) });
  });

  app.get('/api/inspections/:id', (c) => {
    const id = c.req.param('id');
    const record = records.get(id);
    if (!record)
      throw new NotFoundError(`no inspection ${id}: GET /api/inspections lists them`, { id });
    return c.json(record);
  });

  app.get('/api/inspections/:id/photo', (c) => {
    const id = c.req.param('id');
    const record = records.get(id);
    if (!record)
      throw new NotFoundError(`no inspection ${id}: GET /api/inspections lists them`, { id });
    const image = records.image(record.imageHash);
    if (!image) throw new NotFoundError(`inspection ${id}: its photo is no longer stored`, { id });
    return c.body(new Uint8Array(image.bytes), 200, {
      'Content-Type': image.mime,
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: `"${image.hash}"`,
    });
  });

  app.get('/api/qc/summary', (c) => {
    const query = parseInput(summaryQuery, joinedQuery(c.req.queries()), 'query');
    const to = query.to ?? clock().toISOString().slice(0, 10);
    const from = query.from ?? daysBefore(to, 29);
    if (from > to)
      throw new InvalidInputError(`from ${from} is after to ${to}: give from on or before to`);
    return c.json({ from, to, days: records.qcSummary(from, to) });
  });

  app.get('/api/qc/references', (c) => {
    if (!options.references)
      throw new UnavailableError('golden references are not configured on this server');
    return c.json({ references: options.references.list() });
  });

  app.post('/api/qc/references', async (c) => {
    const references = options.references;
    if (!references)
      throw new UnavailableError('golden references are not configured on this server');
    const form = await readUploadForm(c.req.raw, {
      maxBytes: 25 * 1024 * 1024,
      fileField: 'image',
      maxFiles: 1,
      what: 'the reference upload',
    });
    const sku = form.fields.get('sku');
    if (sku === undefined || sku.trim() === '')
      throw new InvalidInputError(
        'the reference upload: give the SKU code in the form field "sku"',
      );
    let spec: unknown;
    const specText = form.fields.get('spec');
    if (specText !== undefined) {
      try {
        spec = JSON.parse(specText);
      } catch {
        throw new InvalidInputError('spec: not valid JSON; send the spec.json content as text');
      }
    }
    const image = form.files[0]!;
    try {
      const labelBoxText = form.fields.get('labelBox');
      const imported = await references.importReference({
        sku: sku.trim(),
        image: image.bytes,
        fileName: image.fileName,
        ...(spec !== undefined && { spec, specName: 'spec' }),
        ...(labelBoxText !== undefined && { labelBox: parseLabelBox(labelBoxText) }),
      });
      return c.json({ sku: imported.sku, spec: imported.spec }, 201);
    } catch (error) {
      if (error instanceof PhotoRejectedError) throw photoRejectionError(error);
      if (error instanceof ReferenceSpecError) throw new InvalidInputError(error.message);
      throw error;
    }
  });
}
