/**
 * Quote versions through the real sync push: only the latest version of an opportunity's quote
 * may be accepted (the quote machine's gate, fed with the versions stored or pushed with it), and
 * a rep-created account is judged by the new-account rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Api, type Json } from '../../test/client';
import { newAccount } from '../../test/fixtures';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { newQuote } from '../../test/salesFixtures';

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
});
