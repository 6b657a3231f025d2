// The report's HTML page printed to an A4 PDF by headless Chromium (Debian's package, driven by
// playwright-core; never a downloaded browser). Without Chromium: an UnavailableError naming the fix.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { UnavailableError } from '../errors';

export const defaultChromiumPath = '/usr/bin/chromium';
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

export interface RenderPdfOptions {
  /** the Chromium binary; default /usr/bin/chromium */
  chromiumPath?: string;
  /** gives up after this long; default 30 s */
  timeoutMs?: number;
}

export function pdfAvailable(chromiumPath = defaultChromiumPath): boolean {
  return existsSync(chromiumPath);
}

export async function renderReportPdf(
  html: string,
  options: RenderPdfOptions = {},
): Promise<Buffer> {
  const executablePath = options.chromiumPath ?? defaultChromiumPath;
  if (!existsSync(executablePath))
    throw new UnavailableError(
      `PDF export needs Chromium, and there is none at ${executablePath}: install it (apt-get install chromium) or export as html and print that page`,
    );
  const timeout = options.timeoutMs ?? 30_000;
  const browser = await chromium.launch({ executablePath, args: chromiumFlags, timeout });
  try {
    const page = await browser.newPage();
    // The page is self-contained: any request it tried to make would be a bug, so none is served.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load', timeout });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
