import { api, signIn } from '../../central/src/test/client';
import type { LeadDoc } from '../../shared/schemas';

/** The central system takes at most 200 rows per push (MAX_PUSH_ROWS). */
const BATCH = 200;

/**
 * Seeds leads for a rep through the public push API, as a laptop would send them, a few
 * batches at a time. Throws when the central system refuses any of them.
 */
export async function pushLeads(centralUrl: string, username: string, leads: readonly LeadDoc[], parallel = 4): Promise<void> {
  const client = api(centralUrl, await signIn(centralUrl, username));
  const batches: LeadDoc[][] = [];
  for (let i = 0; i < leads.length; i += BATCH) batches.push(leads.slice(i, i + BATCH));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const refused = await client.push(
        'leads',
        batch.map((doc) => ({ newDocumentState: { ...doc, _deleted: false } })),
      );
      if (refused.length > 0)
        throw new Error(`The central system refused ${refused.length} of ${batch.length} leads, e.g. ${JSON.stringify(refused[0])}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
