/**
 * Delta orders (seed 003, asset-based ordering): an item with action `modify` or `delete` changes
 * an installed product, named by `product.id` (TMF622 ProductRefOrValue). The consistency check
 * refuses an item that names no product, a product that is not active, or one of another customer.
 */
import type { Queryable } from '../../platform/db/db';
import { isObject } from '../../platform/json';
import { getResource } from '../../platform/tmf/resourceStore';

/** tmf_resources.kind of TMF637 products (inventory/productTypes.ts PRODUCT_KIND). */
const PRODUCT_KIND = 'product';

export interface ProductRef {
  itemId: string;
  action: 'modify' | 'delete';
  productId: string | undefined;
}

/** The top-level items that change an existing product. */
export function productRefsOf(items: readonly unknown[]): ProductRef[] {
  return items.flatMap((item): ProductRef[] => {
    if (!isObject(item) || (item.action !== 'modify' && item.action !== 'delete')) return [];
    const product = isObject(item.product) ? item.product : undefined;
    const productId = typeof product?.id === 'string' && product.id !== '' ? product.id : undefined;
    return [{ itemId: String(item.id), action: item.action, productId }];
  });
}

/** Why the order cannot change these products; empty when every reference is an active product of the customer. */
export async function productRefProblems(tx: Queryable, refs: readonly ProductRef[], customerId: string | undefined): Promise<string[]> {
  const problems: string[] = [];
  for (const ref of refs) {
    if (!ref.productId) {
      problems.push(`Item ${ref.itemId} (${ref.action}) names no product; set product.id to the installed product it changes`);
      continue;
    }
    const stored = await getResource(tx, PRODUCT_KIND, ref.productId);
    const product = stored?.resource;
    if (!product) {
      problems.push(`Item ${ref.itemId} (${ref.action}) names product ${ref.productId}, which is not in the inventory`);
      continue;
    }
    if (product.status !== 'active') {
      problems.push(
        `Item ${ref.itemId} (${ref.action}): product ${ref.productId} is ${String(product.status)}; only an active product can change`,
      );
      continue;
    }
    const parties = Array.isArray(product.relatedParty) ? product.relatedParty.filter(isObject) : [];
    if (customerId && !parties.some((party) => party.id === customerId)) {
      problems.push(`Item ${ref.itemId} (${ref.action}): product ${ref.productId} belongs to another customer`);
    }
  }
  return problems;
}
