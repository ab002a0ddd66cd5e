import type { LeadDoc } from '../../shared/schemas';
import type { WithDeleted } from '../../shared/sync/protocol';

type Lead = WithDeleted<LeadDoc>;

async function repToken(centralUrl: string, username: string): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'password', client_id: 'outpost-desktop', username, password: 'demo' });
  const response = await fetch(`${centralUrl}/oauth/token`, { method: 'POST', body: form });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The central system's copy of one of the rep's leads, read with the rep's own token (not through the laptop). */
export async function leadOnCentral(centralUrl: string, username: string, id: string): Promise<Lead | undefined> {
  const token = await repToken(centralUrl, username);
  const response = await fetch(`${centralUrl}/sync/leads/pull?seq=0&limit=500`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { documents: Lead[] };
  return body.documents.find((d) => d.id === id);
}

/** Changes a lead on the central system as if from elsewhere (another of the rep's devices). */
export async function editLeadOnCentral(centralUrl: string, username: string, id: string, changes: Partial<LeadDoc>): Promise<void> {
  const master = await leadOnCentral(centralUrl, username, id);
  if (!master) throw new Error(`the central system has no lead ${id} for ${username}`);
  const token = await repToken(centralUrl, username);
  const row = { newDocumentState: { ...master, ...changes, updatedAt: new Date().toISOString() }, assumedMasterState: master };
  const response = await fetch(`${centralUrl}/sync/leads/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify([row]),
  });
  const conflicts = (await response.json()) as unknown[];
  if (response.status !== 200 || conflicts.length > 0)
    throw new Error(`the central edit of lead ${id} was not stored: ${JSON.stringify(conflicts)}`);
}
