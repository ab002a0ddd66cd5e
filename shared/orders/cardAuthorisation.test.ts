import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECLINE_CARD } from './card';
import { CARD_AUTHORISATION_LIMIT, describeCard, formatCents, judgeCardAuthorisation, requestIssues } from './cardAuthorisation';

const NOW = new Date('2026-12-03T12:00:00.000Z');
const REQUEST = {
  orderId: 'order-1',
  cardNumber: '4242 4242 4242 4242',
  cardExpiry: '12/28',
  cardCvc: '123',
  amount: 123_400,
  currency: 'USD',
};

describe('judgeCardAuthorisation', () => {
  it('approves a good card with its brand and last four only, held for seven days', () => {
    const verdict = judgeCardAuthorisation(REQUEST, NOW);
    expect(verdict).toEqual({ kind: 'approved', brand: 'visa', last4: '4242', expiresAt: new Date('2026-12-10T12:00:00.000Z') });
    expect(JSON.stringify(verdict)).not.toContain('4242424242424242');
  });

  it('declines the documented decline card, saying what to do', () => {
    const verdict = judgeCardAuthorisation({ ...REQUEST, cardNumber: DECLINE_CARD }, NOW);
    expect(verdict).toEqual({ kind: 'declined', reason: expect.stringMatching(/^Declined: .*another card, or choose invoice$/) });
  });

  it('declines exactly the amounts above the limit, naming both', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: CARD_AUTHORISATION_LIMIT * 4 }), (amount) => {
        const verdict = judgeCardAuthorisation({ ...REQUEST, amount }, NOW);
        expect(verdict.kind).toBe(amount > CARD_AUTHORISATION_LIMIT ? 'declined' : 'approved');
      }),
    );
    const over = judgeCardAuthorisation({ ...REQUEST, amount: CARD_AUTHORISATION_LIMIT + 1 }, NOW);
    expect(over).toEqual({
      kind: 'declined',
      reason: 'Declined: $25,000.01 is above the $25,000.00 a card may be authorised for; choose invoice for this order',
    });
  });

  it('names every bad field at once, and never echoes the card', () => {
    const bad = { orderId: '', cardNumber: '4242 4242 4242 4241', cardExpiry: '13/28', cardCvc: '12', amount: 12.5, currency: 'usd' };
    const verdict = judgeCardAuthorisation(bad, NOW);
    expect(verdict.kind).toBe('invalid');
    const issues = verdict.kind === 'invalid' ? verdict.issues : [];
    expect(issues.map((issue) => issue.field)).toEqual(['orderId', 'cardNumber', 'cardExpiry', 'cardCvc', 'amount', 'currency']);
    expect(JSON.stringify(issues)).not.toContain('4241');
  });

  it('reports fields of the wrong type, or a body that is no object, as missing rather than failing', () => {
    fc.assert(
      fc.property(fc.anything(), (body) => {
        const issues = requestIssues(body, NOW);
        expect(issues.length).toBeGreaterThan(0);
      }),
    );
    expect(requestIssues({ ...REQUEST, amount: '1234' }, NOW).map((issue) => issue.field)).toEqual(['amount']);
  });
});

describe('status text', () => {
  it('formats cents and names the card', () => {
    expect(formatCents(123_400, 'USD')).toBe('$1,234.00');
    expect(describeCard('visa', '4242')).toBe('Visa ending 4242');
  });
});
