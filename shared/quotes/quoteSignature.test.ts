import { describe, expect, it } from 'vitest';
import { sendQuote } from '../machines/quote.machine';
import { ownerOf, type Actor } from '../machines/send';
import { makeLine, makeQuote } from '../testing/docs.fixture';
import { signatureProblem, signedQuoteChangeRefusal, signQuote, signRefusal } from './quoteSignature';

const approved = makeQuote({ status: 'approved' });
const rep = ownerOf(approved);
const manager: Actor = { kind: 'user', id: 'mgr-1', role: 'manager', manages: (owner) => owner === 'rep-1' };
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const AT = '2024-05-02T10:00:00.000Z';

describe('signing a quote version', () => {
  it('stores who signed, when and how on an approved latest version of the owner', () => {
    const signed = signQuote(approved, { signerName: '  Dana Customer ', method: 'drawn', image: PNG }, AT, rep);
    expect(signed.signature).toEqual({ signerName: 'Dana Customer', signedAt: AT, method: 'drawn', image: PNG });
    expect(signed.status).toBe('approved');
    const typed = signQuote(approved, { signerName: 'Dana Customer', method: 'typed' }, AT, rep);
    expect(typed.signature).toEqual({ signerName: 'Dana Customer', signedAt: AT, method: 'typed' });
  });

  it('is refused, saying why, where the quote may not be put to the customer', () => {
    expect(signRefusal(makeQuote({ status: 'inProgress' }), rep)).toBe('Only an approved quote is signed: this one is inProgress');
    expect(signRefusal(makeQuote({ status: 'pending' }), rep)).toContain('this one is pending');
    expect(signRefusal(approved, rep, { laterVersion: 2 })).toBe('Version 1 is superseded by version 2: only the latest is signed');
    expect(signRefusal(approved, manager)).toBe('Only the rep who owns the quote has the customer sign it');
    const signed = signQuote(approved, { signerName: 'Dana', method: 'typed' }, AT, rep);
    expect(signRefusal(signed, rep)).toBe('Version 1 is already signed by Dana');
    expect(() => signQuote(signed, { signerName: 'Eve', method: 'typed' }, AT, rep)).toThrow('already signed by Dana');
  });

  it('names what to fix in a signature the customer gave', () => {
    expect(signatureProblem({ signerName: ' ', method: 'typed' })).toBe("Type the signer's name");
    expect(signatureProblem({ signerName: 'x'.repeat(121), method: 'typed' })).toContain('keep it to 120 characters');
    expect(signatureProblem({ signerName: 'Dana\u0000', method: 'typed' })).toContain('NUL');
    expect(signatureProblem({ signerName: 'Dana', method: 'drawn' })).toBe(
      'Draw the signature in the box, or sign by typing the name instead',
    );
    expect(signatureProblem({ signerName: 'Dana', method: 'drawn', image: 'data:text/html;base64,PHNjcmlwdD4=' })).toContain(
      'draw it again',
    );
    expect(signatureProblem({ signerName: 'Dana', method: 'typed', image: PNG })).toContain('A typed signature has no drawing');
    expect(signatureProblem({ signerName: 'Dana', method: 'drawn', image: PNG })).toBeNull();
  });
});

describe('a signed version is immutable', () => {
  const signed = signQuote(approved, { signerName: 'Dana Customer', method: 'typed' }, AT, rep);

  it('may be accepted, and synced (bookkeeping changes)', () => {
    const sent = sendQuote(signed, { type: 'quote.accept', at: AT }, rep);
    if (!sent.ok) throw new Error(sent.reason);
    const accepted = sent.doc;
    expect(accepted.status).toBe('accepted');
    expect(signedQuoteChangeRefusal(signed, accepted)).toBeNull();
    expect(signedQuoteChangeRefusal(signed, { ...signed, syncPending: false, updatedAt: AT })).toBeNull();
    expect(signedQuoteChangeRefusal(approved, signed)).toBeNull(); // signing itself
    expect(signedQuoteChangeRefusal(undefined, signed)).toBeNull(); // a new quote pushed signed after an offline day
  });

  it('refuses any change of what it says, of its signature, its deletion, and any status but accepted', () => {
    const line = makeLine({ quantity: 2, oneTime: 50000, recurring: 39800 });
    expect(signedQuoteChangeRefusal(signed, { ...signed, items: [line] })).toBe(
      'Quote quote-1 version 1 is signed by Dana Customer, so its items cannot change; revise it as a new version for the customer to sign',
    );
    expect(signedQuoteChangeRefusal(signed, { ...signed, totals: { ...signed.totals, recurring: 1 }, version: 3 })).toContain(
      'its totals, version cannot change',
    );
    const { signature: _removed, ...unsigned } = signed;
    expect(signedQuoteChangeRefusal(signed, unsigned)).toContain('its signature cannot change');
    expect(signedQuoteChangeRefusal(signed, { ...signed, signature: { ...signed.signature!, signerName: 'Eve' } })).toContain(
      'its signature cannot change',
    );
    expect(signedQuoteChangeRefusal(signed, undefined)).toContain('so it cannot be deleted');
    expect(signedQuoteChangeRefusal(signed, { ...signed, status: 'rejected' })).toBe(
      'Quote quote-1 version 1 is signed by Dana Customer, so it can only be accepted, not rejected',
    );
    expect(signedQuoteChangeRefusal(undefined, { ...signed, status: 'inProgress' })).toContain('not inProgress');
  });

  it('leaves unsigned quotes to the lifecycle rules', () => {
    expect(signedQuoteChangeRefusal(approved, { ...approved, status: 'rejected' })).toBeNull();
    expect(signedQuoteChangeRefusal(makeQuote(), undefined)).toBeNull();
  });
});
