/**
 * A lead conversion's account, contact and opportunity pushed by rep alex, checked against the
 * stored lead they come from: refused when the lead is closed, someone else's, or converted into
 * other records; stored when the lead is convertible or not here yet (it is judged when it comes).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversionIds } from '../../../../shared/leads/convert';
import { api, pullAll, signIn, type Api, type Json } from '../../test/client';
import { startCentralOn, type RunningCentral } from '../../test/centralOn';
import { prepareDatabase, type TestDatabase } from '../../test/database';
import { newAccount, newLead, pushedMeta } from '../../test/fixtures';
import { ENGINES } from '../../test/harness';
import { writeDocs } from './docs';

const ALEX = 'user-alex';
type Kind = 'account' | 'contact' | 'opportunity';

function stored(owner: string, doc: Json): { id: string; owner: string; deleted: boolean; data: Json } {
  const { _deleted: _ignored, ...data }: Json = { ...doc, owner, syncPending: false };
  return { id: String(doc.id), owner, deleted: false, data };
}

const qualified = { qualified: true, rating: 'A', processingTrace: [] };
const leads = {
  rejected: newLead(ALEX, { ...qualified, status: 'rejected' }) as unknown as Json,
  cancelled: newLead(ALEX, { ...qualified, status: 'cancelled' }) as unknown as Json,
  working: newLead(ALEX, { ...qualified, status: 'inProgress' }) as unknown as Json,
  unqualified: newLead(ALEX, { qualified: false, status: 'acknowledged', processingTrace: [] }) as unknown as Json,
  samsLead: newLead('user-sam', { ...qualified, status: 'inProgress' }) as unknown as Json,
  elsewhere: newLead(ALEX, { ...qualified, status: 'accepted', accountId: randomUUID() }) as unknown as Json,
  absent: newLead(ALEX, qualified) as unknown as Json,
};
type LeadName = keyof typeof leads;

/** The record a conversion of `lead` writes, as the app pushes it. */
function converted(kind: Kind, lead: Json): Json {
  const ids = conversionIds(String(lead.id));
  const meta = { ...pushedMeta(ALEX), _deleted: false };
  if (kind === 'account') return { ...newAccount(ALEX), id: ids.accountId, sourceLeadId: lead.id };
  if (kind === 'contact') return { ...meta, id: ids.contactId, accountId: ids.accountId, name: 'Jo Doe' };
  return { ...meta, id: ids.opportunityId, name: 'Acme – Laptops', accountId: ids.accountId, leadId: lead.id, status: 'acknowledged' };
}

const CASES: { kind: Kind; lead: LeadName; refused?: string }[] = [
  // A disqualified or closed lead can be reopened, processed and converted offline (lead.reopen):
  // its records are stored; the lead's own push is judged by the status gate when it comes.
  { kind: 'account', lead: 'rejected' },
  { kind: 'opportunity', lead: 'unqualified', refused: 'which cannot be converted: it is acknowledged and not qualified' },
  { kind: 'opportunity', lead: 'samsLead', refused: 'which belongs to another user' },
  { kind: 'account', lead: 'elsewhere', refused: `which was converted into account ${String(leads.elsewhere.accountId)}` },
  // Its account is stored (below), so the contact is known to come from the closed lead.
  { kind: 'contact', lead: 'cancelled' },
  { kind: 'account', lead: 'working' },
  { kind: 'opportunity', lead: 'working' },
  { kind: 'account', lead: 'absent' },
];

describe.each(ENGINES)("a lead conversion's records checked against their lead, on $name", (engine) => {
  let database: TestDatabase;
  let central: RunningCentral;
  let rep: Api;
  const answers = new Map<string, Json>();
  beforeAll(async () => {
    database = await prepareDatabase(engine);
    const db = await database.open();
    try {
      await db.transaction(async (tx) => {
        const kept = Object.entries(leads).filter(([name]) => name !== 'absent');
        await writeDocs(
          tx,
          'leads',
          kept.map(([, lead]) => stored(String(lead.owner), lead)),
        );
        await writeDocs(tx, 'accounts', [stored(ALEX, converted('account', leads.cancelled))]);
      });
    } finally {
      await db.close();
    }
    central = await startCentralOn(database.options);
    rep = api(central.url, await signIn(central.url, 'alex'));
    for (const kind of ['account', 'contact', 'opportunity'] as const) {
      const rows = CASES.filter((c) => c.kind === kind).map((c) => ({ newDocumentState: converted(kind, leads[c.lead]) }));
      const pushed = await rep.push(`${kind === 'opportunity' ? 'opportunities' : `${kind}s`}`, rows);
      for (const answer of pushed) answers.set(String(answer.id), answer);
    }
  }, 240_000);
  afterAll(async () => {
    await central?.close();
    await database?.dispose();
  });

  it.each(CASES.filter((c) => c.refused))('refuses the $kind of the $lead lead, saying why', async ({ kind, lead, refused }) => {
    const doc = converted(kind, leads[lead]);
    const reason = String((answers.get(String(doc.id))?.syncError as Json | undefined)?.reason);
    expect(reason).toContain(`comes from converting lead ${String(leads[lead].id)}, ${refused}`);
  });

  it('stores the records of a convertible lead, and of a lead that is not here yet', async () => {
    const all = new Map<string, Json>();
    for (const collection of ['accounts', 'contacts', 'opportunities']) {
      for (const doc of (await pullAll(rep, collection)).documents) all.set(String(doc.id), doc);
    }
    for (const c of CASES.filter((x) => !x.refused)) {
      const id = String(converted(c.kind, leads[c.lead]).id);
      expect(answers.get(id)?.syncError, `${c.kind} of ${c.lead}`).toBeUndefined();
      expect(all.get(id)?.owner, `${c.kind} of ${c.lead}`).toBe(ALEX);
    }
  });
});
