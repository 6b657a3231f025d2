// Why an uploaded photo could not be inspected (issue 6, intake): each reason names the file and
// the fix, so the QC operator knows whether to resend, re-export or take the photo again.

export const photoRejectionReasons = [
  'empty',
  'too_large',
  'not_an_image',
  'truncated',
  'decompression_bomb',
  'wrong_extension',
  'unsupported_format',
] as const;
export type PhotoRejectionReason = (typeof photoRejectionReasons)[number];

export class PhotoRejectedError extends Error {
  readonly reason: PhotoRejectionReason;
  readonly fileName: string | undefined;

  constructor(reason: PhotoRejectionReason, fileName: string | undefined, message: string) {
    super(`${fileName === undefined ? 'photo' : `photo "${fileName}"`}: ${message}`);
    this.name = 'PhotoRejectedError';
    this.reason = reason;
    this.fileName = fileName;
  }
}
