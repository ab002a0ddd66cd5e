/**
 * THE AUTHORIZATION MATRIX: role x resource x whose record, and what must happen.
 *
 * Columns: alex and sam (reps of manager morgan), morgan (manager), admin, tmf (integration client).
 * Each cell is `[own, team, outsider]`:
 *   own      - the actor's own record;
 *   team     - a record of a rep in morgan's team who is not the actor (alex's; sam's for alex);
 *   outsider - a record of pat, a rep in no manager's team.
 * A single outcome where whose record it is does not matter (reference data, creating).
 * Outcomes: HTTP statuses; `listed`/`absent` = in or not in a list or pull; `stored`/`refused` =
 * a sync push row stored or returned with a syncError.
 *
 * Policy (central/README.md, platform/auth/scope.ts): reps see their own records, managers their team's,
 * admin and integration clients all; what you may not see is 404, what you see but may not do
 * is 403; sync pushes never change another user's record; the catalog and reference data are
 * written by administrators (reference data by sync also by integration clients); orders are
 * deleted by administrators only and moved through their lifecycle by admin/integration only;
 * hub subscriptions are managed by their subscriber, or by an administrator; a card is authorised
 * only for the caller's own order; remote wipes are asked
 * for, listed and withdrawn by administrators only, and every signed-in device may ask for its own.
 */
import type { Who } from '../session';
import type { Owner } from './fixtures';
import * as probe from './probes';
import type { Outcome, Probe } from './probes';

export type Cell = Outcome | readonly [own: Outcome, team: Outcome, outsider: Outcome];

export interface MatrixRow {
  resource: string;
  action: string;
  probe: Probe;
  expect: Readonly<Record<Who, Cell>>;
}

/** Whose record is "team" and "outsider" for each actor. */
export const TARGETS: Readonly<Record<Who, readonly [Owner, Owner, Owner]>> = {
  alex: ['alex', 'sam', 'pat'],
  sam: ['sam', 'alex', 'pat'],
  morgan: ['morgan', 'alex', 'pat'],
  admin: ['admin', 'alex', 'pat'],
  tmf: ['tmf', 'alex', 'pat'],
};

/** Read access follows scope: own; team for managers; everything for admin and integration. */
function scoped(yes: Outcome, no: Outcome): Record<Who, Cell> {
  return { alex: [yes, no, no], sam: [yes, no, no], morgan: [yes, yes, no], admin: [yes, yes, yes], tmf: [yes, yes, yes] };
}

const adminOnly = (yes: Outcome): Record<Who, Cell> => ({ alex: '403', sam: '403', morgan: '403', admin: yes, tmf: '403' });
const everyone = (outcome: Outcome): Record<Who, Cell> => ({ alex: outcome, sam: outcome, morgan: outcome, admin: outcome, tmf: outcome });
const PO = '/tmf-api/productOrderingManagement/v4/productOrder';
const PRODUCT = '/tmf-api/productInventory/v4/product';
const QUOTE = '/tmf-api/quoteManagement/v4/quote';
const SALES_LEAD = '/tmf-api/sales/v4/salesLead';

export const MATRIX: readonly MatrixRow[] = [
  { resource: 'sync leads', action: 'pull', probe: probe.pulled('leads', (r) => r.leadId), expect: scoped('listed', 'absent') },
  { resource: 'sync quotes', action: 'pull', probe: probe.pulled('quotes', (r) => r.quoteId), expect: scoped('listed', 'absent') },
  {
    resource: 'sync products (central-written)',
    action: 'pull',
    probe: probe.pulled('products', (r) => r.productId),
    expect: scoped('listed', 'absent'),
  },
  { resource: 'sync products (central-written)', action: 'push', probe: probe.pushedProduct, expect: everyone('403') },
  {
    resource: 'sync leads',
    action: 'push an edit',
    probe: probe.pushedLead,
    expect: {
      alex: ['stored', 'refused', 'refused'],
      sam: ['stored', 'refused', 'refused'],
      morgan: ['stored', 'refused', 'refused'],
      admin: ['stored', 'refused', 'refused'],
      tmf: ['stored', 'refused', 'refused'],
    },
  },
  // The catalog is written through TMF620 only, so its prices cannot be rewritten behind its checks.
  { resource: 'sync offerings (reference)', action: 'push', probe: probe.pushedOffering, expect: everyone('403') },

  { resource: 'productOrder', action: 'GET by id', probe: probe.getById((r) => `${PO}/${r.orderId}`), expect: scoped('200', '404') },
  {
    resource: 'productOrder',
    action: 'GET list ?id=',
    probe: probe.listed((r) => `${PO}?id=${r.orderId}`),
    expect: scoped('listed', 'absent'),
  },
  { resource: 'productOrder', action: 'PATCH', probe: probe.patchedOrder, expect: scoped('200', '404') },
  {
    resource: 'productOrder',
    action: 'DELETE',
    probe: probe.deletedOrder,
    expect: {
      alex: ['403', '404', '404'],
      sam: ['403', '404', '404'],
      morgan: ['403', '403', '404'],
      admin: ['204', '204', '204'],
      tmf: ['403', '403', '403'],
    },
  },
  // The order is referenced in the body, not the URL: an order you may not see is refused as an
  // unknown one would be (400, same reason), which tells nothing about its existence.
  { resource: 'cancelProductOrder', action: 'POST', probe: probe.cancelledOrder, expect: scoped('201', '400') },
  {
    resource: 'productOrder lifecycle (ops)',
    action: 'POST transition',
    probe: probe.startedOrder,
    expect: { alex: '403', sam: '403', morgan: '403', admin: ['200', '200', '200'], tmf: ['200', '200', '200'] },
  },

  {
    resource: 'product (TMF637)',
    action: 'GET by id',
    probe: probe.getById((r) => `${PRODUCT}/${r.productId}`),
    expect: scoped('200', '404'),
  },
  {
    resource: 'product (TMF637)',
    action: 'GET list ?id=',
    probe: probe.listed((r) => `${PRODUCT}?id=${r.productId}`),
    expect: scoped('listed', 'absent'),
  },
  { resource: 'quote (TMF648)', action: 'GET by id', probe: probe.getById((r) => `${QUOTE}/${r.quoteId}`), expect: scoped('200', '404') },
  {
    resource: 'quote (TMF648)',
    action: 'GET list ?id=',
    probe: probe.listed((r) => `${QUOTE}?id=${r.quoteId}`),
    expect: scoped('listed', 'absent'),
  },
  {
    resource: 'salesLead (TMF699)',
    action: 'GET by id',
    probe: probe.getById((r) => `${SALES_LEAD}/${r.leadId}`),
    expect: scoped('200', '404'),
  },
  {
    resource: 'salesLead (TMF699)',
    action: 'GET list ?id=',
    probe: probe.listed((r) => `${SALES_LEAD}?id=${r.leadId}`),
    expect: scoped('listed', 'absent'),
  },
  { resource: 'salesLead (TMF699)', action: 'POST', probe: probe.createdSalesLead, expect: everyone('201') },

  { resource: 'catalog productOffering', action: 'GET by id', probe: probe.readOffering, expect: everyone('200') },
  { resource: 'catalog productOffering', action: 'POST', probe: probe.createdOffering, expect: adminOnly('201') },
  { resource: 'catalog productOffering', action: 'PATCH', probe: probe.patchedOffering, expect: adminOnly('200') },
  { resource: 'catalog productOffering', action: 'DELETE', probe: probe.deletedOffering, expect: adminOnly('204') },

  { resource: 'hub (TMF622)', action: 'POST', probe: probe.createdSubscription, expect: everyone('201') },
  {
    resource: 'hub (TMF622)',
    action: 'DELETE',
    probe: probe.deletedSubscription,
    expect: {
      alex: ['204', '404', '404'],
      sam: ['204', '404', '404'],
      morgan: ['204', '404', '404'],
      admin: ['204', '204', '204'],
      tmf: ['204', '404', '404'],
    },
  },
  {
    resource: 'hub (TMF688 topic)',
    action: 'GET by id',
    probe: probe.readTopicSubscription,
    expect: {
      alex: ['200', '404', '404'],
      sam: ['200', '404', '404'],
      morgan: ['200', '404', '404'],
      admin: ['200', '200', '200'],
      tmf: ['200', '404', '404'],
    },
  },
  { resource: 'events (TMF688 log)', action: 'GET by id', probe: probe.readEvent, expect: scoped('200', '404') },
  { resource: 'events (TMF688 log)', action: 'GET list ?eventId=', probe: probe.listedEvent, expect: scoped('listed', 'absent') },

  { resource: 'fulfillment (admin)', action: 'GET config', probe: probe.readFulfillment, expect: adminOnly('200') },

  {
    resource: 'device wipes (admin)',
    action: 'POST for a user',
    probe: probe.requestedWipe,
    expect: { alex: '403', sam: '403', morgan: '403', admin: ['201', '201', '201'], tmf: '403' },
  },
  { resource: 'device wipes (admin)', action: 'GET list', probe: probe.listedWipes, expect: adminOnly('200') },
  {
    resource: 'device wipes (admin)',
    action: 'DELETE (withdraw)',
    probe: probe.withdrawnWipe,
    expect: { alex: '403', sam: '403', morgan: '403', admin: ['204', '204', '204'], tmf: '403' },
  },
  { resource: 'sync device status', action: 'GET', probe: probe.readDeviceStatus, expect: everyone('200') },
  // A card is authorised for one's own order only; another's is 404 like an order you cannot see (managers included).
  {
    resource: 'card authorisation (simulated)',
    action: 'POST for an order',
    probe: probe.authorisedCard,
    expect: {
      alex: ['201', '404', '404'],
      sam: ['201', '404', '404'],
      morgan: ['201', '404', '404'],
      admin: ['201', '404', '404'],
      tmf: ['201', '404', '404'],
    },
  },
];
