import { convertLead, convertLeadInto } from '../../../shared/leads/convert';
import { ownerOf, type Actor } from '../../../shared/machines/send';
import type { AccountDoc, CollectionDocs, CollectionName, ContactDoc, LeadDoc, OpportunityDoc } from '../../../shared/schemas';
import { collectionOf, type OutpostDatabase } from '../../data/database';
import { saveDocument } from '../../data/writes';

/** Inserts the record unless an earlier try already wrote it (same derived id); that one is kept. */
async function insertOnce<N extends CollectionName>(db: OutpostDatabase, name: N, doc: CollectionDocs[N]): Promise<void> {
  const existing = await collectionOf(db, name).findOne(doc.id).exec();
  if (!existing) await collectionOf(db, name).insert(doc);
}

/**
 * Converts the lead in the local store: account, contact, opportunity, then the lead itself
 * last, so a lead shows as converted only once all three exist. Every write is idempotent (the
 * ids derive from the lead), so after a failure part-way the rep simply tries again.
 */
export async function convertLeadInStore(
  db: OutpostDatabase,
  lead: LeadDoc,
  now: string,
  actor: Actor = ownerOf(lead),
  into?: { account: AccountDoc; contact?: ContactDoc },
): Promise<OpportunityDoc> {
  if (into) {
    // Into an existing account (conversionOffers.ts): only the opportunity, and the contact when new, are written.
    const { contact, opportunity, lead: converted } = convertLeadInto(lead, now, actor, into);
    if (contact) await insertOnce(db, 'contacts', contact);
    await insertOnce(db, 'opportunities', opportunity);
    await saveDocument(db, 'leads', converted);
    return opportunity;
  }
  const { account, contact, opportunity, lead: converted } = convertLead(lead, now, actor);
  await insertOnce(db, 'accounts', account);
  await insertOnce(db, 'contacts', contact);
  await insertOnce(db, 'opportunities', opportunity);
  await saveDocument(db, 'leads', converted);
  return opportunity;
}
