import { describe, expect, it } from 'vitest';
import { makeQuote } from '../testing/docs.fixture';
import { agreementFromQuote, agreementsInForce, type SalesAgreement } from './salesAgreement';

const CUSTOMER = { id: 'acct-1', name: 'Bluepeak Outfitters' };
const SELLER = { id: 'outpost', name: 'Outpost Telecom' };
const signature = { signerName: 'Dana Bluepeak', signedAt: '2026-12-01T09:00:00.000Z', method: 'typed' as const };
const line = (id: string, term: string) => ({
  id,
  offeringId: 'off-fibre-internet',
  offeringName: 'Business Fibre Internet',
  quantity: 2,
  characteristics: [{ name: 'Contract term', value: term }],
  oneTime: 0,
  recurring: 14900,
});

describe('the sales agreement of an accepted quote (TMF651 Agreement)', () => {
  it('names the parties, the signature, the lines it covers and runs for the longest term of its lines', () => {
    const quote = makeQuote({
      status: 'accepted',
      version: 2,
      acceptedAt: '2026-12-01T10:00:00.000Z',
      signature,
      items: [line('l1', '12 months'), line('l2', '36 months')],
    });
    const made = agreementFromQuote(quote, CUSTOMER, SELLER);
    if (!made.ok) throw new Error(made.reason);
    const { agreement } = made;
    expect(agreement).toMatchObject({
      '@type': 'Agreement',
      status: 'approved',
      quoteId: quote.id,
      quoteVersion: 2,
      agreementPeriod: { startDateTime: '2026-12-01T10:00:00.000Z', endDateTime: '2029-12-01T10:00:00.000Z' },
      agreementAuthorization: [{ signatureRepresentation: 'Dana Bluepeak', state: 'approved' }],
    });
    expect(agreement.engagedParty.map((p) => [p.role, p.name])).toEqual([
      ['customer', 'Bluepeak Outfitters'],
      ['seller', 'Outpost Telecom'],
    ]);
    expect(agreement.agreementItem.map((i) => [i.id, i.quantity, i.termOrCondition[0]?.description])).toEqual([
      ['l1', 2, '12 months from activation'],
      ['l2', 2, '36 months from activation'],
    ]);
    // Made again (a retry, another laptop): the same agreement.
    expect(agreementFromQuote(quote, CUSTOMER, SELLER)).toEqual(made);
  });

  it('is made only from an accepted, signed quote with lines', () => {
    expect(agreementFromQuote(makeQuote({ status: 'approved', signature }), CUSTOMER, SELLER)).toEqual({
      ok: false,
      reason: 'Quote version 1 is not accepted yet',
    });
    expect(agreementFromQuote(makeQuote({ status: 'accepted' }), CUSTOMER, SELLER)).toMatchObject({ ok: false });
  });

  it('lists the agreements in force for a later quote of the account, newest first', () => {
    const of = (id: string, accountId: string, start: string, end: string) =>
      ({ id, accountId, initialDate: start, agreementPeriod: { startDateTime: start, endDateTime: end } }) as SalesAgreement;
    const all = [
      of('old', 'acct-1', '2023-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
      of('a', 'acct-1', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'),
      of('b', 'acct-1', '2026-06-01T00:00:00Z', '2028-01-01T00:00:00Z'),
      of('other', 'acct-2', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'),
    ];
    expect(agreementsInForce(all, 'acct-1', '2026-12-02T00:00:00Z').map((a) => a.id)).toEqual(['b', 'a']);
  });
});
