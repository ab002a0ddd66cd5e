/**
 * The sales agreement a signed, accepted quote becomes (issue 9 item 10), shaped as a TMF651
 * Agreement: the parties (customer and seller), the terms, the quote lines it covers and its
 * validity. Pure; its id comes from the quote's, so making it again (a retry, another laptop)
 * names the same agreement. Kept on the accepted quote version and synced with it; see
 * docs/ARCHITECTURE.md, "Sales agreement".
 */
import { v5 } from 'uuid';
import type { QuoteDoc } from '../schemas';
import { OUTPOST_COMPANY, QUOTE_TERMS } from './quoteDocument';

const AGREEMENT_NAMESPACE = '0b6f3c1e-5d0a-4e55-9a3e-6f1c2b7d9a41';
/** How long an agreement runs when its lines name no longer term. */
export const DEFAULT_AGREEMENT_MONTHS = 12;

/** The seller party of every agreement: the company on the quote document. */
export const OUTPOST_SELLER = { id: 'outpost-telecom', name: OUTPOST_COMPANY.name } as const;

/** As the accepted quote version keeps it (shared/schemas/agreement.ts). */
export type SalesAgreement = NonNullable<QuoteDoc['agreement']>;

/** The agreement's id: from the quote version's, so every maker names the same one. */
export function agreementIdOf(quoteId: string): string {
  return v5(`${quoteId}/agreement`, AGREEMENT_NAMESPACE);
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
      id: agreementIdOf(quote.id),
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
      terms: [...QUOTE_TERMS],
    },
  };
}

/** The agreements in force for an account at `at` (what a later quote of that account refers to), newest first. */
export function agreementsInForce(agreements: readonly SalesAgreement[], accountId: string, at: string): SalesAgreement[] {
  return agreements
    .filter((a) => a.accountId === accountId && a.agreementPeriod.startDateTime <= at && at < a.agreementPeriod.endDateTime)
    .sort((a, b) => b.initialDate.localeCompare(a.initialDate));
}

/**
 * What is wrong with the agreement a quote version carries (a version accepted on another
 * laptop, or a push): it must be this accepted, signed version's, covering exactly its lines.
 * Null when it is fine or there is none.
 */
export function agreementProblem(quote: QuoteDoc): string | null {
  const agreement = quote.agreement;
  if (agreement === undefined) return null;
  const label = `Quote ${quote.id} version ${quote.version}`;
  if (quote.status !== 'accepted' || quote.signature === undefined)
    return `${label} carries a sales agreement, but only an accepted, signed version makes one`;
  const lines = quote.items.map((line) => line.id).join(',');
  if (
    agreement.id !== agreementIdOf(quote.id) ||
    agreement.quoteId !== quote.id ||
    agreement.quoteVersion !== quote.version ||
    agreement.accountId !== quote.accountId ||
    agreement.agreementItem.map((item) => item.id).join(',') !== lines
  )
    return `${label} carries a sales agreement that is not its own (another quote, account or lines): accept it again on the laptop`;
  return null;
}

/** The agreements kept on these quote versions (an account's accepted ones, say). */
export function agreementsOf(quotes: readonly Pick<QuoteDoc, 'agreement'>[]): SalesAgreement[] {
  return quotes.flatMap((quote) => (quote.agreement === undefined ? [] : [quote.agreement]));
}

/**
 * The quote version as accepted, with its agreement when it is signed (the customer's name from
 * the account, its id when the laptop does not hold the account); an unsigned one makes none.
 */
export function withAgreement(accepted: QuoteDoc, account: { id: string; name: string } | null | undefined): QuoteDoc {
  const customer = account ? { id: account.id, name: account.name } : { id: accepted.accountId, name: accepted.accountId };
  const made = agreementFromQuote(accepted, customer, OUTPOST_SELLER);
  return made.ok ? { ...accepted, agreement: made.agreement } : accepted;
}
