/**
 * The central system's charges (orderCharges.ts) as TMF622 OrderPrices. `orderTotalPrice` has one
 * price per priceType: its `price` is the total (lines plus installation and shipping, duty free
 * and tax included, with the `taxRate` in percent), and `priceAlteration` names what the charge
 * table added to the lines. Each item's `itemTotalPrice` is its `itemPrice` plus its own
 * installation and shipping, duty free only: tax is computed once on the order's totals (rounded
 * there), so per-item tax would not add up to it.
 */
import type { LineCharges, OrderCharges } from '../../../../shared/orders/charges';
import { money, type OrderPrice, type PriceAlteration } from '../productOrder/productOrderTypes';

const MONTHLY = { priceType: 'recurring', recurringChargePeriod: 'month' } as const;

function additions(charges: LineCharges, currency: string): PriceAlteration[] {
  const added: PriceAlteration[] = [];
  if (charges.installation > 0) added.push({ name: 'Installation', priceType: 'oneTime', price: money(charges.installation, currency) });
  if (charges.shipping > 0) added.push({ name: 'Shipping', priceType: 'oneTime', price: money(charges.shipping, currency) });
  return added;
}

function withAdditions(price: OrderPrice, added: PriceAlteration[]): OrderPrice {
  return added.length > 0 ? { ...price, priceAlteration: added } : price;
}

export function orderTotalPrices(totals: { recurring: number }, charges: OrderCharges): OrderPrice[] {
  const { currency } = charges;
  const taxRate = charges.taxBasisPoints / 100;
  return [
    withAdditions(
      {
        name: 'One-time total',
        description: 'Lines, installation and shipping, with tax',
        priceType: 'oneTime',
        price: {
          ...money(charges.totalOneTime - charges.taxOneTime, currency),
          taxIncludedAmount: money(charges.totalOneTime, currency).dutyFreeAmount,
          taxRate,
        },
      },
      additions(charges, currency),
    ),
    {
      name: 'Monthly total',
      description: 'Monthly charges, with tax',
      ...MONTHLY,
      price: {
        ...money(totals.recurring, currency),
        taxIncludedAmount: money(charges.totalRecurring, currency).dutyFreeAmount,
        taxRate,
      },
    },
  ];
}

export function itemTotalPrices(line: { oneTime: number; recurring: number }, charges: LineCharges, currency: string): OrderPrice[] {
  return [
    withAdditions(
      {
        name: 'One-time total',
        priceType: 'oneTime',
        price: money(line.oneTime + charges.installation + charges.shipping, currency),
      },
      additions(charges, currency),
    ),
    { name: 'Monthly total', ...MONTHLY, price: money(line.recurring, currency) },
  ];
}
