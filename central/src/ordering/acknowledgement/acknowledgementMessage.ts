/**
 * The acknowledgement email of an order (seed 003: "an acknowledgement of the order can
 * automatically be sent to the customer by email"), as pure functions of the ProductOrder.
 */
import type { ProductOrder, RelatedParty } from '../productOrder/productOrderTypes';

export interface AcknowledgementMessage {
  subject: string;
  text: string;
}

/** The customer account of an order: the party with role customer, else the first party without a role. */
export function customerPartyOf(order: ProductOrder): RelatedParty | undefined {
  const parties = order.relatedParty ?? [];
  return parties.find((party) => party.role === 'customer') ?? parties.find((party) => party.role === undefined);
}

function amount(value: unknown, unit: unknown): string | undefined {
  return typeof value === 'number' && typeof unit === 'string' ? `${value.toFixed(2)} ${unit}` : undefined;
}

/** "Business Fibre Internet x 1: 199.00 USD one-time, 134.10 USD monthly" per line. */
function lineText(item: ProductOrder['productOrderItem'][number]): string {
  const name = item.product?.name ?? item.productOffering?.name ?? item.productOffering?.id ?? `Line ${item.id}`;
  const charges = (item.itemPrice ?? []).flatMap((price) => {
    const text = amount(price.price.dutyFreeAmount.value, price.price.dutyFreeAmount.unit);
    return text ? [`${text} ${price.priceType === 'recurring' ? 'monthly' : 'one-time'}`] : [];
  });
  return `- ${item.id} ${name} x ${item.quantity ?? 1}${charges.length > 0 ? `: ${charges.join(', ')}` : ''}`;
}

/**
 * Subject and plain text. The reference the customer quotes back is the ProductOrder id (the
 * "central order number" the rep sees); the rep's own order id follows it when there is one.
 */
export function acknowledgementMessage(order: ProductOrder, contactName: string | undefined): AcknowledgementMessage {
  const customer = customerPartyOf(order)?.name;
  const subject = `Order ${order.id} acknowledged${customer ? ` - ${customer}` : ''}`;
  const text = [
    contactName ? `Dear ${contactName},` : 'Hello,',
    '',
    `we have received your order and acknowledged it on ${order.orderDate.slice(0, 10)}.`,
    `Order reference: ${order.id}`,
    ...(order.externalId ? [`Your sales representative's reference: ${order.externalId}`] : []),
    '',
    'Ordered:',
    ...order.productOrderItem.map(lineText),
    '',
    'We will keep you informed as the order is fulfilled. Please quote the order reference in any question about it.',
    '',
    'Outpost order management',
  ].join('\n');
  return { subject, text };
}
