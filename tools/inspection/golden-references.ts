// Where a SKU's golden reference photo and QC spec come from (issue 6): a file store with the
// knowledge base implements it; the inspection pipeline only asks for one SKU at a time.
import type { RgbaImage } from '../../models/vision/image';
import type { QcSpec } from '../../models/vision/qc-spec';

export interface GoldenReference {
  /** the reference photo of a good pack, decoded */
  image: RgbaImage;
  /** the SKU's checks and tolerances (labelBox in the reference's pixels) */
  spec: QcSpec;
}

export interface GoldenReferences {
  /** The SKU's reference and spec, or undefined when none was imported. */
  forSku(sku: string): Promise<GoldenReference | undefined>;
}
