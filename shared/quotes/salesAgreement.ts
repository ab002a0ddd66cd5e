/**
 * The sales agreement a signed, accepted quote becomes (issue 9 item 10), shaped as a TMF651
 * Agreement: the parties (customer and seller), the terms, the quote lines it covers and its
 * validity. Pure; its id comes from the quote's, so making it again (a retry, another laptop)
 * names the same agreement. Not stored or synced yet: see docs/ARCHITECTURE.md, "Sales agreement".
 */
import { v5 } from 'uuid';
import type { QuoteDoc } from '../schemas';
import { QUOTE_TERMS } from './quoteDocument';

const AGREEMENT_NAMESPACE = '0b6f3c1e-5d0a-4e55-9a3e-6f1c2b7d9a41';
/** How long an agreement runs when its lines name no longer term. */
export const DEFAULT_AGREEMENT_MONTHS = 12;

export interface SalesAgreement {
  id: string;
  '@type': 'Agreement';
  name: string;
  agreementType: 'commercial';
  /** TMF651 status: the customer signed, the seller accepted. */
  status: 'approved';
  accountId: string;
  quoteId: string;
  quoteVersion: number;
  initialDate: string;
  agreementPeriod: { startDateTime: string; endDateTime: string };
  engagedParty: { id: string; name: string; role: 'customer' | 'seller'; '@referredType': string }[];
  agreementAuthorization: { date: string; signatureRepresentation: string; state: 'approved' }[];
  agreementItem: {
    id: string;
    productOffering: { id: string; name: string }[];
    quantity: number;
    termOrCondition: { id: string; description: string }[];
  }[];
  /** The terms of the quote's document, in its words. */
  terms: readonly string[];
}

/** Months a line runs: its "term" characteristic ("24 months"), else the default. */
function termMonths(line: QuoteDoc['items'][number]): number {
  const term = line.characteristics.find((c) => /term/i.test(c.name))?.value ?? '';
  const months = /(\d+)\s*month/i.exec(term)?.[1];
  return months ? Number(months) : DEFAULT_AGREEMENT_MONTHS;
}

function addMonths(iso: string, months: number): string {
  const date = new Date(iso);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString();
}

/** The agreement of an accepted, signed quote; a reason in words when the quote is none yet. */
export function agreementFromQuote(
  quote: QuoteDoc,
  customer: { id: string; name: string },
  seller: { id: string; name: string },
): { ok: true; agreement: SalesAgreement } | { ok: false; reason: string } {
  if (quote.status !== 'accepted') return { ok: false, reason: `Quote version ${quote.version} is not accepted yet` };
  if (!quote.signature) return { ok: false, reason: `Quote version ${quote.version} is not signed by the customer` };
  if (quote.items.length === 0) return { ok: false, reason: `Quote version ${quote.version} has no lines` };
  const start = quote.acceptedAt ?? quote.signature.signedAt;
  const months = Math.max(...quote.items.map(termMonths));
  return {
    ok: true,
    agreement: {
      id: v5(`${quote.id}/agreement`, AGREEMENT_NAMESPACE),
      '@type': 'Agreement',
      name: `Sales agreement with ${customer.name} (quote version ${quote.version})`,
      agreementType: 'commercial',
      status: 'approved',
      accountId: quote.accountId,
      quoteId: quote.id,
      quoteVersion: quote.version,
      initialDate: start,
      agreementPeriod: { startDateTime: start, endDateTime: addMonths(start, months) },
      engagedParty: [
        { id: customer.id, name: customer.name, role: 'customer', '@referredType': 'Organization' },
        { id: seller.id, name: seller.name, role: 'seller', '@referredType': 'Organization' },
      ],
      agreementAuthorization: [{ date: quote.signature.signedAt, signatureRepresentation: quote.signature.signerName, state: 'approved' }],
      agreementItem: quote.items.map((line) => ({
        id: line.id,
        productOffering: [{ id: line.offeringId, name: line.offeringName }],
        quantity: line.quantity,
        termOrCondition: [{ id: `${line.id}-term`, description: `${termMonths(line)} months from activation` }],
      })),
      terms: QUOTE_TERMS,
    },
  };
}

/** The agreements in force for an account at `at` (what a later quote of that account refers to), newest first. */
export function agreementsInForce(agreements: readonly SalesAgreement[], accountId: string, at: string): SalesAgreement[] {
  return agreements
    .filter((a) => a.accountId === accountId && a.agreementPeriod.startDateTime <= at && at < a.agreementPeriod.endDateTime)
    .sort((a, b) => b.initialDate.localeCompare(a.initialDate));
}
