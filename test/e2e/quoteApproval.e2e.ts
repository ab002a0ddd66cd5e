import { expect, test } from '@playwright/test';
import { REP_MONTHLY_AUTHORITY } from '../../shared/machines/quote.machine';
import { formatCents } from '../../shared/money';
import { priceItems } from '../../shared/pricing/engine';
import { centralDoc } from './centralAsRep';
import { centralCatalog, centralUrl, signedInAndSynced, syncStatus } from './journey';

const FIBRE = 'Business Fibre Internet';
const COMPANY = 'Approval Heights Logistics';
// Two lines of 1 Gbps fibre at its default 12-month term: within the rep's monthly authority, so only the discount needs a manager.
const QUANTITY = 2;
const COMMENT = 'Approved for the Q4 fibre push';
const PRICE_1G = 'price-fibre-1g';

/** The administrator sets a catalog price (TMF620 PATCH, in the currency's units), as the central system's catalog team would. */
async function setCatalogPrice(priceId: string, value: number): Promise<void> {
  const form = new URLSearchParams({ grant_type: 'password', client_id: 'outpost-desktop', username: 'admin', password: 'demo' });
  const token = (await (await fetch(`${centralUrl()}/oauth/token`, { method: 'POST', body: form })).json()) as { access_token: string };
  const response = await fetch(`${centralUrl()}/tmf-api/productCatalogManagement/v4/productOfferingPrice/${priceId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/merge-patch+json' },
    body: JSON.stringify({ price: { value } }),
  });
  expect(response.status).toBe(200);
}

test('a quote discounted 20 % waits for the manager, who approves it offline with a comment; the rep can then put it to the customer', async ({
  page,
  browser,
}) => {
  const quoteTitle = `${COMPANY} — quote v1`;
  let quoteId = '';

  await test.step('alex builds a quote, discounts it 20 % (a manager decides that) and submits it offline', async () => {
    await signedInAndSynced(page, 'alex');
    await page.getByRole('button', { name: 'New lead' }).click();
    await page.getByLabel('Company').fill(COMPANY);
    await page.getByLabel('Contact name').fill('Jo Approver');
    await page.getByLabel('Email').fill('jo@approval.example');
    await page.getByLabel('Country').selectOption('US');
    await page.getByLabel('Product category').selectOption('Laptops');
    await page.getByLabel('Purchase timeframe').selectOption('Within 1 month');
    await page.getByLabel('Purchase amount').fill('60000');
    await page.getByLabel('Budget status').selectOption('Approved');
    await page.getByLabel('Source').selectOption('Road show');
    await page.getByRole('button', { name: 'Save lead' }).click();
    await expect(page.getByText('Qualified: Yes')).toBeVisible();
    await page.getByRole('button', { name: 'Convert to opportunity' }).click();
    await page.getByRole('button', { name: 'Create quote' }).click();
    await expect(page.getByText('Status: In progress')).toBeVisible();
    await expect(page).toHaveURL(/#\/quotes\/[^/]+$/);
    quoteId = decodeURIComponent(new URL(page.url()).hash.replace('#/quotes/', ''));

    await page.getByLabel('Offering').selectOption({ label: FIBRE });
    await page.getByRole('button', { name: 'Add to quote' }).click();
    await page.getByLabel(`Bandwidth for ${FIBRE}`).selectOption('1 Gbps');
    await page.getByRole('spinbutton', { name: `Quantity for ${FIBRE}` }).fill(String(QUANTITY));

    // The expected monthly total from the real pricing engine over the central catalog, and it must need a manager.
    const catalog = await centralCatalog('alex');
    const fibre = catalog.find((o) => o.name === FIBRE);
    if (!fibre) throw new Error(`${FIBRE} is not in the central catalog`);
    const expected = priceItems(
      [
        {
          id: '01',
          offeringId: fibre.id,
          quantity: QUANTITY,
          characteristics: [
            { name: 'Bandwidth', value: '1 Gbps' },
            { name: 'Contract term', value: '12 months' },
          ],
        },
      ],
      catalog,
    ).totals;
    expect(expected.recurring).toBeLessThanOrEqual(REP_MONTHLY_AUTHORITY);
    await expect(page.getByText(`Monthly total: ${formatCents(expected.recurring, expected.currency)}`, { exact: true })).toBeVisible();

    // 20 % off the whole quote's recurring charges: the discount policy gives that to the sales manager.
    await page.getByLabel('Discount on').selectOption({ label: 'Whole quote' });
    await page.getByLabel('Discounted charges').selectOption({ label: 'Recurring' });
    await page.getByLabel('Discount kind').selectOption({ label: 'Percent' });
    await page.getByLabel('Discount', { exact: true }).fill('20');
    await page.getByRole('button', { name: 'Apply discount' }).click();
    const net = expected.recurring - Math.floor((expected.recurring * 20) / 100 + 0.5);
    await expect(page.getByText(`Monthly after discounts: ${formatCents(net, expected.currency)}`)).toBeVisible();
    await expect(page.getByText('Approval: 20 % off recurring charges needs the sales manager.')).toBeVisible();
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 20_000 });

    // The request is made offline and travels with the next sync.
    await page.context().setOffline(true);
    await expect(syncStatus(page)).toContainText('Offline', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await expect(page.getByText('Status: Pending', { exact: true })).toBeVisible();
    await expect(syncStatus(page)).toContainText('1 change waiting to sync');
    await page.context().setOffline(false);
    await expect(page.getByText('Waiting for a manager to approve this quote.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Send back', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Accept quote' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Submit for approval' })).toBeDisabled();
    // The pending quote reaches the central system before the manager looks for it.
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 20_000 });
    expect((await centralDoc('alex', 'quotes', quoteId))?.status).toBe('pending');
  });

  const managerContext = await browser.newContext();
  try {
    const manager = await managerContext.newPage();

    await test.step("morgan, alex's manager, finds the request in the approval inbox and is offered Approve and Send back", async () => {
      await signedInAndSynced(manager, 'morgan');
      await manager.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Quotes' }).click();
      const inbox = manager.getByRole('list', { name: 'Approval requests' });
      const request = inbox.getByRole('listitem').filter({ hasText: quoteTitle });
      await expect(request).toContainText('from user-alex: 20 % off recurring charges needs the sales manager');
      await request.getByRole('link', { name: quoteTitle, exact: true }).click();
      await expect(manager).toHaveURL(new RegExp(`#/quotes/${quoteId}$`));
      await expect(manager.getByRole('heading', { level: 1 })).toHaveText(quoteTitle);
      await expect(manager.getByText('Status: Pending', { exact: true })).toBeVisible();
      await expect(
        manager.getByText(
          "This quote is above the rep's approval authority and waits for your decision: 20 % off recurring charges needs the sales manager.",
        ),
      ).toBeVisible();
      await expect(manager.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();
      await expect(manager.getByRole('button', { name: 'Send back', exact: true })).toBeEnabled();
      // The decision is the manager's; putting the quote to the customer is not.
      await expect(manager.getByRole('button', { name: 'Accept quote' })).toHaveCount(0);
    });

    await test.step('morgan approves offline with a comment; the decision reaches the central system with the next sync', async () => {
      await managerContext.setOffline(true);
      await expect(syncStatus(manager)).toContainText('Offline', { timeout: 30_000 });
      await manager.getByLabel('Comment for the rep').fill(COMMENT);
      await manager.getByRole('button', { name: 'Approve', exact: true }).click();
      await expect(manager.getByText('Status: Approved')).toBeVisible();
      await expect(manager.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
      await expect(syncStatus(manager)).toContainText('1 change waiting to sync');
      await managerContext.setOffline(false);
      await expect(syncStatus(manager)).toContainText('0 changes waiting to sync', { timeout: 30_000 });
      await expect.poll(async () => (await centralDoc('alex', 'quotes', quoteId))?.status, { timeout: 20_000 }).toBe('approved');
    });
  } finally {
    await managerContext.close();
  }

  await test.step("alex's open screen shows the quote approved with morgan's comment; changing it reopens it", async () => {
    await expect(page.getByText('Status: Approved')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('Waiting for a manager to approve this quote.')).toBeHidden();
    await expect(page.getByText(`Approved by user-morgan: “${COMMENT}”`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Accept quote' })).toBeEnabled();
    // Changing the approved quote reopens it: the approval no longer holds.
    await page.getByRole('button', { name: 'Reopen quote' }).click();
    await expect(page.getByText('Status: In progress')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Accept quote' })).toBeDisabled();
    await page.getByRole('button', { name: 'Remove discount on recurring charges of the whole quote' }).click();
  });

  await test.step('a newer catalog price does not change the open quote: alex sees the difference and reprices', async () => {
    const catalog = await centralCatalog('alex');
    const fibre = catalog.find((o) => o.name === FIBRE);
    const price = fibre?.prices.find((p) => p.id === PRICE_1G)?.amount;
    if (!fibre || price === undefined) throw new Error(`${FIBRE} has no ${PRICE_1G} price`);
    const monthly = (offerings: typeof catalog) =>
      priceItems(
        [
          {
            id: '01',
            offeringId: fibre.id,
            quantity: QUANTITY,
            characteristics: [
              { name: 'Bandwidth', value: '1 Gbps' },
              { name: 'Contract term', value: '12 months' },
            ],
          },
        ],
        offerings,
      ).totals.recurring;
    const before = monthly(catalog);
    await setCatalogPrice(PRICE_1G, (price + 1_000) / 100);
    try {
      const after = monthly(await centralCatalog('alex'));
      expect(after).toBeGreaterThan(before);
      const changes = page.getByRole('table', { name: 'Price changes' });
      const row = changes.getByRole('row').filter({ hasText: FIBRE });
      await expect(row).toContainText(`${formatCents(before, 'USD')} monthly`, { timeout: 30_000 });
      await expect(row).toContainText(`${formatCents(after, 'USD')} monthly`);
      // Nothing changed by itself: the quote keeps its prices, and cannot be submitted, until repriced.
      await expect(page.getByText(`Monthly total: ${formatCents(before, 'USD')}`, { exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Submit for approval' })).toBeDisabled();
      await page.getByRole('button', { name: 'Reprice with the new prices' }).click();
      await expect(changes).toBeHidden();
      await expect(page.getByText(`Monthly total: ${formatCents(after, 'USD')}`, { exact: true })).toBeVisible();
      await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 20_000 });
      expect((await centralDoc('alex', 'quotes', quoteId))?.totals.recurring).toBe(after);
    } finally {
      // The e2e specs share one central system: its catalog goes back as it was.
      await setCatalogPrice(PRICE_1G, price / 100);
    }
    await expect(page.getByRole('table', { name: 'Price changes' })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Reprice with the new prices' }).click();
    await expect(page.getByRole('table', { name: 'Price changes' })).toBeHidden();
  });

  await test.step('with a discount within the rep authority the reopened quote is approved at once and accepted', async () => {
    await page.getByLabel('Discount', { exact: true }).fill('10');
    await page.getByRole('button', { name: 'Apply discount' }).click();
    await expect(page.getByText('Within your authority: 10 % off recurring charges.')).toBeVisible();
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await expect(page.getByText('Status: Approved')).toBeVisible();
    const accept = page.getByRole('button', { name: 'Accept quote' });
    await expect(accept).toBeEnabled();
    await accept.click();
    await expect(page.getByText('Status: Accepted')).toBeVisible();
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 20_000 });
    expect((await centralDoc('alex', 'quotes', quoteId))?.status).toBe('accepted');
  });
});
