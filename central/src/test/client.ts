/** Plain-fetch HTTP client for the tests: what any client of the central system would send. */
import { DESKTOP_CLIENT_ID, type ApiError, type TokenResponse } from '../../../shared/sync/protocol';

export type Json = Record<string, unknown>;

export async function tokenRequest(url: string, form: Record<string, string>): Promise<Response> {
  return fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

export async function signIn(url: string, username: string, password = 'demo'): Promise<string> {
  const response = await tokenRequest(url, { grant_type: 'password', username, password, client_id: DESKTOP_CLIENT_ID });
  if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as TokenResponse).access_token;
}

export async function integrationToken(url: string): Promise<string> {
  const response = await tokenRequest(url, { grant_type: 'client_credentials', client_id: 'tmf-client', client_secret: 'demo' });
  if (response.status !== 200) throw new Error(`client_credentials failed: ${response.status}`);
  return ((await response.json()) as TokenResponse).access_token;
}

export interface Api {
  get(path: string): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
  pull(collection: string, seq?: number, limit?: number): Promise<{ documents: Json[]; checkpoint: { seq: number } }>;
  /** Push rows; returns the returned master states (conflicts and refusals). */
  push(collection: string, rows: unknown[]): Promise<Json[]>;
}

export function api(url: string, token: string): Api {
  const headers = { authorization: `Bearer ${token}` };
  const get = (path: string) => fetch(url + path, { headers });
  const post = (path: string, body: unknown) =>
    fetch(url + path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    get,
    post,
    async pull(collection, seq = 0, limit = 500) {
      const response = await get(`/sync/${collection}/pull?seq=${seq}&limit=${limit}`);
      if (response.status !== 200) throw new Error(`pull ${collection} failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as { documents: Json[]; checkpoint: { seq: number } };
    },
    async push(collection, rows) {
      const response = await post(`/sync/${collection}/push`, rows);
      if (response.status !== 200) throw new Error(`push ${collection} failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as Json[];
    },
  };
}

/** Every 4xx/5xx must be the TMF630 Error shape with a reason. */
export async function expectApiError(response: Response, status: number): Promise<ApiError> {
  const body = (await response.json()) as ApiError;
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(body)}`);
  if (typeof body.code !== 'string' || typeof body.reason !== 'string' || body.reason === '' || body.status !== String(status)) {
    throw new Error(`not a TMF Error body: ${JSON.stringify(body)}`);
  }
  return body;
}

/** The full history of a collection as one user sees it, paging with the checkpoint. */
export async function pullAll(client: Api, collection: string, since = 0, limit = 500): Promise<{ documents: Json[]; seq: number }> {
  const documents: Json[] = [];
  let seq = since;
  for (;;) {
    const page = await client.pull(collection, seq, limit);
    documents.push(...page.documents);
    if (page.documents.length === 0) return { documents, seq };
    seq = page.checkpoint.seq;
  }
}

/** One page of a TMF list with its X-Total-Count and X-Result-Count; fails on anything but 200. */
export async function listPage(client: Api, path: string, query = ''): Promise<{ items: Json[]; total: number; count: number }> {
  const response = await client.get(`${path}${query}`);
  if (response.status !== 200) throw new Error(`GET ${path}${query}: ${response.status} ${await response.text()}`);
  return {
    items: (await response.json()) as Json[],
    total: Number(response.headers.get('x-total-count')),
    count: Number(response.headers.get('x-result-count')),
  };
}
