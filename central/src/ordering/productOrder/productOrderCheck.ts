/**
 * The business consistency check of TMF622 POST /productOrder: the same rules as the app's
 * order ingest (orders/consistency.ts), read from a ProductOrder_Create body.
 */
import type { AuthUser } from '../../platform/auth/users';
import type { Queryable } from '../../platform/db/db';
import {
  creditFinding, customerAccount, offeringProblems, priceFindings, type QuotedLine, type ReviewFinding,
} from '../ingest/consistency';
import { isObject, type JsonObject } from '../../platform/json';
import { referencedOfferings } from './productOrderInput';

export interface ConsistencyResult {
  /** Reasons to reject the order. */
  problems: string[];
  /** Reasons to hold it for review once acknowledged. */
  findings: ReviewFinding[];
}

/** The party the order is for: `role: "customer"` (the CTK's party without a role is not checked). */
function customerId(parties: readonly unknown[]): string | undefined {
  const customer = parties.find((party) => isObject(party) && typeof party.role === 'string' && party.role.toLowerCase() === 'customer');
  return isObject(customer) && typeof customer.id === 'string' ? customer.id : undefined;
}

function cents(price: JsonObject): { amount: number; unit: string } | undefined {
  const amount = isObject(price.price) && isObject(price.price.dutyFreeAmount) ? price.price.dutyFreeAmount : undefined;
  if (!amount || typeof amount.value !== 'number' || !Number.isFinite(amount.value)) return undefined;
  return { amount: Math.round(amount.value * 100), unit: typeof amount.unit === 'string' ? amount.unit : 'USD' };
}

/**
 * Top-level items that state their price (itemPrice) for an offering: what the consumer was
 * quoted, in cents. Items without a price have nothing to compare and are not repriced.
 */
export function quotedLinesOf(items: readonly unknown[]): QuotedLine[] {
  const lines: QuotedLine[] = [];
  for (const item of items) {
    if (!isObject(item) || !isObject(item.productOffering) || !Array.isArray(item.itemPrice)) continue;
    const prices = item.itemPrice.filter(isObject);
    const charges = prices.map((price) => ({ type: price.priceType, money: cents(price) }));
    if (!charges.some((charge) => charge.money)) continue;
    const sum = (type: string) => charges.filter((c) => c.type === type).reduce((total, c) => total + (c.money?.amount ?? 0), 0);
    const characteristics = isObject(item.product) && Array.isArray(item.product.productCharacteristic)
      ? item.product.productCharacteristic.filter(isObject).flatMap((c) =>
        typeof c.name === 'string' && typeof c.value === 'string' ? [{ name: c.name, value: c.value }] : [])
      : [];
    lines.push({
      lineId: String(item.id),
      offeringId: String(item.productOffering.id),
      quantity: typeof item.quantity === 'number' ? item.quantity : 1,
      characteristics,
      oneTime: sum('oneTime'),
      recurring: sum('recurring'),
      currency: charges.find((charge) => charge.money)?.money?.unit ?? 'USD',
    });
  }
  return lines;
}

export async function checkProductOrderCreate(tx: Queryable, submitter: AuthUser, input: JsonObject): Promise<ConsistencyResult> {
  const items = input.productOrderItem as unknown[];
  const problems: string[] = [];
  const accountId = customerId(input.relatedParty as unknown[]);
  const customer = accountId ? await customerAccount(tx, submitter, accountId) : undefined;
  if (customer && 'problem' in customer) problems.push(customer.problem);
  problems.push(...(await offeringProblems(tx, referencedOfferings(items))));
  if (problems.length > 0) return { problems, findings: [] };

  const lines = quotedLinesOf(items);
  const findings = await priceFindings(tx, lines);
  if (customer && 'account' in customer) {
    const total = (pick: (line: QuotedLine) => number) => lines.reduce((sum, line) => sum + pick(line), 0);
    const credit = creditFinding(customer.account, total((l) => l.oneTime), total((l) => l.recurring), lines[0]?.currency ?? 'USD');
    if (credit) findings.push(credit);
  }
  return { problems, findings };
}
