/**
 * Discount approval through the real sync push: the central system judges a pushed quote's
 * discounts with its own discount policy (shared/quotes/discountPolicy.ts, through the quote
 * machine's guards and approval check) and stores an approval only from the approver the
 * discount needs: the owner's manager up to 25 %, above that the sales director (a manager of
 * their manager). Everyone else is refused with the reason and the quote stays pending. The
 * levels are the synced `policies` document's: here one that lets the rep decide up to 12 %.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuoteDiscount } from '../../../../shared/quotes/discounts';
import { api, pullAll, signIn, type Api, type Json } from '../../test/client';
import { startCentralWithUsers, type ExtraUser } from '../../test/extraUsers';
import type { RunningCentral } from '../../test/centralOn';
import { ENGINES } from '../../test/harness';
import { newQuote } from '../../test/salesFixtures';
import { DISCOUNT_POLICY_ID } from '../../../../shared/quotes/discountPolicy';
import { takeWriteLock } from '../db/db';
import { writeDoc } from './docs';

/** The discount policy the laptops pull in this file: the rep decides up to 12 % (the built-in default: 10 %). */
const SYNCED_POLICY = {
  id: DISCOUNT_POLICY_ID,
  kind: 'discount',
  name: 'Discount authority',
  levels: [
    { upToPercent: 12, approver: 'rep' },
    { upToPercent: 25, approver: 'manager' },
    { upToPercent: 100, approver: 'director' },
  ],
  updatedAt: '2026-06-01T00:00:00.000Z',
};

/** A team of its own (director dana > manager mia > rep ria), so no demo user count changes. */
const TEAM: ExtraUser[] = [
  { id: 'user-dana', username: 'dana', displayName: 'Dana Director', role: 'manager' },
  { id: 'user-mia', username: 'mia', displayName: 'Mia Manager', role: 'manager', managerId: 'user-dana' },
  { id: 'user-ria', username: 'ria', displayName: 'Ria Rep', role: 'rep', managerId: 'user-mia' },
];

const recurring = (value: number): QuoteDiscount[] => [{ appliesTo: 'recurring', kind: 'percent', value }];

describe.each(ENGINES)('discount approval on sync push, on $name', (engine) => {
  let central: RunningCentral;
  const clients: Record<string, Api> = {};
  beforeAll(async () => {
    central = await startCentralWithUsers(engine, TEAM, {}, async (db) => {
      // The database comes seeded (with the default levels): the central system publishes a changed policy.
      await db.transaction(async (tx) => {
        await takeWriteLock(tx);
        await writeDoc(tx, { collection: 'policies', id: DISCOUNT_POLICY_ID, owner: null, deleted: false, data: SYNCED_POLICY });
      });
    });
    for (const name of ['alex', 'morgan', 'sam', 'jordan', 'dana', 'mia', 'ria'])
      clients[name] = api(central.url, await signIn(central.url, name));
  }, 120_000);
  afterAll(async () => {
    await central?.close();
  });

  const client = (name: string): Api => {
    const found = clients[name];
    if (!found) throw new Error(`no client for ${name}`);
    return found;
  };

  /** The rep submits a quote with these discounts; answers the stored document (or the refusal's reason). */
  async function submit(
    rep: string,
    owner: string,
    discounts: QuoteDiscount[],
    status = 'pending',
  ): Promise<{ doc?: Json; reason?: string }> {
    const { _deleted: _ignored, ...quote } = newQuote(owner, { discounts });
    const [answer] = await client(rep).push('quotes', [{ newDocumentState: { ...quote, status, _deleted: false } }]);
    if (answer) return { reason: String((answer.syncError as Json | undefined)?.reason) };
    return { doc: (await pullAll(client(rep), 'quotes')).documents.find((d) => d.id === quote.id) };
  }

  /** `who` pushes their decision on the stored pending quote; undefined when stored, else the reason. */
  async function decide(who: string, stored: Json, outcome: 'approved' | 'inProgress'): Promise<string | undefined> {
    const decision = {
      outcome: outcome === 'approved' ? 'approved' : 'rejected',
      by: who,
      at: '2026-12-01T10:00:00.000Z',
      comment: 'Checked',
    };
    const row = {
      newDocumentState: { ...stored, status: outcome, approvalDecision: decision, syncPending: true, _deleted: false },
      assumedMasterState: { ...stored, _deleted: false },
    };
    const [answer] = await client(who).push('quotes', [row]);
    return answer === undefined ? undefined : String((answer.syncError as Json | undefined)?.reason);
  }

  async function statusOf(owner: string, id: unknown): Promise<Json | undefined> {
    return (await pullAll(client(owner), 'quotes')).documents.find((d) => d.id === id);
  }

  it('refuses a rep who approves their own discount above their authority by pushing it approved', async () => {
    const result = await submit('alex', 'user-alex', recurring(20), 'approved');
    expect(result.reason).toContain("cannot go as a new quote (which starts 'inProgress') to 'approved'");
  });

  it('stores a discount within the rep authority as approved at once', async () => {
    const result = await submit('alex', 'user-alex', recurring(10), 'approved');
    expect(result.doc).toMatchObject({ status: 'approved', discounts: recurring(10) });
  });

  it("20 %: the owner's manager approves with a comment; the owner and another rep may not", async () => {
    const { doc } = await submit('alex', 'user-alex', recurring(20));
    if (!doc) throw new Error('the pending quote was not stored');
    expect(doc.status).toBe('pending');
    expect(await decide('alex', doc, 'approved')).toContain(
      'may be sent only by a manager of its owner (never the owner), not by user-alex (rep)',
    );
    expect(await decide('sam', doc, 'approved')).toBeDefined();
    expect((await statusOf('alex', doc.id))?.status).toBe('pending');
    expect(await decide('morgan', doc, 'approved')).toBeUndefined();
    expect(await statusOf('alex', doc.id)).toMatchObject({
      status: 'approved',
      owner: 'user-alex',
      approvalDecision: { outcome: 'approved', by: 'morgan', comment: 'Checked' },
    });
  });

  it('30 %: the manager may neither approve nor send back; the sales director approves', async () => {
    const { doc } = await submit('ria', 'user-ria', recurring(30));
    if (!doc) throw new Error('the pending quote was not stored');
    const needsDirector =
      'must be decided by the sales director (30 % off recurring charges needs the sales director), not by user-mia (manager)';
    expect(await decide('mia', doc, 'approved')).toContain(needsDirector);
    expect(await decide('mia', doc, 'inProgress')).toContain(needsDirector);
    // A manager of another team is no approver of ria's quote at all.
    expect(await decide('morgan', doc, 'approved')).toBeDefined();
    expect((await statusOf('ria', doc.id))?.status).toBe('pending');
    expect(await decide('dana', doc, 'approved')).toBeUndefined();
    expect(await statusOf('ria', doc.id)).toMatchObject({ status: 'approved', approvalDecision: { outcome: 'approved', by: 'dana' } });
  });

  it('judges with the synced policy: 12 % is the rep’s to decide there (the default would ask the manager)', async () => {
    const policies = (await pullAll(client('alex'), 'policies')).documents;
    expect(policies.find((d) => d.id === DISCOUNT_POLICY_ID)).toMatchObject({ kind: 'discount', levels: SYNCED_POLICY.levels });
    expect((await submit('alex', 'user-alex', recurring(12), 'approved')).doc).toMatchObject({ status: 'approved' });
    expect((await submit('alex', 'user-alex', recurring(13), 'approved')).reason).toContain("to 'approved'");
  });

  it('the seeded sales director (jordan, above morgan) approves 30 % on alex’s quote; morgan may not', async () => {
    const { doc } = await submit('alex', 'user-alex', recurring(30));
    if (!doc) throw new Error('the pending quote was not stored');
    expect(await decide('morgan', doc, 'approved')).toContain('must be decided by the sales director');
    expect((await statusOf('alex', doc.id))?.status).toBe('pending');
    expect(await decide('jordan', doc, 'approved')).toBeUndefined();
    expect(await statusOf('alex', doc.id)).toMatchObject({ status: 'approved', approvalDecision: { outcome: 'approved', by: 'jordan' } });
  });

  it('GET /me tells the laptop who is the sales director', async () => {
    const me = async (name: string) => (await (await client(name).get('/me')).json()) as Json;
    expect(await me('jordan')).toMatchObject({ username: 'jordan', role: 'manager', salesDirector: true });
    expect((await me('morgan')).salesDirector).toBeUndefined();
    expect((await me('alex')).salesDirector).toBeUndefined();
  });

  it('the director sees the reps of their managers; a plain manager only their own', async () => {
    const dana = (await pullAll(client('dana'), 'quotes')).documents.map((d) => d.owner);
    expect(dana).toContain('user-ria');
    const mia = (await pullAll(client('mia'), 'quotes')).documents.map((d) => d.owner);
    expect(new Set(mia)).toEqual(new Set(['user-ria']));
  });

  it('a rep cannot deepen the discount of an approved quote without reopening it for approval', async () => {
    const { doc } = await submit('alex', 'user-alex', recurring(5), 'approved');
    if (!doc) throw new Error('the approved quote was not stored');
    const row = {
      newDocumentState: { ...doc, discounts: recurring(40), _deleted: false },
      assumedMasterState: { ...doc, _deleted: false },
    };
    const [answer] = await client('alex').push('quotes', [row]);
    expect(String((answer?.syncError as Json | undefined)?.reason)).toContain('is approved, so its discounts cannot change');
    // Reopened and submitted again, it waits for approval.
    const reopened = {
      newDocumentState: { ...doc, discounts: recurring(40), status: 'pending', _deleted: false },
      assumedMasterState: { ...doc, _deleted: false },
    };
    expect(await client('alex').push('quotes', [reopened])).toEqual([]);
    expect((await statusOf('alex', doc.id))?.status).toBe('pending');
  });
});
