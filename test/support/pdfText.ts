/**
 * The text of a PDF as a reader gets it, by Mozilla's PDF.js (legacy build: runs in Node, no
 * worker, no canvas). The quote document tests read what the customer's copy really says.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

// The metrics of the 14 standard fonts, which the quote PDF uses without embedding them.
const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export interface PdfText {
  pages: number;
  /** Each page's text items joined by spaces, pages by line breaks. */
  text: string;
  info: Record<string, unknown>;
  images: number;
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  // PDF.js takes the buffer over: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl })
    .promise;
  try {
    const pages: string[] = [];
    let images = 0;
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
      const ops = await page.getOperatorList();
      images += ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
    }
    const meta = await doc.getMetadata();
    return { pages: doc.numPages, text: pages.join('\n'), info: meta.info as Record<string, unknown>, images };
  } finally {
    await doc.destroy();
  }
}
