import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeUnsafeText, unsafeTextProblems, unsafeTextReason } from './unsafeText';

describe('unsafeTextReason', () => {
  it('accepts ordinary text, accents, emoji, tabs and line breaks', () => {
    for (const text of ['Main St 1', 'Zürich – Straße', 'Café 😀', 'line 1\nline 2\r\n\tindented', '']) {
      expect(unsafeTextReason(text)).toBeNull();
    }
  });

  it('names a NUL and where it is', () => {
    expect(unsafeTextReason('Main\u0000St')).toBe('contains a NUL character at position 5; delete it or type the text again');
  });

  it('names other control characters by code point', () => {
    expect(unsafeTextReason('a\u001Bb')).toContain('U+001B');
    expect(unsafeTextReason('a\u007Fb')).toContain('U+007F');
  });

  it('refuses lone surrogates of either half but not a whole pair', () => {
    expect(unsafeTextReason('x\uD800')).toContain('broken character');
    expect(unsafeTextReason('\uDC00x')).toContain('position 1');
    expect(unsafeTextReason('\uD83D\uDE00')).toBeNull();
  });

  it('accepts every well-formed string without control characters (property)', () => {
    // eslint-disable-next-line no-control-regex -- the property is about control characters
    const safe = fc.string({ unit: 'grapheme' }).filter((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s));
    fc.assert(fc.property(safe, (text) => unsafeTextReason(text) === null));
  });

  it('finds a NUL or lone surrogate wherever it is inserted (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\u0007'), (a, b, bad) => {
        // A lone high surrogate right before a low one would pair up: keep the probe lone.
        const text = `${a.replace(/[\uD800-\uDFFF]/g, '')}${bad}${b.replace(/[\uD800-\uDFFF]/g, '')}`;
        return unsafeTextReason(text) !== null;
      }),
    );
  });
});

describe('unsafeTextProblems', () => {
  it('gives the dotted path of every bad string, keys included', () => {
    const problems = unsafeTextProblems({ name: 'ok', address: { street: 'a\u0000' }, lines: [{ note: '\uD800' }], ['k\u0001']: 1 });
    expect(problems.map((p) => p.path)).toEqual(['address.street', 'lines.0.note', 'k\u0001']);
    expect(describeUnsafeText(problems)).toContain('address.street contains a NUL character');
  });
});
