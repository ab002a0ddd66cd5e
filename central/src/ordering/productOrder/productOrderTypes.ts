/** The parts of the TMF622 v4 ProductOrder resource the central system writes (swagger definitions). */
import { ORDER_TMF_STATES } from '../../../../shared/schemas/order.schema';

export const PRODUCT_ORDER_BASE = '/tmf-api/productOrderingManagement/v4';

/** TMF622 ProductOrderStateType: the same list the app's order schema holds for the states the central system owns. */
export const PRODUCT_ORDER_STATES = ORDER_TMF_STATES;
export type ProductOrderState = (typeof PRODUCT_ORDER_STATES)[number];

export const ORDER_ITEM_ACTIONS = ['add', 'modify', 'delete', 'noChange'] as const;

export interface Money {
  unit: string;
  value: number;
}

/** TMF622 Price: `taxRate` is a percentage (8.25), `taxIncludedAmount` only where tax was computed. */
export interface Price {
  dutyFreeAmount: Money;
  taxIncludedAmount?: Money;
  taxRate?: number;
}

/** TMF622 PriceAlteration: here what is added to a price (installation, shipping); `price` and `priceType` are mandatory (profile). */
export interface PriceAlteration {
  name: string;
  priceType: 'oneTime' | 'recurring';
  price: Price;
}

export interface OrderPrice {
  name?: string;
  description?: string;
  priceType: 'oneTime' | 'recurring';
  recurringChargePeriod?: string;
  price: Price;
  priceAlteration?: PriceAlteration[];
}

export interface RelatedParty {
  id: string;
  name?: string;
  role?: string;
  '@referredType': string;
}

export interface ProductOrderItem {
  id: string;
  action: (typeof ORDER_ITEM_ACTIONS)[number];
  quantity?: number;
  state?: string;
  productOffering?: { id: string; name?: string; href?: string };
  itemPrice?: OrderPrice[];
  /** The item's price with its installation and shipping (before tax, which is computed on the order's totals). */
  itemTotalPrice?: OrderPrice[];
  product?: {
    name?: string;
    isBundle?: boolean;
    productCharacteristic?: { name: string; valueType?: string; value: unknown }[];
    /** TMF622 RelatedProductOrderItem: a supplemental order's item modifies the original's. */
    productOrderItem?: {
      orderItemId: string;
      orderItemAction: string;
      productOrderId: string;
      productOrderHref?: string;
      role?: string;
      '@referredType'?: string;
    }[];
  };
  [extension: string]: unknown;
}

export interface ProductOrder {
  id: string;
  href: string;
  externalId?: string;
  orderDate: string;
  state: ProductOrderState;
  productOrderItem: ProductOrderItem[];
  relatedParty?: RelatedParty[];
  note?: { id?: string; author?: string; date?: string; text: string }[];
  billingAccount?: { id: string; name?: string; '@referredType'?: string };
  '@type': 'ProductOrder';
  [attribute: string]: unknown;
}

export function productOrderHref(id: string): string {
  return `${PRODUCT_ORDER_BASE}/productOrder/${id}`;
}

export function money(cents: number, unit: string): { dutyFreeAmount: Money } {
  return { dutyFreeAmount: { unit, value: cents / 100 } };
}
