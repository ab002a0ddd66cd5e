/**
 * Charges and tax of a pushed order, recomputed by the central system from its own charge table
 * (the `policies` document `charges`) with the function the laptop uses (shared/orders/charges.ts).
 * The laptop's `charges` are never copied onto the ProductOrder: they are only compared, and a
 * difference (the table changed while the rep was offline) is a price finding, so the order is
 * held for price review like any other price drift.
 */
import {
  CHARGES_DIFFER,
  CHARGES_POLICY_ID,
  chargeCountry,
  chargesDifference,
  chargeTableOf,
  lineCharges,
  orderCharges,
  type LineCharges,
  type OrderCharges,
} from '../../../../shared/orders/charges';
import type { AccountDoc, OrderDoc, PolicyDoc } from '../../../../shared/schemas';
import type { Queryable } from '../../platform/db/db';
import { loadDoc } from '../../platform/sync/docs';
import type { ReviewFinding } from './consistency';

/** The central system's figures for one order: the order's charges and each line's share. */
export interface CentralCharges {
  charges: OrderCharges;
  lines: LineCharges[];
  /** Another order of the account as the same table charges it (its open credit exposure). */
  chargesOf(other: OrderDoc): OrderCharges;
}

/** The charges by the central charge table; undefined when it publishes none (the ProductOrder then carries the lines' subtotal only). */
export async function centralCharges(tx: Queryable, order: OrderDoc): Promise<CentralCharges | undefined> {
  const stored = await loadDoc(tx, 'policies', CHARGES_POLICY_ID);
  const table = stored && !stored.deleted ? chargeTableOf([stored.data as unknown as PolicyDoc]) : undefined;
  if (!table) return undefined;
  const account = await loadDoc(tx, 'accounts', order.accountId);
  const accountCountry = account && !account.deleted ? (account.data as unknown as AccountDoc).country : undefined;
  const chargesOf = (other: OrderDoc) => orderCharges({ ...other, country: chargeCountry(other, accountCountry) }, table);
  return { charges: chargesOf(order), lines: lineCharges(order, table), chargesOf };
}

/**
 * What the rep was shown against what the central system charges. An order without `charges`
 * (an app released before them, or a laptop the table had not reached) showed the rep no
 * figures, so there is nothing to contradict and no finding.
 */
export function chargesFinding(sent: OrderCharges | undefined, central: OrderCharges): ReviewFinding | undefined {
  if (!sent) return undefined;
  const differences = chargesDifference(sent, central);
  if (differences.length === 0) return undefined;
  return { kind: 'price', text: `${CHARGES_DIFFER} (${central.tableVersion}): ${differences.join(' and ')}` };
}
