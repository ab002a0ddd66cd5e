/**
 * Lays out the quote document model (shared/quotes/quoteDocument.ts) as an A4 PDF with jsPDF, on
 * the laptop, offline. The file is reproducible: its dates and id come from the quote version,
 * not from the clock, so the copy of a signed version made again is the same document.
 */
import { jsPDF } from 'jspdf';
import type { QuoteDocumentModel } from '../../../../shared/quotes/quoteDocument';

const PAGE = { width: 210, height: 297, margin: 18 };
const WIDTH = PAGE.width - 2 * PAGE.margin;
const LINE = 5;
const SIGNATURE_BOX = { width: 70, height: 70 / 3 };

/**
 * The standard PDF fonts hold Windows-1252 only: accents are folded to their letter, anything
 * else that font cannot show becomes "?" (no font is embedded, which keeps the file small).
 */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
/** Latin letters that carry their stroke in the letter itself, so no decomposition takes it off. */
const STROKED: Readonly<Record<string, string>> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't' };
export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(char)) out += char;
    else if (char === '\n' || char === '\t') out += ' ';
    else {
      const folded = STROKED[char] ?? char.normalize('NFKD').replace(/\p{M}+/gu, '');
      out += /^[\x20-\x7e]+$/.test(folded) ? folded : '?';
    }
  }
  return out;
}

/** 32 hex digits from the version's id: the PDF's /ID, stable for one version. */
function fileIdOf(seed: string): string {
  let hex = '';
  for (let round = 0; round < 4; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    hex += hash.toString(16).padStart(8, '0');
  }
  return hex.toUpperCase();
}

class Writer {
  y = PAGE.margin;
  constructor(readonly pdf: jsPDF) {}

  room(height: number): void {
    if (this.y + height <= PAGE.height - PAGE.margin) return;
    this.pdf.addPage();
    this.y = PAGE.margin;
  }

  text(text: string, options: { size?: number; bold?: boolean; indent?: number; right?: string } = {}): void {
    const { size = 10, bold = false, indent = 0 } = options;
    this.pdf.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(size);
    const rightWidth = options.right === undefined ? 0 : this.pdf.getTextWidth(printable(options.right)) + 4;
    const lines = this.pdf.splitTextToSize(printable(text), WIDTH - indent - rightWidth) as string[];
    const height = (LINE * size) / 10;
    lines.forEach((line, index) => {
      this.room(height);
      this.pdf.text(line, PAGE.margin + indent, this.y);
      if (index === 0 && options.right !== undefined) {
        this.pdf.text(printable(options.right), PAGE.width - PAGE.margin, this.y, { align: 'right' });
      }
      this.y += height;
    });
  }

  heading(text: string): void {
    this.gap(3);
    this.room(14);
    this.text(text, { size: 12, bold: true });
    this.pdf.setDrawColor(160).line(PAGE.margin, this.y - 3.5, PAGE.width - PAGE.margin, this.y - 3.5);
    this.gap(1);
  }

  gap(mm: number): void {
    this.y += mm;
  }
}

function signatureBlock(w: Writer, model: QuoteDocumentModel): void {
  w.heading('Signature');
  const signature = model.signature;
  if (signature === null) {
    w.text('Not signed yet. Signed by the customer on the laptop, this copy carries the signature, the name and the time.');
    return;
  }
  if (signature.image !== undefined) {
    w.room(SIGNATURE_BOX.height + 2);
    w.pdf.addImage(signature.image, 'PNG', PAGE.margin, w.y, SIGNATURE_BOX.width, SIGNATURE_BOX.height);
    w.gap(SIGNATURE_BOX.height + 2);
  } else {
    w.text(signature.signerName, { size: 16 });
  }
  w.text(`Signed by ${signature.signerName} on ${signature.signedAt}`, { bold: true });
  w.text(signature.method === 'drawn' ? 'Signed by hand on the laptop.' : 'Signed electronically by typing the name.');
}

/** The PDF of one quote version, as bytes. */
export function quotePdf(model: QuoteDocumentModel, producedAt: string): Uint8Array {
  const pdf = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
  pdf.setProperties({
    title: printable(model.title),
    subject: `Quote ${model.reference.quoteId} version ${model.reference.version}`,
    author: printable(model.company.name),
    creator: 'Outpost',
  });
  pdf.setCreationDate(new Date(producedAt));
  pdf.setFileId(fileIdOf(`${model.reference.quoteId}:${model.reference.version}`));
  const w = new Writer(pdf);

  w.text(model.company.name, { size: 16, bold: true });
  for (const line of [...model.company.addressLines, model.company.contact]) w.text(line, { size: 9 });
  w.gap(4);
  w.text(model.title, { size: 14, bold: true });
  w.text(`Quote ${model.reference.quoteId} · Version ${model.reference.version} · ${model.reference.date}`, { size: 9 });
  w.text(`Status: ${model.reference.status} · Priced with catalog ${model.reference.catalogVersion}`, { size: 9 });

  w.heading('Customer');
  w.text(model.customer.name, { bold: true });
  w.text(`Account ${model.customer.accountId}${model.customer.country ? ` · ${model.customer.country}` : ''}`);
  if (model.customer.billingAccounts.length > 0) w.text(`Billing: ${model.customer.billingAccounts.join(', ')}`);

  w.heading('Sites');
  if (model.sites.length === 0) w.text('No service address recorded on the account.');
  for (const site of model.sites) w.text(site);

  w.heading('Lines');
  w.text('Line', { bold: true, right: 'One-time · Monthly' });
  for (const line of model.lines) {
    w.gap(1);
    w.text(`${line.name} × ${line.quantity}`, { bold: true, right: `${line.oneTime} · ${line.recurring}` });
    for (const characteristic of line.characteristics) w.text(characteristic, { size: 9, indent: 4 });
    for (const discount of line.discounts) w.text(`Discount: ${discount}`, { size: 9, indent: 4 });
  }

  w.heading('Totals');
  w.text('One-time total', { bold: true, right: model.totals.oneTime });
  w.text('Monthly total', { bold: true, right: model.totals.recurring });

  w.heading('Discounts');
  if (model.discounts.length === 0) w.text('No discount applies.');
  for (const discount of model.discounts) w.text(discount);

  w.heading('Terms');
  model.terms.forEach((term, index) => w.text(`${index + 1}. ${term}`, { size: 9 }));

  w.heading('Validity');
  w.text(model.validity.text);

  signatureBlock(w, model);
  return new Uint8Array(pdf.output('arraybuffer'));
}
