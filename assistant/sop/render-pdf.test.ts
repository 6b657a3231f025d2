import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../errors';
import { renderReportHtml } from './render-html';
import { pdfAvailable, renderReportPdf } from './render-pdf';
import { sampleReport } from './render-test-report';

const hasChromium = pdfAvailable();
if (!hasChromium) console.warn('render-pdf: no /usr/bin/chromium, the PDF test is skipped');

describe('renderReportPdf', () => {
  it.skipIf(!hasChromium)(
    'prints the HTML report to a PDF of A4 pages (else the export is not a PDF or not A4)',
    async () => {
      const pdf = await renderReportPdf(renderReportHtml(sampleReport()));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdf.toString('latin1');
      // A4 is 595.3 x 841.9 points
      const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) {
        expect(Number(box[1])).toBeCloseTo(595.3, 0);
        expect(Number(box[2])).toBeCloseTo(841.9, 0);
      }
      expect(pdf.length).toBeGreaterThan(10_000);
    },
    60_000,
  );

  it('names the fix when Chromium is absent', async () => {
    await expect(
      renderReportPdf('<p>x</p>', { chromiumPath: '/nonexistent/chromium' }),
    ).rejects.toThrow(UnavailableError);
    await expect(
      renderReportPdf('<p>x</p>', { chromiumPath: '/nonexistent/chromium' }),
    ).rejects.toThrow(/apt-get install chromium/);
  });
});
