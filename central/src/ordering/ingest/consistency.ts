/**
 * Business consistency checks of a new order, shared by the app's order ingest and TMF622
 * POST /productOrder. Two kinds of result:
 * - problems: the order cannot be accepted at all (unknown or foreign customer, offering not
 *   Launched) -> `rejected`, as the TMF622 lifecycle says of a failed consistency check;
 * - review findings: the order is valid but a person must look at it before treatment (prices
 *   that differ from the catalog, exposure above the credit limit) -> acknowledged, then held.
 *   A price difference holds rather than rejects: the customer signed the quoted price, and
 *   whether to honour it or re-quote is the pricing desk's decision, not the rep's lost order.
 */
import { configurationRefusal, type RuleLine } from '../../../../shared/catalog/configRules';
import type { AccountDoc, OfferingDoc, OrderDoc } from '../../../../shared/schemas';
import type { CharacteristicValue } from '../../../../shared/schemas/common';
import { formatCents } from '../../../../shared/money';
import {
  creditCheck,
  openExposure,
  OPEN_EXPOSURE_STATES,
  type BilledCharges,
  type ExposureOrder,
  type Totals,
} from '../../../../shared/orders/creditCheck';
import type { JsonObject } from '../../platform/json';
import { PricingError, priceItems } from '../../../../shared/pricing/engine';
import type { Queryable } from '../../platform/db/db';
import type { AuthUser } from '../../platform/auth/users';
import { loadDoc, loadDocs } from '../../platform/sync/docs';
import { visibleOwners } from '../../platform/auth/scope';
import { productRefProblems, type ProductRef } from './deltaCheck';

export { CREDIT_EXPOSURE_MONTHS } from '../../../../shared/orders/creditCheck';

export interface ReviewFinding {
  kind: 'price' | 'credit' | 'payment';
  text: string;
}

/** A line as the customer was quoted it; amounts in cents, quantity included. */
export interface QuotedLine {
  /** TMF622 line number, "01", "02"... */
  lineId: string;
  offeringId: string;
  quantity: number;
  characteristics: CharacteristicValue[];
  oneTime: number;
  recurring: number;
  currency: string;
}

/** Offerings that may not be ordered, as reasons; empty when every line is sellable. */
export async function offeringProblems(tx: Queryable, offeringIds: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  const ids = [...new Set(offeringIds)];
  // One query for every line: the ingest holds the write lock, so each round trip delays all pushes.
  const offerings = await loadDocs(tx, 'offerings', ids);
  for (const offeringId of ids) {
    const offering = offerings.get(offeringId);
    if (!offering || offering.deleted) {
      problems.push(`Offering ${offeringId} is not in the catalog; remove the line and re-quote`);
      continue;
    }
    const doc = offering.data as unknown as OfferingDoc;
    if (doc.lifecycleStatus !== 'Launched') {
      problems.push(`Offering "${doc.name}" (${offeringId}) is ${doc.lifecycleStatus}; only Launched offerings can be ordered`);
    }
  }
  return problems;
}

/** The customer account if it exists and the submitter may order for it, else the problem. */
export async function customerAccount(
  tx: Queryable,
  submitter: AuthUser,
  accountId: string,
): Promise<{ account: AccountDoc } | { problem: string }> {
  const stored = await loadDoc(tx, 'accounts', accountId);
  if (!stored || stored.deleted) return { problem: `Customer account ${accountId} does not exist; sync the account first` };
  const owners = await visibleOwners(tx, submitter);
  if (owners !== null && (stored.owner === null || !owners.has(stored.owner))) {
    return { problem: `Account ${accountId} is not one of your accounts; order for an account you own` };
  }
  return { account: stored.data as unknown as AccountDoc };
}

async function currentCatalog(tx: Queryable, offeringIds: readonly string[]): Promise<OfferingDoc[]> {
  const catalog: OfferingDoc[] = [];
  const ids = [...new Set(offeringIds)];
  const offerings = await loadDocs(tx, 'offerings', ids);
  for (const id of ids) {
    const stored = offerings.get(id);
    if (stored && !stored.deleted) catalog.push(stored.data as unknown as OfferingDoc);
  }
  return catalog;
}

function differs(lineId: string, version: string, charge: 'one-time' | 'monthly', quoted: string, catalog: string): ReviewFinding {
  return {
    kind: 'price',
    text: `Price of line ${lineId} differs from catalog ${version}: quoted ${quoted} ${charge}, catalog ${catalog} ${charge}`,
  };
}

/**
 * Reprices every line with the shared pricing engine against the current catalog and reports
 * each charge that differs from what was quoted (the catalog may have changed since the quote).
 */
export async function priceFindings(tx: Queryable, lines: readonly QuotedLine[]): Promise<ReviewFinding[]> {
  const catalog = await currentCatalog(
    tx,
    lines.map((line) => line.offeringId),
  );
  const findings: ReviewFinding[] = [];
  for (const line of lines) {
    const offering = catalog.find((candidate) => candidate.id === line.offeringId);
    const version = offering?.catalogVersion ?? 'current';
    try {
      const [priced] = priceItems(
        [{ id: line.lineId, offeringId: line.offeringId, quantity: line.quantity, characteristics: line.characteristics }],
        catalog,
      ).items;
      const currency = offering?.prices[0]?.currency ?? line.currency;
      if (!priced) continue;
      if (currency !== line.currency) {
        findings.push({
          kind: 'price',
          text: `Price of line ${line.lineId} differs from catalog ${version}: quoted in ${line.currency}, catalog in ${currency}`,
        });
        continue;
      }
      if (priced.oneTime !== line.oneTime) {
        findings.push(
          differs(line.lineId, version, 'one-time', formatCents(line.oneTime, currency), formatCents(priced.oneTime, currency)),
        );
      }
      if (priced.recurring !== line.recurring) {
        findings.push(
          differs(line.lineId, version, 'monthly', formatCents(line.recurring, currency), formatCents(priced.recurring, currency)),
        );
      }
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
      findings.push({
        kind: 'price',
        text: `Line ${line.lineId} cannot be priced with catalog ${version}: ${error.message.replace(/^Line \d+: /, '')}`,
      });
    }
  }
  return findings;
}

/**
 * Exposure above the account's credit limit (shared/orders/creditCheck.ts, the rule the laptop
 * shows before submitting): this order plus the account's other open app orders; none when no
 * limit is recorded.
 */
export function creditFinding(account: AccountDoc, totals: Totals, open = 0): ReviewFinding | undefined {
  const result = creditCheck(account, totals, open);
  return result.outcome === 'over' ? { kind: 'credit', text: result.text } : undefined;
}

/** The open exposure of the account's other app orders (every rep's), in the order's currency. */
async function accountOpenExposure(tx: Queryable, accountId: string, order: OrderToCheck, currency: string): Promise<number> {
  const rows = await tx.query<{ id: string; data: JsonObject }>(
    `SELECT id, data FROM sync_docs
      WHERE collection = 'orders' AND NOT deleted AND data ->> 'accountId' = $1 AND data ->> 'status' = ANY($2::text[])`,
    [accountId, [...OPEN_EXPOSURE_STATES]],
  );
  const charge = order.chargesOf;
  const orders: ExposureOrder[] = rows.map((row) => {
    const other = row.data as unknown as OrderDoc;
    return charge ? { ...other, charges: charge(other) } : other;
  });
  return openExposure(
    orders,
    accountId,
    { id: order.externalId ?? '', ...(order.supplementOf ? { supplementOf: order.supplementOf } : {}) },
    currency,
  );
}

/** The stateReason of an order held for review, e.g. "Held for credit review: ...". */
export function holdReason(findings: readonly ReviewFinding[]): string {
  const kinds = [...new Set(findings.map((finding) => finding.kind))];
  return `Held for ${kinds.join(' and ')} review: ${findings.map((finding) => finding.text).join('; ')}`;
}

/** What the consistency check reads of a new order, however it arrived (app push or TMF622 POST). */
export interface OrderToCheck {
  /** The customer account; a TMF622 order may name none (it is then not checked). */
  customerId: string | undefined;
  offeringIds: readonly string[];
  /** The lines that state a price; only those are repriced. */
  lines: readonly QuotedLine[];
  /** The order's totals in cents: the credit exposure (an app order's with its charges: billedTotals). */
  totals: Totals;
  /**
   * The lines to check against the catalog's configuration rules (requires / excludes / oneOf at
   * one site): an app order's lines, configured in the laptop's configurator. A TMF622 POST names
   * no sites for its items, so per-site rules cannot be judged and it gives none.
   */
  configuredLines?: readonly RuleLine[];
  /** Items that change an installed product (delta orders: modify, delete). */
  productRefs?: readonly ProductRef[];
  /** The consumer's id of the order (the app's order id), left out of the account's open exposure. */
  externalId?: string | undefined;
  /** The order a supplemental order replaces: its exposure is replaced too. */
  supplementOf?: string;
  /**
   * How the central system bills the account's other open app orders (its charge table, as it
   * bills this one); without it they count with the charges they carry.
   */
  chargesOf?: (other: OrderDoc) => BilledCharges;
}

export interface ConsistencyResult {
  /** Reasons to reject the order. */
  problems: string[];
  /** Reasons to hold it for review once acknowledged. */
  findings: ReviewFinding[];
}

/** The whole check: problems reject the order; without problems, findings hold it for review. */
export async function checkConsistency(tx: Queryable, submitter: AuthUser, order: OrderToCheck): Promise<ConsistencyResult> {
  const problems: string[] = [];
  const customer = order.customerId ? await customerAccount(tx, submitter, order.customerId) : undefined;
  if (customer && 'problem' in customer) problems.push(customer.problem);
  problems.push(...(await offeringProblems(tx, order.offeringIds)));
  if (problems.length === 0 && order.configuredLines) {
    const lines = order.configuredLines;
    const refusal = configurationRefusal(
      'The order',
      lines,
      await currentCatalog(
        tx,
        lines.map((line) => line.offeringId),
      ),
    );
    if (refusal) problems.push(refusal);
  }
  problems.push(...(await productRefProblems(tx, order.productRefs ?? [], order.customerId)));
  if (problems.length > 0) return { problems, findings: [] };
  const findings = await priceFindings(tx, order.lines);
  if (customer && 'account' in customer) {
    const open = order.customerId ? await accountOpenExposure(tx, order.customerId, order, order.totals.currency) : 0;
    const credit = creditFinding(customer.account, order.totals, open);
    if (credit) findings.push(credit);
  }
  return { problems, findings };
}
