/**
 * Charges and tax on ingest: the central system recomputes them from its own charge table (the
 * seeded `policies` document `charges`) with shared/orders/charges.ts, puts its figures on the
 * TMF622 ProductOrder whatever the laptop sent, and holds an order whose figures differ (the
 * table changed while the rep was offline) for price review, saying what differs.
 */
import { describe, expect, it } from 'vitest';
import { chargesVerdictOf, chargeTableOf, orderCharges, type ChargeTable } from '../../../../shared/orders/charges';
import type { OrderDoc } from '../../../../shared/schemas';
import { SEED_POLICIES } from '../../seed/policies';
import type { Json } from '../../test/client';
import { newOrder } from '../../test/fixtures';
import { ENGINES, centralSuite } from '../../test/harness';
import { conformingProductOrder, pulledOrder } from '../../test/ordering';

const seeded = chargeTableOf(SEED_POLICIES);
if (!seeded) throw new Error('the seed has no charge table');
const SEEDED: ChargeTable = seeded;
/** The table as the laptop had it before the central system raised the fibre installation to $250. */
const BEFORE: ChargeTable = {
  ...SEEDED,
  updatedAt: '2025-12-01T00:00:00.000Z',
  itemCharges: SEEDED.itemCharges.map((c) => (c.offeringId === 'off-fibre-internet' ? { ...c, amount: 20000 } : c)),
};

/** The laptop's stamp (useOrderForm) for newOrder's lines: US service address. */
const stamped = (table: ChargeTable) => {
  const order = newOrder('user-alex');
  return orderCharges({ ...order, country: 'US' }, table);
};

const usd = (value: number) => ({ unit: 'USD', value });

describe.each(ENGINES)('charges and tax recomputed on ingest, on $name', (engine) => {
  const suite = centralSuite(engine);

  async function submit(overrides: Partial<OrderDoc>): Promise<{ doc: Json; productOrder: Json }> {
    const order = newOrder('user-alex', overrides);
    expect(await suite.alex.push('orders', [{ newDocumentState: order }])).toEqual([]);
    const doc = await pulledOrder(suite.alex, order.id);
    return { doc, productOrder: await conformingProductOrder(suite.tmf, doc.tmfOrderId) };
  }

  // newOrder: fibre (one-time $199, monthly $134.10) + 5 mobile lines ($50, $195): installation
  // $250 (fibre), shipping 5 x $5, one-time $524.00 + 8.25 % = $567.23, monthly $329.10 + 8.25 % = $356.25.
  const CENTRAL_TOTALS = [
    {
      name: 'One-time total',
      priceType: 'oneTime',
      price: { dutyFreeAmount: usd(524), taxIncludedAmount: usd(567.23), taxRate: 8.25 },
      priceAlteration: [
        { name: 'Installation', priceType: 'oneTime', price: { dutyFreeAmount: usd(250) } },
        { name: 'Shipping', priceType: 'oneTime', price: { dutyFreeAmount: usd(25) } },
      ],
    },
    {
      name: 'Monthly total',
      priceType: 'recurring',
      recurringChargePeriod: 'month',
      price: { dutyFreeAmount: usd(329.1), taxIncludedAmount: usd(356.25), taxRate: 8.25 },
    },
  ];

  it('acknowledges an order whose charges agree, with the totals, tax and each item total on the ProductOrder', async () => {
    const charges = stamped(SEEDED);
    expect(charges).toMatchObject({ installation: 25000, shipping: 2500, taxOneTime: 4323, taxRecurring: 2715 });
    const { doc, productOrder } = await submit({ charges });
    expect(doc.status).toBe('acknowledged');
    expect(productOrder.orderTotalPrice).toEqual(CENTRAL_TOTALS.map((price) => expect.objectContaining(price)));
    const items = productOrder.productOrderItem as Json[];
    expect(items.map((item) => item.itemTotalPrice)).toEqual([
      [
        expect.objectContaining({
          priceType: 'oneTime',
          price: { dutyFreeAmount: usd(449) },
          priceAlteration: [{ name: 'Installation', priceType: 'oneTime', price: { dutyFreeAmount: usd(250) } }],
        }),
        expect.objectContaining({ priceType: 'recurring', price: { dutyFreeAmount: usd(134.1) } }),
      ],
      [
        expect.objectContaining({
          priceType: 'oneTime',
          price: { dutyFreeAmount: usd(75) },
          priceAlteration: [{ name: 'Shipping', priceType: 'oneTime', price: { dutyFreeAmount: usd(25) } }],
        }),
        expect.objectContaining({ priceType: 'recurring', price: { dutyFreeAmount: usd(195) } }),
      ],
    ]);
  });

  it('holds an order priced with the table the laptop had offline, says what differs, and carries its own figures', async () => {
    const { doc, productOrder } = await submit({ charges: stamped(BEFORE) });
    expect(doc.status).toBe('held');
    const reason = String(doc.stateReason);
    expect(reason).toBe(
      'Held for price review: Charges and tax differ from the central charge table (2026-01-01T00:00:00.000Z): ' +
        'installation $200.00 on the laptop, $250.00 on the central system and one-time tax $39.11 on the laptop, $43.23 on the central system',
    );
    // What the rep's order screen reads back from the pulled order.
    expect(chargesVerdictOf(reason)).toMatch(/^Charges and tax differ .* \$250\.00 on the central system and one-time tax/);
    expect(productOrder.orderTotalPrice).toEqual(CENTRAL_TOTALS.map((price) => expect.objectContaining(price)));
    const notes = productOrder.note as Json[];
    expect(notes.find((note) => note.id === 'priceCheck')?.text).toMatch(/^Charges and tax differ/);
  });

  it('never takes the laptop figures: an order claiming no charges and no tax is held and charged the table', async () => {
    const zero = {
      ...stamped(SEEDED),
      installation: 0,
      shipping: 0,
      taxOneTime: 0,
      taxRecurring: 0,
      totalOneTime: 24900,
      totalRecurring: 32910,
    };
    const { doc, productOrder } = await submit({ charges: zero });
    expect(doc.status).toBe('held');
    expect(String(doc.stateReason)).toContain('shipping $0.00 on the laptop, $25.00 on the central system');
    expect(productOrder.orderTotalPrice).toEqual(CENTRAL_TOTALS.map((price) => expect.objectContaining(price)));
  });

  it('charges an order from an app without charges by the table, without holding it', async () => {
    const { doc, productOrder } = await submit({});
    expect(doc.status).toBe('acknowledged');
    expect(doc.charges).toBeUndefined();
    expect(productOrder.orderTotalPrice).toEqual(CENTRAL_TOTALS.map((price) => expect.objectContaining(price)));
  });
});
