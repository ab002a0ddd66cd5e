import { characteristicValueSchema } from './common';

/**
 * A priced line, as a quote holds it and as an order carries it over unchanged.
 * Amounts are integer cents so totals never drift through floating point.
 */
export const lineItemSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    offeringId: { type: 'string' },
    offeringName: { type: 'string' },
    quantity: { type: 'integer', minimum: 1 },
    characteristics: { type: 'array', items: characteristicValueSchema },
    /** One-time charge for this line (quantity included), cents. */
    oneTime: { type: 'integer' },
    /** Monthly recurring charge for this line (quantity included), cents. */
    recurring: { type: 'integer' },
    /** The account site (its `sites[].id`) the line is delivered to; none: the account's one site, or not said. */
    siteId: { type: 'string' },
  },
  required: ['id', 'offeringId', 'offeringName', 'quantity', 'characteristics', 'oneTime', 'recurring'],
} as const;

export const totalsSchema = {
  type: 'object',
  properties: {
    oneTime: { type: 'integer' },
    recurring: { type: 'integer' },
    currency: { type: 'string' },
  },
  required: ['oneTime', 'recurring', 'currency'],
} as const;

export interface LineItem {
  id: string;
  offeringId: string;
  offeringName: string;
  quantity: number;
  characteristics: { name: string; value: string }[];
  oneTime: number;
  recurring: number;
  siteId?: string;
}

export interface Totals {
  oneTime: number;
  recurring: number;
  currency: string;
}
