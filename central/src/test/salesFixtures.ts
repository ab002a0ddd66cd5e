/** Request bodies and documents for the TMF699 SalesLead and TMF648 Quote suites. */
import { randomUUID } from 'node:crypto';
import type { QuoteDoc } from '../../../shared/schemas';
import type { Api, Json } from './client';
import { harborLines } from './fixtures';

export const SALES_LEAD = '/tmf-api/sales/v4/salesLead';
export const QUOTE = '/tmf-api/quoteManagement/v4/quote';

/**
 * A SalesLead_Create as a web form would post it: seed 001's qualified Vision Enterprises lead
 * (US, Laptops, within 1 month, $60,000, budget approved -> qualified, rating A, channel Direct).
 */
export function visionLeadBody(overrides: Json = {}): Json {
  return {
    name: 'Northwind Traders laptop refresh',
    description: 'Asked for 120 laptops on the web form',
    category: { id: 'Laptops', name: 'Laptops' },
    estimatedRevenue: { unit: 'USD', value: 60000 },
    prospectContact: [
      { mediumType: 'email', preferred: true, characteristic: { emailAddress: 'nina.ortiz@northwind.example' } },
      { mediumType: 'postalAddress', characteristic: { city: 'Seattle', country: 'US' } },
    ],
    relatedParty: [
      { id: 'web-org-4711', name: 'Northwind Traders', role: 'prospect', '@referredType': 'Organization' },
      { id: 'web-person-4711', name: 'Nina Ortiz', role: 'contact', '@referredType': 'Individual' },
    ],
    characteristic: [
      { name: 'purchaseTimeframe', value: 'Within 1 month' },
      { name: 'budgetStatus', value: 'Approved' },
      { name: 'source', value: 'Web form' },
    ],
    ...overrides,
  };
}

export function characteristicOf(resource: Json, name: string): unknown {
  const list = Array.isArray(resource.characteristic) ? (resource.characteristic as Json[]) : [];
  return list.find((entry) => entry.name === name)?.value;
}

export function partyWithRole(resource: Json, role: string): Json | undefined {
  return (resource.relatedParty as Json[]).find((party) => party.role === role);
}

const AT = '2026-11-21T09:30:00.000Z';

/** A priced quote for alex's seeded account Harbor Logistics, as the app pushes it. */
export function newQuote(owner: string, overrides: Partial<QuoteDoc> = {}): QuoteDoc & { _deleted: boolean } {
  return {
    id: randomUUID(),
    owner,
    createdAt: AT,
    updatedAt: AT,
    syncPending: true,
    opportunityId: randomUUID(),
    accountId: 'acct-harbor-logistics',
    version: 1,
    status: 'inProgress',
    items: harborLines([{ name: 'Plan', value: 'Plus 50 GB' }]),
    totals: { oneTime: 24900, recurring: 32910, currency: 'USD' },
    catalogVersion: '2026.11',
    ...overrides,
    _deleted: false,
  };
}

/** The events of one TMF688 topic (= API domain) the user may read, optionally of one type. */
export async function eventsOf(client: Api, domain: string, eventType?: string): Promise<Json[]> {
  const filter = eventType ? `&eventType=${eventType}` : '';
  const response = await client.get(`/tmf-api/event/v4/topic/${domain}/event?limit=1000${filter}`);
  if (response.status !== 200) throw new Error(`event log ${domain} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Json[];
}

/** The resource an event carries, e.g. `event.salesLead`. */
export function eventResource(event: Json, name: string): Json {
  return (event.event as Json)[name] as Json;
}
