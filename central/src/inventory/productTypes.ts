/** The parts of the TMF637 v4 Product resource the central system writes (swagger definitions). */
import type { Money, RelatedParty } from '../ordering';

export const PRODUCT_INVENTORY_BASE = '/tmf-api/productInventory/v4';
export const INVENTORY_DOMAIN = 'productInventory';
/** tmf_resources.kind of TMF637 products. */
export const PRODUCT_KIND = 'product';

export interface ProductCharacteristic {
  name: string;
  valueType?: string;
  value: unknown;
}

export interface ProductPrice {
  name?: string;
  description?: string;
  priceType: string;
  recurringChargePeriod?: string;
  price: { dutyFreeAmount: Money };
}

export interface RelatedProductOrderItem {
  orderItemId: string;
  productOrderId: string;
  productOrderHref?: string;
  orderItemAction?: string;
  role?: string;
  '@referredType'?: string;
}

export interface Product {
  id: string;
  href: string;
  name: string;
  description?: string;
  isBundle: boolean;
  isCustomerVisible: boolean;
  /** TMF637 ProductStatusType; fulfillment creates products `active`. */
  status: string;
  orderDate?: string;
  startDate: string;
  productOffering: { id: string; name?: string; href?: string };
  productCharacteristic: ProductCharacteristic[];
  productPrice: ProductPrice[];
  billingAccount?: { id: string; name?: string; '@referredType'?: string };
  relatedParty: RelatedParty[];
  productOrderItem: RelatedProductOrderItem[];
  '@type': 'Product';
  [attribute: string]: unknown;
}

export function productHref(id: string): string {
  return `${PRODUCT_INVENTORY_BASE}/product/${id}`;
}
