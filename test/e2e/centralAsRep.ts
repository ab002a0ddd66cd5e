import type { CollectionDocs, CollectionName } from '../../shared/schemas';
import { SYNC_PATHS, type WithDeleted } from '../../shared/sync/protocol';
import { centralUrl } from './journey';

export async function repToken(username: string): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'password', client_id: 'outpost-desktop', username, password: 'demo' });
  const response = await fetch(`${centralUrl()}${SYNC_PATHS.token}`, { method: 'POST', body: form });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The central system's copies of the rep's records of a collection, as the sync protocol serves them: every document of the collection the rep may see, page by page (by the end of a run a rep sees more than one page). */
export async function centralDocs<N extends CollectionName>(username: string, name: N): Promise<WithDeleted<CollectionDocs[N]>[]> {
  const all: WithDeleted<CollectionDocs[N]>[] = [];
  for (let seq = 0; ;) {
    const response = await fetch(`${centralUrl()}${SYNC_PATHS.pull(name)}?seq=${seq}&limit=500`, {
      headers: { authorization: `Bearer ${await repToken(username)}` },
    });
    const page = (await response.json()) as { documents: WithDeleted<CollectionDocs[N]>[]; checkpoint: { seq: number } | null };
    all.push(...page.documents);
    if (page.documents.length < 500 || !page.checkpoint || page.checkpoint.seq === seq) return all;
    seq = page.checkpoint.seq;
  }
}

export async function centralDoc<N extends CollectionName>(
  username: string,
  name: N,
  id: string,
): Promise<WithDeleted<CollectionDocs[N]> | undefined> {
  return (await centralDocs(username, name)).find((d) => d.id === id);
}

/** A push as the rep's other laptop would send it; the central system's answer (refused or conflicting rows). */
export async function pushAsRep<N extends CollectionName>(
  username: string,
  name: N,
  rows: { newDocumentState: WithDeleted<CollectionDocs[N]>; assumedMasterState?: WithDeleted<CollectionDocs[N]> }[],
): Promise<WithDeleted<CollectionDocs[N]>[]> {
  const response = await fetch(`${centralUrl()}${SYNC_PATHS.push(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await repToken(username)}`, 'content-type': 'application/json' },
    body: JSON.stringify(rows),
  });
  return (await response.json()) as WithDeleted<CollectionDocs[N]>[];
}
