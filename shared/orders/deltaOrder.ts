/**
 * Delta orders (seed 003, asset-based ordering): from an installed product the rep starts a
 * change (e.g. more bandwidth), a move (same service at a new address) or a disconnect. The order
 * has one line, the product's offering in its new configuration, and `delta` names the product;
 * the central system sends it as a TMF622 item with action modify or delete and the product
 * reference, and updates or terminates the TMF637 product when it is delivered.
 */
import { newId } from '../ids';
import { priceItems } from '../pricing/engine';
import type { AccountDoc, OfferingDoc, OrderDoc, ProductDoc } from '../schemas';
import type { CharacteristicValue } from '../schemas/common';

export type DeltaChange = NonNullable<OrderDoc['delta']>['change'];

export const DELTA_CHANGES: readonly { change: DeltaChange; label: string }[] = [
  { change: 'change', label: 'Change' },
  { change: 'move', label: 'Move' },
  { change: 'disconnect', label: 'Disconnect' },
];

/** Whether the rep can start a delta order on this product now: only an active product changes. */
export function canChangeProduct(product: Pick<ProductDoc, 'status'>): boolean {
  return product.status === 'active';
}

export interface DeltaOrderInput {
  product: ProductDoc;
  account: AccountDoc;
  /** The product's offering from the local catalog; a change or move is priced from it. */
  offering: OfferingDoc | undefined;
  change: DeltaChange;
  /** A change: the new values (name -> value); the product's other characteristics are kept. */
  characteristics?: Readonly<Record<string, string>>;
  owner: string;
  now: string;
}

function configured(product: ProductDoc, changes: Readonly<Record<string, string>>): CharacteristicValue[] {
  const kept = product.characteristics.filter((c) => changes[c.name] === undefined);
  return [...kept, ...Object.entries(changes).map(([name, value]) => ({ name, value }))];
}

/**
 * The draft order of a change, move or disconnect of `product`. A disconnect costs nothing; a
 * change or move is priced from the catalog like a quote line (the central system checks it).
 * Throws with what to do when the product cannot change or its offering is not on this laptop.
 */
export function deltaOrderFromProduct(input: DeltaOrderInput): OrderDoc {
  const { product, account, offering, change } = input;
  if (!canChangeProduct(product)) throw new Error(`${product.name} is ${product.status}; only an active product can be changed`);
  if (product.accountId !== account.id) throw new Error(`${product.name} belongs to another account`);
  const lineId = newId();
  const characteristics = configured(product, change === 'change' ? (input.characteristics ?? {}) : {});
  let items: OrderDoc['items'];
  let totals: OrderDoc['totals'];
  if (change === 'disconnect') {
    const currency = product.currency ?? offering?.prices[0]?.currency ?? 'USD';
    items = [
      {
        id: lineId,
        offeringId: product.offeringId,
        offeringName: product.name,
        quantity: product.quantity,
        characteristics,
        oneTime: 0,
        recurring: 0,
      },
    ];
    totals = { oneTime: 0, recurring: 0, currency };
  } else {
    if (!offering) throw new Error(`The offering of ${product.name} is not in this laptop's catalog; sync, then try again`);
    const priced = priceItems([{ id: lineId, offeringId: offering.id, quantity: product.quantity, characteristics }], [offering]);
    items = priced.items.map((item) => ({ ...item, offeringName: product.name }));
    totals = priced.totals;
  }
  const billing = account.billingAccounts ?? [];
  const site = account.sites?.[0];
  return {
    id: newId(),
    owner: input.owner,
    createdAt: input.now,
    updatedAt: input.now,
    syncPending: true,
    // No quote: a delta order starts from the installed product.
    quoteId: '',
    accountId: account.id,
    accountName: account.name,
    status: 'draft',
    items,
    totals,
    catalogVersion: offering?.catalogVersion ?? '',
    delta: { action: change === 'disconnect' ? 'delete' : 'modify', change, productId: product.id, productName: product.name },
    ...(billing.length === 1 && billing[0] ? { billingAccount: billing[0].id } : {}),
    // A move goes to an address the rep enters; a change or disconnect is where the product is.
    ...(site && change !== 'move'
      ? { serviceAddress: { street: site.street, city: site.city, postcode: site.postcode, country: site.country } }
      : {}),
  };
}
