/**
 * The load scenarios as autocannon request cycles. Every connection is one signed-in rep (its
 * own token), assigned on the connection's first request; bodies are built per request so
 * every pushed lead and order is new.
 */
import { randomUUID } from 'node:crypto';
import type { Request } from 'autocannon';
import { newLead, newOrder } from '../src/test/fixtures';

export const SCENARIOS = ['pull', 'pull+push', 'order push', 'TMF622 POST'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export const SCENARIO_TITLES: Record<ScenarioName, string> = {
  pull: 'reps pull leads/orders/offerings',
  'pull+push': 'reps pull x3 + push a new lead',
  'order push': 'reps push a queued order (ingest)',
  'TMF622 POST': 'TMF622 POST with externalId (1 in 10 a retry)',
};

export interface SignedInRep {
  id: string;
  token: string;
  accountId: string;
}

export interface LoadJob {
  url: string;
  scenario: ScenarioName;
  connections: number;
  seconds: number;
  reps: SignedInRep[];
  integrationToken: string;
}

/** Per-connection state autocannon keeps between the requests of one connection. */
interface ConnectionContext {
  rep?: SignedInRep;
  externalId?: string;
  sent?: number;
}

const PO = '/tmf-api/productOrderingManagement/v4/productOrder';

export function requestsFor(job: LoadJob, onRefusedRow: () => void): Request[] {
  let nextRep = 0;
  const repOf = (context: ConnectionContext): SignedInRep => {
    context.rep ??= job.reps[nextRep++ % job.reps.length];
    if (!context.rep) throw new Error('no signed-in reps');
    return context.rep;
  };
  const as = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  const pull = (collection: string): Request => ({
    method: 'GET',
    path: `/sync/${collection}/pull?seq=0&limit=100`,
    setupRequest: (request, context) => ({ ...request, headers: as(repOf(context as ConnectionContext).token) }),
  });
  // A push answers the rows it did not store as sent: counted, so a bench of refusals shows.
  const countRefused = (status: number, body: string) => {
    if (status === 200 && body !== '[]') onRefusedRow();
  };
  const pushLead: Request = {
    method: 'POST',
    path: '/sync/leads/push',
    setupRequest: (request, context) => {
      const rep = repOf(context as ConnectionContext);
      return { ...request, headers: as(rep.token), body: JSON.stringify([{ newDocumentState: newLead(rep.id) }]) };
    },
    onResponse: countRefused,
  };
  const pushOrder: Request = {
    method: 'POST',
    path: '/sync/orders/push',
    setupRequest: (request, context) => {
      const rep = repOf(context as ConnectionContext);
      const order = newOrder(rep.id, { accountId: rep.accountId, accountName: `Account of ${rep.id}` });
      return { ...request, headers: as(rep.token), body: JSON.stringify([{ newDocumentState: order }]) };
    },
    onResponse: countRefused,
  };
  const postOrder: Request = {
    method: 'POST',
    path: PO,
    setupRequest: (request, context) => {
      const state = context as ConnectionContext;
      const rep = repOf(state);
      state.sent = (state.sent ?? 0) + 1;
      // Every tenth order is the consumer's retry of the previous one: de-duplicated on externalId.
      if (state.externalId === undefined || state.sent % 10 !== 0) state.externalId = `bench-${randomUUID()}`;
      const body = {
        externalId: state.externalId,
        productOrderItem: [{ id: '01', action: 'add', quantity: 1, productOffering: { id: 'off-fibre-internet' } }],
        relatedParty: [{ id: rep.accountId, '@referredType': 'Organization', role: 'customer' }],
      };
      return { ...request, headers: as(job.integrationToken), body: JSON.stringify(body) };
    },
  };
  switch (job.scenario) {
    case 'pull':
      return [pull('leads'), pull('orders'), pull('offerings')];
    case 'pull+push':
      return [pull('leads'), pull('orders'), pull('offerings'), pushLead];
    case 'order push':
      return [pushOrder];
    case 'TMF622 POST':
      return [postOrder];
  }
}
