import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardDigits, cardIssues, cardReference, DECLINE_CARD, expiryEnd, luhnValid } from './card';

const NOW = new Date('2026-12-03T12:00:00.000Z');

/** A number with its Luhn check digit appended. */
function withCheckDigit(body: string): string {
  for (let check = 0; check <= 9; check++) if (luhnValid(`${body}${check}`)) return `${body}${check}`;
  throw new Error('no check digit');
}

describe('luhnValid', () => {
  it('accepts the well-known test cards and the decline card, and refuses them with a digit changed', () => {
    for (const card of ['4242424242424242', '5555555555554444', '378282246310005', DECLINE_CARD]) {
      expect(luhnValid(card)).toBe(true);
      const last = Number(card.slice(-1));
      expect(luhnValid(`${card.slice(0, -1)}${(last + 1) % 10}`)).toBe(false);
    }
  });

  it('finds exactly one check digit for any body, and catches every single-digit typing error', () => {
    const body = fc.stringMatching(/^\d{11,18}$/);
    fc.assert(
      fc.property(body, fc.nat(), fc.integer({ min: 1, max: 9 }), (digits, at, shift) => {
        const card = withCheckDigit(digits);
        expect([...Array(10).keys()].filter((check) => luhnValid(`${digits}${check}`))).toHaveLength(1);
        const i = at % card.length;
        const typo = `${card.slice(0, i)}${(Number(card[i]) + shift) % 10}${card.slice(i + 1)}`;
        expect(luhnValid(typo)).toBe(false);
      }),
    );
  });
});

describe('cardIssues', () => {
  const good = { number: '4242 4242 4242 4242', expiry: '12/26', cvc: '123' };

  it('accepts a valid card typed with spaces, the decline card included (declining is the authorisation, not the form)', () => {
    expect(cardIssues(good, NOW)).toEqual([]);
    expect(cardIssues({ ...good, number: DECLINE_CARD }, NOW)).toEqual([]);
  });

  it('names every field to fix at once', () => {
    expect(cardIssues({ number: '4242 4242 4242 4241', expiry: '11/26', cvc: '12' }, NOW)).toEqual([
      { field: 'cardNumber', message: expect.stringMatching(/^Card number: a digit is wrong/) },
      { field: 'cardExpiry', message: 'Expiry: the card has expired; use another card' },
      { field: 'cardCvc', message: 'Security code: enter the 3 digits on the back of the card' },
    ]);
    expect(cardIssues({ number: '4242-abc', expiry: '13/26', cvc: '123' }, NOW).map((issue) => issue.field)).toEqual([
      'cardNumber',
      'cardExpiry',
    ]);
    expect(cardIssues({ number: '378282246310005', expiry: '01/30', cvc: '123' }, NOW)).toEqual([
      { field: 'cardCvc', message: 'Security code: enter the 4 digits on the front of the card' },
    ]);
  });

  it('lets a card run to the last moment of its expiry month', () => {
    expect(expiryEnd('12/26')?.toISOString()).toBe('2026-12-31T23:59:59.999Z');
    expect(cardIssues(good, new Date('2027-01-01T00:00:00.000Z')).map((issue) => issue.field)).toEqual(['cardExpiry']);
  });
});

describe('cardReference', () => {
  it('keeps the brand and the last four digits only', () => {
    const digits = cardDigits('5555 5555 5555 4444');
    expect(digits && cardReference(digits)).toEqual({ brand: 'mastercard', last4: '4444' });
  });
});
