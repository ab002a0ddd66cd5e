import { expect, test, type Page } from '@playwright/test';
import { centralDoc } from './centralAsRep';
import {
  centralProduct,
  centralProductsCreatedBy,
  fulfil,
  openAccount,
  orderIdOf,
  startDirectOrder,
  stepFulfilment,
  submitOnline,
  tmfOrderIdOf,
} from './fulfilment';
import { centralProductOrder, centralTransition, signedInAndSynced, syncStatus } from './journey';
import { receivedMail } from './mailbox';

const ACCOUNT = 'Lumen Architects LLP';
const FIBRE = 'Business Fibre Internet';
const VOICE = 'Business Voice (SIP trunk)';
const TERMS_REASON = 'Payment terms "Net 90" are not standard (standard: Net 30, Net 45)';
const PO_PDF = Buffer.from('%PDF-1.7\n%Purchase order 4711, Lumen Architects LLP\n%%EOF\n');
const QUESTION = 'Information required on line 01 (Business Fibre Internet): which floor is the comms room on?';
const ANSWER = 'Third floor, room 3.12';

function installedProducts(page: Page) {
  return page.getByRole('table', { name: 'Installed products of this account' });
}

test("a direct order with its PO attached offline waits for the rep's manager, who approves it offline; the rep answers an information request; once fulfilled, the rep disconnects the installed product", async ({
  page,
  context,
  browser,
}) => {
  // A long story with several syncs and fulfillment steps, on a loaded 2-core machine.
  test.slow();
  let orderId = '';

  await test.step('offline, alex creates an order directly on an account, configures it like a quote and submits it', async () => {
    await signedInAndSynced(page, 'alex');
    await openAccount(page, ACCOUNT);
    await expect(page.getByText('No installed products yet.')).toBeVisible();
    await context.setOffline(true);
    await expect(syncStatus(page)).toContainText('Offline');
    await page.getByRole('button', { name: 'Create order directly' }).click();
    await expect(page).toHaveURL(/#\/orders\/[^/]+$/);
    orderId = orderIdOf(page);
    await expect(page.getByText('Direct order (no quote)')).toBeVisible();
    await expect(page.getByText('No approval needed.')).toBeVisible();

    await page.getByLabel('Offering').selectOption({ label: FIBRE });
    await page.getByRole('button', { name: 'Add to order' }).click();
    await page.getByLabel(`Bandwidth for ${FIBRE}`).selectOption('500 Mbps');
    await expect(page.getByText('Monthly total: $149.00')).toBeVisible();
    await page.getByLabel('Payment terms').selectOption('Net 90');
    await expect(page.getByRole('list', { name: 'Why approval is needed' })).toHaveText(TERMS_REASON);

    // The PO goes with the order: a renamed program is refused by its content, the PDF is kept encrypted until it syncs.
    const file = page.getByLabel('Attach a file (PDF, PNG or JPEG, at most 5 MB)');
    await file.setInputFiles({ name: 'PO-4711.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 a program') });
    await expect(page.getByRole('region', { name: 'Attachments' }).getByRole('alert')).toContainText(
      'PO-4711.pdf is not a PDF, PNG or JPEG file (checked by its content)',
    );
    await file.setInputFiles({ name: 'PO-4711.pdf', mimeType: 'application/pdf', buffer: PO_PDF });
    await expect(page.getByRole('list', { name: 'Attached documents' })).toContainText(
      `Purchase order: PO-4711.pdf (${PO_PDF.length} bytes) - waiting to sync`,
    );

    await page.getByRole('button', { name: 'Validate order' }).click();
    await expect(page.getByText('The order is complete and can be submitted.')).toBeVisible();
    await page.getByRole('button', { name: 'Submit order' }).click();
    await expect(page.getByText('Status: Queued')).toBeVisible();
    await expect(page.getByText('Waiting to be sent to the central system')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Credit check' })).toContainText('Within the credit limit on this laptop');
    // Offline, the timeline is this laptop's own change.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline).toContainText('Offline');
    await expect(timeline.getByRole('list', { name: 'Timeline entries' })).toContainText(
      'Order: Created on this laptop, not synced yet — You on this laptop (not synced yet)',
    );
  });

  await test.step('back online, the central system holds it for the manager, as the policy said', async () => {
    await context.setOffline(false);
    await expect(page.getByText('Status: Held')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(`Waiting for approval by the rep's manager: ${TERMS_REASON}`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Approve order' })).toHaveCount(0);
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 20_000 });
    await expect(page.getByRole('list', { name: 'Attached documents' })).not.toContainText('waiting to sync');
    const tmfOrderId = String((await centralDoc('alex', 'orders', orderId))?.tmfOrderId);
    await expect
      .poll(async () => (await centralProductOrder(tmfOrderId)).note?.find((note) => note.id?.startsWith('attachment:'))?.text, {
        timeout: 20_000,
      })
      .toContain('Purchase order attached: PO-4711.pdf (application/pdf');
    // The central system acknowledged it on arrival: the customer's contact gets the email, through a real SMTP server.
    await expect
      .poll(async () => (await receivedMail()).find((mail) => mail.subject.startsWith(`Order ${tmfOrderId} acknowledged`)), {
        timeout: 20_000,
      })
      .toMatchObject({ envelopeTo: ['priya@lumenarchitects.example'], subject: `Order ${tmfOrderId} acknowledged - ${ACCOUNT}` });
  });

  const managerContext = await browser.newContext();
  try {
    const manager = await managerContext.newPage();
    await test.step('morgan opens the order and approves it while offline; the decision syncs when back online', async () => {
      await signedInAndSynced(manager, 'morgan');
      await manager.evaluate((id) => {
        window.location.hash = `#/orders/${id}`;
      }, orderId);
      await expect(manager.getByText('Status: Held')).toBeVisible({ timeout: 20_000 });
      await managerContext.setOffline(true);
      await expect(syncStatus(manager)).toContainText('Offline');
      await manager.getByRole('button', { name: 'Approve order' }).click();
      await expect(manager.getByText('Status: In progress')).toBeVisible();
      await expect(syncStatus(manager)).toContainText('1 change waiting to sync');
      await managerContext.setOffline(false);
      await expect(syncStatus(manager)).toContainText('0 changes waiting to sync', { timeout: 30_000 });
      await expect.poll(async () => (await centralDoc('alex', 'orders', orderId))?.approval?.state, { timeout: 20_000 }).toBe('approved');
      await expect(manager.getByRole('region', { name: 'Approval' })).toContainText('Approved by Morgan Lee on', { timeout: 20_000 });
    });
  } finally {
    await managerContext.close();
  }

  await test.step('the order desk needs information; alex answers offline, and the order resumes once it syncs', async () => {
    await expect(page.getByText('Status: In progress')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Approval' })).toContainText('Approved by Morgan Lee on');
    const tmfOrderId = String((await centralDoc('alex', 'orders', orderId))?.tmfOrderId);
    await centralTransition(tmfOrderId, 'central.pend', QUESTION);
    await expect(page.getByText('Status: Pending')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('list', { name: 'Lines that need attention' })).toContainText('which floor is the comms room on?');
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await expect(page.getByText('Write the information the order desk asked for')).toBeVisible();
    await page.getByLabel('Information for the order desk').fill(ANSWER);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await expect(page.getByText('Status: In progress')).toBeVisible();
    await expect(syncStatus(page)).toContainText('1 change waiting to sync');
    await context.setOffline(false);
    await expect(page.getByText(`Reason: In progress: the information was supplied: ${ANSWER}`)).toBeVisible({ timeout: 30_000 });
    expect((await centralProductOrder(tmfOrderId)).note?.map((note) => note.text)).toContain(ANSWER);
  });

  let productId = '';
  await test.step('fulfillment completes the order: its line becomes an installed product of the account, its installation does not', async () => {
    const tmfOrderId = await tmfOrderIdOf(orderId);
    await fulfil(tmfOrderId);
    await expect(page.getByText('Status: Completed')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Reason: Completed: every item is delivered and active')).toBeVisible();
    // The line was ordered with its installation (a one-time charge) ...
    await expect(page.getByRole('table', { name: 'Order lines' }).getByRole('row', { name: FIBRE })).toContainText('$199.00');
    // Online, the central timeline: alex's changes from this laptop, morgan's from another device, the central system's steps.
    const entries = page.getByRole('region', { name: 'Timeline' }).getByRole('list', { name: 'Timeline entries' });
    await expect(entries).toContainText('Order: Status held → inProgress — user-morgan on another device', { timeout: 20_000 });
    await expect(entries).toContainText(/Order: Created \((draft|queued)\) — You on this laptop/);
    await expect(entries).toContainText('Order status → held');
    await expect(entries).not.toContainText('not synced yet');

    // ... which the customer does not keep: one asset, the fibre line, with its monthly charge only.
    const accountId = String((await centralDoc('alex', 'orders', orderId))?.accountId);
    await expect.poll(async () => (await centralProductsCreatedBy(accountId, tmfOrderId)).length, { timeout: 20_000 }).toBe(1);
    const [product] = await centralProductsCreatedBy(accountId, tmfOrderId);
    productId = String(product?.id);
    expect(product).toMatchObject({ name: FIBRE, status: 'active' });
    const ordered = (await centralProductOrder(tmfOrderId)).productOrderItem[0]?.itemPrice?.map((price) => [price.priceType, price.price]);
    expect(ordered).toEqual([
      ['oneTime', { dutyFreeAmount: { unit: 'USD', value: 199 } }],
      ['recurring', { dutyFreeAmount: { unit: 'USD', value: 149 } }],
    ]);
    expect(product?.productPrice.map((price) => [price.priceType, price.price])).toEqual([
      ['recurring', { dutyFreeAmount: { unit: 'USD', value: 149 } }],
    ]);

    await openAccount(page, ACCOUNT);
    const installed = installedProducts(page);
    await expect(installed.getByRole('row', { name: FIBRE })).toContainText('Bandwidth: 500 Mbps', { timeout: 30_000 });
    await expect(installed.getByRole('row', { name: FIBRE })).toContainText('Active');
    await expect(installed.getByRole('row', { name: FIBRE })).toContainText('$149.00');
    // The header row and the fibre line: no installation among the assets.
    await expect(installed.getByRole('row')).toHaveCount(2);
    await expect(installed).not.toContainText('Installation');
  });

  await test.step('alex disconnects it: a delta order naming the product, which terminates it once delivered', async () => {
    await installedProducts(page)
      .getByRole('button', { name: `Disconnect ${FIBRE}` })
      .click();
    await expect(page).toHaveURL(/#\/orders\/[^/]+$/);
    const deltaId = orderIdOf(page);
    expect(deltaId).not.toBe(orderId);
    await expect(page.getByText(`Disconnect of installed product ${FIBRE}`)).toBeVisible();
    await expect(page.getByText('Status: Draft')).toBeVisible();
    await page.getByRole('button', { name: 'Validate order' }).click();
    await expect(page.getByText('The order is complete and can be submitted.')).toBeVisible();
    await page.getByRole('button', { name: 'Submit order' }).click();
    await expect(page.getByText('Status: Acknowledged')).toBeVisible({ timeout: 30_000 });
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 20_000 });

    // The central system's TMF622 order deletes that very product.
    const deltaTmfId = await tmfOrderIdOf(deltaId);
    const delta = await centralProductOrder(deltaTmfId);
    expect(delta.productOrderItem).toHaveLength(1);
    expect(delta.productOrderItem[0]).toMatchObject({ action: 'delete', product: { id: productId, name: FIBRE } });

    await fulfil(deltaTmfId);
    await expect(page.getByText('Status: Completed')).toBeVisible({ timeout: 30_000 });
    expect(await centralProduct(productId)).toMatchObject({
      status: 'terminated',
      terminationDate: expect.any(String),
      productOrderItem: expect.arrayContaining([
        expect.objectContaining({ productOrderId: deltaTmfId, orderItemAction: 'delete', role: 'termination' }),
      ]),
    });

    await openAccount(page, ACCOUNT);
    const row = installedProducts(page).getByRole('row', { name: FIBRE });
    await expect(row).toContainText('Terminated', { timeout: 30_000 });
    await expect(row).not.toContainText('Active');
    await expect(row.getByRole('button')).toHaveCount(0);
  });
});

test("a direct order in fulfilment is cancelled by the rep; the central system's answer comes back", async ({ page }) => {
  await signedInAndSynced(page, 'alex');
  const orderId = await startDirectOrder(page, ACCOUNT, [VOICE]);
  await submitOnline(page);
  expect((await stepFulfilment(await tmfOrderIdOf(orderId))).to).toBe('inProgress');
  await expect(page.getByText('Status: In progress')).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Cancel order' }).click();
  await expect(page.getByText('Say why the order is cancelled')).toBeVisible();
  await page.getByLabel('Cancellation reason').fill('Customer postponed the move');
  await page.getByRole('button', { name: 'Cancel order' }).click();
  await expect(page.getByText('Status: Cancelled')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Reason: Cancelled: Customer postponed the move')).toBeVisible();
  await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 20_000 });
  expect((await centralDoc('alex', 'orders', orderId))?.status).toBe('cancelled');
  const entries = page.getByRole('region', { name: 'Timeline' }).getByRole('list', { name: 'Timeline entries' });
  await expect(entries).toContainText(/Order: Created \((draft|queued)\) — You on this laptop/, { timeout: 20_000 });
  await expect(entries).not.toContainText('not synced yet');
});
