// Photos attached to a message: client-side checks (an image type, at most 20 MB each, at most 8 a
// message, as the server enforces) and reading them as base64 without the data: prefix.
import type { ImageAttachment } from './types';

export const maxImageBytes = 20 * 1024 * 1024;
export const maxImagesPerMessage = 8;

export interface FileLike {
  name: string;
  type: string;
  size: number;
}

export type ImageProblem =
  | { kind: 'type'; name: string }
  | { kind: 'size'; name: string }
  | { kind: 'count'; count: number };

/** Which files may be attached next to `alreadyAttached` images, and why the others may not. */
export function checkImages<File extends FileLike>(
  files: readonly File[],
  alreadyAttached: number,
): { accepted: File[]; problems: ImageProblem[] } {
  const accepted: File[] = [];
  const problems: ImageProblem[] = [];
  let countReported = false;
  for (const file of files) {
    if (!file.type.startsWith('image/')) problems.push({ kind: 'type', name: file.name });
    else if (file.size > maxImageBytes) problems.push({ kind: 'size', name: file.name });
    else if (alreadyAttached + accepted.length >= maxImagesPerMessage) {
      if (!countReported) problems.push({ kind: 'count', count: maxImagesPerMessage });
      countReported = true;
    } else accepted.push(file);
  }
  return { accepted, problems };
}

/** "data:image/png;base64,AAAA" -> "AAAA" (the server wants bare base64). */
export function stripDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma >= 0 ? dataUrl.slice(comma + 1) : dataUrl;
}

/** Reads a browser File as an attachment (base64 without the data: prefix). */
export function readImage(file: Blob & { name: string }): Promise<ImageAttachment> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve({
        base64: stripDataUrl(String(reader.result)),
        mimeType: file.type,
        name: file.name,
      });
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** A data: URL to preview an attachment. */
export function previewUrl(image: ImageAttachment): string {
  return `data:${image.mimeType};base64,${image.base64}`;
}
