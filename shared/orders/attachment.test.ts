import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attachmentProblems, base64Size, checkAttachment, fromBase64, MAX_ATTACHMENT_BYTES, sniffMediaType, toBase64 } from './attachment';

const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const EXE = new TextEncoder().encode('MZ\x90\x00\x03\x00\x00\x00');

describe('order attachments', () => {
  it('reads the type from the bytes, not the name', () => {
    expect(sniffMediaType(PDF)).toBe('application/pdf');
    expect(sniffMediaType(PNG)).toBe('image/png');
    expect(sniffMediaType(JPEG)).toBe('image/jpeg');
    expect(sniffMediaType(EXE)).toBeUndefined();
    expect(checkAttachment('PO-4711.pdf', PDF.length, PDF)).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(checkAttachment('scan.JPG', 2000, JPEG)).toEqual({ ok: true, mediaType: 'image/jpeg' });
    expect(checkAttachment('letter', 2000, PNG)).toEqual({ ok: true, mediaType: 'image/png' });
  });

  it('refuses a renamed file, one too big, an empty one and a name with a folder, saying what to do', () => {
    const renamed = checkAttachment('PO-4711.pdf', EXE.length, EXE);
    expect(renamed).toEqual({ ok: false, message: expect.stringContaining('is not a PDF, PNG or JPEG file (checked by its content)') });
    expect(checkAttachment('photo.pdf', 2000, PNG)).toEqual({ ok: false, message: expect.stringContaining('rename it to .png') });
    const big = checkAttachment('PO.pdf', MAX_ATTACHMENT_BYTES + 1, PDF);
    expect(big).toEqual({ ok: false, message: expect.stringContaining('attachments may be at most 5.0 MB') });
    expect(checkAttachment('PO.pdf', MAX_ATTACHMENT_BYTES, PDF).ok).toBe(true);
    expect(checkAttachment('PO.pdf', 0, PDF)).toEqual({ ok: false, message: expect.stringContaining('is empty') });
    expect(checkAttachment('../PO.pdf', 10, PDF).ok).toBe(false);
  });

  it('round-trips bytes through base64 and knows their size without decoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        const base64 = toBase64(bytes);
        expect(base64Size(base64)).toBe(bytes.length);
        expect(fromBase64(base64)).toEqual(bytes);
      }),
      { numRuns: 40 },
    );
  });

  it('checks a pushed attachment again on its decoded bytes and its declared size and type', () => {
    const data = toBase64(PDF);
    expect(attachmentProblems({ fileName: 'PO.pdf', size: PDF.length, mediaType: 'application/pdf', data })).toEqual([]);
    expect(attachmentProblems({ fileName: 'PO.pdf', size: 3, mediaType: 'application/pdf', data })[0]).toContain('holds');
    expect(attachmentProblems({ fileName: 'PO.pdf', size: PDF.length, mediaType: 'image/png', data })[0]).toContain(
      'its content is application/pdf',
    );
    expect(attachmentProblems({ fileName: 'PO.pdf', size: EXE.length, mediaType: 'application/pdf', data: toBase64(EXE) })[0]).toContain(
      'is not a PDF',
    );
    expect(attachmentProblems({ fileName: 'PO.pdf', size: 1, mediaType: 'application/pdf', data: 'not base64!' })[0]).toContain(
      'not base64',
    );
  });
});
