/**
 * Quote versions through the real sync push: only the latest version of an opportunity's quote
 * may be accepted (the quote machine's gate, fed with the versions stored or pushed with it), a
 * signed version never changes but to be accepted (its sales agreement comes with the acceptance,
 * then never changes, and is read as a TMF651 Agreement), and a rep-created account is judged by
 * the new-account rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Api, type Json } from '../../test/client';
import { newAccount } from '../../test/fixtures';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { newQuote } from '../../test/salesFixtures';
import { withAgreement } from '../../../../shared/quotes/salesAgreement';
import type { QuoteDoc } from '../../../../shared/schemas';

const AGREEMENT = '/tmf-api/agreementManagement/v4/agreement';

const SIGNED_AT = '2026-12-01T10:00:00.000Z';
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const signature = { signerName: 'Dana Customer', signedAt: SIGNED_AT, method: 'drawn' as const, image: PNG };

describe.each(ENGINES)('quote versions and rep-created accounts on $name', (engine) => {
  let central: TestCentral;
  let alex: Api;
  beforeAll(async () => {
    central = await startCentral(engine);
    alex = api(central.url, await signIn(central.url, 'alex'));
  });
  afterAll(() => central?.close());

  const stored = async (collection: string, id: string) =>
    (await alex.pull(collection, 0, 2000)).documents.find((doc) => doc.id === id) as Json | undefined;

  it('refuses to accept a version a later one supersedes, and accepts the latest', async () => {
    const v1 = newQuote('user-alex', { status: 'approved' });
    expect(await alex.push('quotes', [{ newDocumentState: v1 }])).toEqual([]);
    const v2 = { ...newQuote('user-alex', { opportunityId: v1.opportunityId, version: 2 }) };
    expect(await alex.push('quotes', [{ newDocumentState: v2 }])).toEqual([]);

    const storedV1 = (await stored('quotes', v1.id)) as Json;
    const [refused] = await alex.push('quotes', [
      { newDocumentState: { ...v1, status: 'accepted', acceptedAt: '2026-12-01T10:00:00.000Z' }, assumedMasterState: storedV1 },
    ]);
    expect((refused?.syncError as Json | undefined)?.reason).toContain('superseded by version 2');
    expect((await stored('quotes', v1.id))?.status).toBe('approved');

    // The latest version goes through: submitted (approved within authority) and accepted in one push.
    const storedV2 = (await stored('quotes', v2.id)) as Json;
    const accepted = { ...v2, status: 'accepted', acceptedAt: '2026-12-01T11:00:00.000Z' };
    expect(await alex.push('quotes', [{ newDocumentState: accepted, assumedMasterState: storedV2 }])).toEqual([]);
    expect((await stored('quotes', v2.id))?.status).toBe('accepted');
  });

  it('judges a superseded acceptance by a later version pushed with it', async () => {
    const v1 = newQuote('user-alex', { status: 'accepted', acceptedAt: '2026-12-01T10:00:00.000Z' });
    const v2 = newQuote('user-alex', { opportunityId: v1.opportunityId, version: 2 });
    const answer = await alex.push('quotes', [{ newDocumentState: v2 }, { newDocumentState: v1 }]);
    expect(answer).toHaveLength(1);
    expect(answer[0]?.id).toBe(v1.id);
    expect(await stored('quotes', v1.id)).toBeUndefined();
  });

  it('stores a new account with its parent and named site, and says what to fix on a blank name', async () => {
    const head = newAccount('user-alex', { name: 'Harbor Group' });
    const branch = newAccount('user-alex', {
      name: 'Harbor Stockton',
      parentAccountId: head.id,
      sites: [{ id: 'site-s', name: 'Stockton depot', street: '88 Cargo Way', city: 'Stockton', postcode: '95206', country: 'US' }],
    });
    expect(await alex.push('accounts', [{ newDocumentState: head }, { newDocumentState: branch }])).toEqual([]);
    expect(await stored('accounts', branch.id)).toMatchObject({ parentAccountId: head.id, sites: [{ name: 'Stockton depot' }] });

    const blank = newAccount('user-alex', { name: '  ', parentAccountId: 'x' });
    const self = { ...blank, parentAccountId: blank.id };
    const [answer] = await alex.push('accounts', [{ newDocumentState: self }]);
    expect((answer?.syncError as Json | undefined)?.reason).toBe(
      'Enter the name of the customer; An account cannot be its own parent; choose another parent account or none',
    );
  });

  // The customer's signature (shared/quotes/quoteSignature.ts, judged in platform/sync/statusGate.ts), on this same central system.
  describe('signed quote versions', () => {
    let morgan: Api;
    beforeAll(async () => {
      morgan = api(central.url, await signIn(central.url, 'morgan'));
    });
    const storedQuote = async (id: string) =>
      (await alex.pull('quotes', 0, 2000)).documents.find((doc) => doc.id === id) as Json | undefined;
    const reasonOf = (answer: Json[]) => (answer[0]?.syncError as Json | undefined)?.reason;

    it('stores the signature of an approved version, then refuses every change of it but its acceptance', async () => {
      const approved = newQuote('user-alex', { status: 'approved' });
      expect(await alex.push('quotes', [{ newDocumentState: approved }])).toEqual([]);
      const signed = { ...approved, signature };
      expect(await alex.push('quotes', [{ newDocumentState: signed, assumedMasterState: await storedQuote(approved.id) }])).toEqual([]);
      const master = (await storedQuote(approved.id)) as Json;
      expect(master.signature).toEqual(signature);

      const relined = { ...signed, items: [{ ...signed.items[0]!, quantity: 9 }] };
      const edit = await alex.push('quotes', [{ newDocumentState: relined, assumedMasterState: master }]);
      expect(reasonOf(edit)).toContain('is signed by Dana Customer, so its items cannot change; revise it as a new version');
      const resigned = await alex.push('quotes', [
        { newDocumentState: { ...signed, signature: { ...signature, signerName: 'Eve' } }, assumedMasterState: master },
      ]);
      expect(reasonOf(resigned)).toContain('is signed by Dana Customer, so its signature cannot change');
      const { signature: _dropped, ...unsigned } = signed;
      expect(reasonOf(await alex.push('quotes', [{ newDocumentState: unsigned, assumedMasterState: master }]))).toContain(
        'so its signature cannot change',
      );
      const declined = await alex.push('quotes', [{ newDocumentState: { ...signed, status: 'rejected' }, assumedMasterState: master }]);
      expect(reasonOf(declined)).toContain('so it can only be accepted, not rejected');
      const deleted = await alex.push('quotes', [{ newDocumentState: { ...signed, _deleted: true }, assumedMasterState: master }]);
      expect(reasonOf(deleted)).toContain('cannot be deleted');
      expect(await storedQuote(approved.id)).toEqual(master);

      const accepted = { ...signed, status: 'accepted', acceptedAt: '2026-12-01T11:00:00.000Z' };
      expect(await alex.push('quotes', [{ newDocumentState: accepted, assumedMasterState: master }])).toEqual([]);
      const acceptedMaster = (await storedQuote(approved.id)) as Json;
      expect(acceptedMaster).toMatchObject({ status: 'accepted', signature });
      const late = await alex.push('quotes', [
        { newDocumentState: { ...accepted, totals: { ...accepted.totals, recurring: 1 } }, assumedMasterState: acceptedMaster },
      ]);
      expect(reasonOf(late)).toContain('cannot change');
      expect((await storedQuote(approved.id))?.totals).toEqual(approved.totals);
    });

    it('takes a quote made, submitted, signed and accepted offline in one push', async () => {
      const offline = newQuote('user-alex', { status: 'accepted', acceptedAt: '2026-12-01T12:00:00.000Z', signature });
      expect(await alex.push('quotes', [{ newDocumentState: offline }])).toEqual([]);
      expect((await storedQuote(offline.id))?.signature).toEqual(signature);
    });

    it('stores the sales agreement made with the acceptance, reads it as a TMF651 Agreement for its owner and manager only, and never lets it change', async () => {
      const approved = newQuote('user-alex', { status: 'approved', signature });
      expect(await alex.push('quotes', [{ newDocumentState: approved }])).toEqual([]);
      const master = await storedQuote(approved.id);
      const accepted = withAgreement({ ...approved, status: 'accepted', acceptedAt: '2026-12-01T13:00:00.000Z' } as QuoteDoc, {
        id: approved.accountId,
        name: 'Harbor Logistics',
      });
      const agreement = accepted.agreement!;
      expect(await alex.push('quotes', [{ newDocumentState: accepted, assumedMasterState: master }])).toEqual([]);
      const acceptedMaster = (await storedQuote(approved.id)) as Json;
      expect(acceptedMaster.agreement).toEqual(agreement);

      const read = await alex.get(`${AGREEMENT}/${agreement.id}`);
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({
        id: agreement.id,
        '@type': 'Agreement',
        status: 'approved',
        agreementPeriod: agreement.agreementPeriod,
        engagedParty: [{ role: 'customer', name: 'Harbor Logistics' }, { role: 'seller' }],
        agreementItem: approved.items.map((line) => ({ id: line.id, productOffering: [{ id: line.offeringId }] })),
        relatedEntity: [{ id: approved.id, '@referredType': 'Quote' }, { id: approved.accountId }],
      });
      const ids = async (client: Api) => ((await (await client.get(`${AGREEMENT}?limit=1000`)).json()) as Json[]).map((a) => a.id);
      expect(await ids(alex)).toContain(agreement.id);
      expect(await ids(morgan)).toContain(agreement.id);
      expect((await morgan.get(`${AGREEMENT}/${agreement.id}`)).status).toBe(200);
      const sam = api(central.url, await signIn(central.url, 'sam'));
      expect((await sam.get(`${AGREEMENT}/${agreement.id}`)).status).toBe(404);
      expect(await ids(sam)).not.toContain(agreement.id);

      // A signed, accepted version is immutable, its agreement too: changed, dropped or added late.
      const longer = { ...agreement, agreementPeriod: { ...agreement.agreementPeriod, endDateTime: '2099-01-01T00:00:00.000Z' } };
      const changed = await alex.push('quotes', [
        { newDocumentState: { ...accepted, agreement: longer }, assumedMasterState: acceptedMaster },
      ]);
      expect(reasonOf(changed)).toContain(`is accepted under sales agreement ${agreement.id}, so the agreement cannot change`);
      const { agreement: _dropped, ...without } = accepted;
      expect(reasonOf(await alex.push('quotes', [{ newDocumentState: without, assumedMasterState: acceptedMaster }]))).toContain(
        'so the agreement cannot change',
      );
      expect(await storedQuote(approved.id)).toEqual(acceptedMaster);

      const late = newQuote('user-alex', { status: 'accepted', acceptedAt: '2026-12-01T14:00:00.000Z', signature });
      expect(await alex.push('quotes', [{ newDocumentState: late }])).toEqual([]);
      const lateMaster = await storedQuote(late.id);
      const added = await alex.push('quotes', [{ newDocumentState: withAgreement(late, null), assumedMasterState: lateMaster }]);
      expect(reasonOf(added)).toContain('was accepted without a sales agreement');
      // Another version's agreement is not this one's.
      const other = newQuote('user-alex', { status: 'accepted', acceptedAt: '2026-12-01T15:00:00.000Z', signature, agreement });
      expect(reasonOf(await alex.push('quotes', [{ newDocumentState: other }]))).toContain('carries a sales agreement that is not its own');
    });

    it('refuses a signature on a version not yet approved, an unusable one, and one the manager adds', async () => {
      const draft = newQuote('user-alex', { signature });
      expect(reasonOf(await alex.push('quotes', [{ newDocumentState: draft }]))).toContain('so it can only be accepted, not inProgress');

      const approved = newQuote('user-alex', { status: 'approved' });
      expect(await alex.push('quotes', [{ newDocumentState: approved }])).toEqual([]);
      const master = await storedQuote(approved.id);
      const script = { ...signature, image: 'data:text/html;base64,PHNjcmlwdD4=' };
      const unusable = await alex.push('quotes', [{ newDocumentState: { ...approved, signature: script }, assumedMasterState: master }]);
      expect(reasonOf(unusable)).toContain('the signature is not usable: The drawn signature could not be read');
      const blank = await alex.push('quotes', [
        { newDocumentState: { ...approved, signature: { ...signature, signerName: ' ' } }, assumedMasterState: master },
      ]);
      expect(reasonOf(blank)).toContain("Type the signer's name");

      const byManager = await morgan.push('quotes', [{ newDocumentState: { ...approved, signature }, assumedMasterState: master }]);
      expect(reasonOf(byManager)).toContain('belongs to another user');
      expect((await storedQuote(approved.id))?.signature).toBeUndefined();
    });
  });
});
