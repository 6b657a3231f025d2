// Reads barcodes from decoded photo pixels with zxing-wasm (the ZXing-C++ reader compiled to
// WebAssembly). The .wasm ships inside the zxing-wasm package; it is read from node_modules on first
// use and handed to the module as `wasmBinary`, because the package's default is to fetch it from a
// CDN, which a local-first install must never do.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  prepareZXingModule,
  readBarcodes as zxingReadBarcodes,
  type ReaderOptions,
} from 'zxing-wasm/reader';
import type { PixelBox, RgbaImage } from '../../models/vision/image';

export interface ReadBarcode {
  /** zxing's format name, e.g. 'EAN13', 'UPCA', 'Code128' */
  format: string;
  /** decoded text ('' when found but not decodable; see error) */
  text: string;
  /** the symbol's bounding box in the image's pixels */
  box: PixelBox;
  /** why a found symbol could not be decoded (e.g. 'ChecksumError'), when it could not */
  error?: string;
}

const readerOptions: ReaderOptions = {
  formats: ['EAN13', 'EAN8', 'UPCA', 'UPCE', 'Code128', 'DataBar', 'ITF14'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  maxNumberOfSymbols: 8,
  returnErrors: true,
};

type ZxingInput = Parameters<typeof zxingReadBarcodes>[0];

let ready: Promise<unknown> | undefined;

function loadModule(): Promise<unknown> {
  ready ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const bytes = await readFile(wasmPath);
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('barcode reading aborted');
}

/** Every barcode zxing finds in the image (EAN/UPC, GS1-128, DataBar, ITF-14), with its box. */
export async function readBarcodes(image: RgbaImage, signal?: AbortSignal): Promise<ReadBarcode[]> {
  if (image.data.length !== image.width * image.height * 4 || image.width < 1 || image.height < 1) {
    throw new RangeError(
      `image: ${image.width}x${image.height} does not match its ${image.data.length} RGBA values`,
    );
  }
  if (signal?.aborted) throw abortError(signal);
  await loadModule();
  if (signal?.aborted) throw abortError(signal);
  // the reader is synchronous once loaded: the signal is checked before it starts
  const results = await zxingReadBarcodes(
    // zxing reads any { width, height, data } as ImageData; Node has no ImageData class
    { width: image.width, height: image.height, data: image.data } as unknown as ZxingInput,
    readerOptions,
  );
  return results.map((result) => {
    const { topLeft, topRight, bottomLeft, bottomRight } = result.position;
    const xs = [topLeft.x, topRight.x, bottomLeft.x, bottomRight.x];
    const ys = [topLeft.y, topRight.y, bottomLeft.y, bottomRight.y];
    const x = Math.max(0, Math.min(...xs));
    const y = Math.max(0, Math.min(...ys));
    const read: ReadBarcode = {
      format: result.format,
      text: result.isValid ? result.text : '',
      box: { x, y, width: Math.max(...xs) - x + 1, height: Math.max(...ys) - y + 1 },
    };
    if (!result.isValid) read.error = result.error || 'not decodable';
    return read;
  });
}
