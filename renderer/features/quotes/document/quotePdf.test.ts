import { describe, expect, it } from 'vitest';
import { quoteDocument } from '../../../../shared/quotes/quoteDocument';
import { makeAccount, makeLine, makeQuote } from '../../../../shared/testing/docs.fixture';
import { pdfText } from '../../../../test/support/pdfText';
import { printable, quotePdf } from './quotePdf';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const account = makeAccount({
  name: 'Bluepeak Outfitters',
  sites: [{ id: 's-1', name: 'Head office', street: '12 Canyon Mall', city: 'Boulder', postcode: '80301', country: 'US' }],
});
const quote = makeQuote({
  version: 2,
  status: 'approved',
  items: [
    makeLine({ offeringName: 'Business Fibre Internet', quantity: 2, characteristics: [{ name: 'Bandwidth', value: '1 Gbps' }] }),
    makeLine({ id: 'line-2', offeringName: 'SD-WAN Edge', oneTime: 49900, recurring: 12900, characteristics: [] }),
  ],
});
const AT = '2026-12-02T14:05:00.000Z';

describe('the quote PDF, read back by PDF.js', () => {
  it('says who the customer is, the lines with their characteristics, the totals and the version, and that it is not signed yet', async () => {
    const read = await pdfText(quotePdf(quoteDocument({ quote, account, offerings: [] }), quote.updatedAt));
    expect(read.text).toContain('Outpost Telecom Business Sales');
    expect(read.text).toContain('Quote for Bluepeak Outfitters, version 2');
    expect(read.text).toContain('Head office: 12 Canyon Mall, Boulder 80301, US');
    expect(read.text).toContain('Business Fibre Internet × 2');
    expect(read.text).toContain('Bandwidth: 1 Gbps');
    expect(read.text).toContain('SD-WAN Edge × 1');
    expect(read.text).toContain('$749.00'); // one-time total: 250.00 + 499.00
    expect(read.text).toContain('$328.00 / month'); // monthly total: 199.00 + 129.00
    expect(read.text).toContain('This offer is valid from');
    expect(read.text).toContain('Not signed yet');
    expect(read.info.Title).toBe('Quote for Bluepeak Outfitters, version 2');
    expect(read.images).toBe(0);
  });

  it('carries the drawn signature as an image with the signer and the time', async () => {
    const signed = { ...quote, signature: { signerName: 'Dana Customer', signedAt: AT, method: 'drawn' as const, image: PNG } };
    const bytes = quotePdf(quoteDocument({ quote: signed, account, offerings: [] }), AT);
    const read = await pdfText(bytes);
    expect(read.text).toContain('Signed by Dana Customer on 2026-12-02 14:05 UTC');
    expect(read.text).toContain('Signed by hand on the laptop.');
    expect(read.images).toBe(1);
    // Made again from the same signed version, it is the same file.
    expect(quotePdf(quoteDocument({ quote: signed, account, offerings: [] }), AT)).toEqual(bytes);
  });

  it('breaks onto more pages for a long quote, and shows a typed signature as the name', async () => {
    const items = Array.from({ length: 40 }, (_, i) => makeLine({ id: `l-${i}`, offeringName: `Mobile line ${i + 1}` }));
    const long = { ...quote, items, signature: { signerName: 'Zoë Ørsted-Łukasz', signedAt: AT, method: 'typed' as const } };
    const read = await pdfText(quotePdf(quoteDocument({ quote: long, account, offerings: [] }), AT));
    expect(read.pages).toBeGreaterThan(1);
    expect(read.text).toContain('Mobile line 40 × 1');
    expect(read.text).toContain('Signed by Zoë Ørsted-Lukasz on');
    expect(read.text).toContain('Signed electronically by typing the name.');
  });

  it('folds what the standard fonts cannot show', () => {
    expect(printable('Zoë Łukasz 東京 €5 – ok')).toBe('Zoë Lukasz ?? €5 – ok');
  });
});
