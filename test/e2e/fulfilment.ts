import { expect, type Page } from '@playwright/test';
import type { Product } from '../../central/src/inventory';
import type { FulfillmentStep } from '../../central/src/ordering';
import { centralDoc, repToken } from './centralAsRep';
import { centralUrl, integrationToken } from './journey';

/**
 * One step of the central system's fulfillment simulator for this ProductOrder, as the
 * administrator drives it (the e2e central runs it in manual mode with no fall-outs: global.setup.ts).
 */
export async function stepFulfilment(productOrderId: string): Promise<FulfillmentStep> {
  const response = await fetch(`${centralUrl()}/admin/fulfillment/step`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await repToken('admin')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ orderId: productOrderId }),
  });
  expect(response.status).toBe(200);
  const [step] = ((await response.json()) as { steps: FulfillmentStep[] }).steps;
  if (!step) throw new Error(`The fulfillment step of ProductOrder ${productOrderId} answered no step`);
  return step;
}

/** Steps the order (acknowledged -> inProgress -> completed) until it is delivered; anywhere else it goes is a failure, with its reason. */
export async function fulfil(productOrderId: string): Promise<FulfillmentStep> {
  for (let steps = 0; steps < 3; steps++) {
    const step = await stepFulfilment(productOrderId);
    if (step.to === 'completed') return step;
    if (step.to !== 'inProgress')
      throw new Error(`Fulfillment moved ProductOrder ${productOrderId} from ${step.from} to ${step.to}: ${step.reason}`);
  }
  throw new Error(`ProductOrder ${productOrderId} was not completed in 3 fulfillment steps`);
}

/** A TMF637 product as the integration client reads it. */
export async function centralProduct(productId: string): Promise<Product> {
  const response = await fetch(`${centralUrl()}/tmf-api/productInventory/v4/product/${encodeURIComponent(productId)}`, {
    headers: { authorization: `Bearer ${await integrationToken()}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Product;
}

/** The TMF637 products of a customer account that this ProductOrder created, as the integration client lists them. */
export async function centralProductsCreatedBy(accountId: string, productOrderId: string): Promise<Product[]> {
  const response = await fetch(
    `${centralUrl()}/tmf-api/productInventory/v4/product?relatedParty=${encodeURIComponent(accountId)}&limit=100`,
    {
      headers: { authorization: `Bearer ${await integrationToken()}` },
    },
  );
  expect(response.status).toBe(200);
  const products = (await response.json()) as Product[];
  return products.filter((product) =>
    product.productOrderItem.some((item) => item.productOrderId === productOrderId && item.role === 'creation'),
  );
}

export async function openAccount(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('table', { name: 'Accounts' }).getByRole('link', { name }).click();
}

/** The app order id of the order screen the page shows. */
export function orderIdOf(page: Page): string {
  return decodeURIComponent(new URL(page.url()).hash.replace('#/orders/', ''));
}

/** The central system's ProductOrder id of an app order of alex, once its push is ingested. */
export async function tmfOrderIdOf(orderId: string): Promise<string> {
  let tmfOrderId: string | undefined;
  await expect.poll(async () => (tmfOrderId = (await centralDoc('alex', 'orders', orderId))?.tmfOrderId), { timeout: 30_000 }).toBeTruthy();
  return String(tmfOrderId);
}

/** alex starts a direct order on `account` with these offerings, at their default configuration; returns the order id. */
export async function startDirectOrder(page: Page, account: string, offerings: readonly string[]): Promise<string> {
  await openAccount(page, account);
  await page.getByRole('button', { name: 'Create order directly' }).click();
  await expect(page).toHaveURL(/#\/orders\/[^/]+$/);
  for (const offering of offerings) {
    await page.getByLabel('Offering').selectOption({ label: offering });
    await page.getByRole('button', { name: 'Add to order' }).click();
  }
  return orderIdOf(page);
}

/** Validates and submits the order on screen, online: it is acknowledged by the central system. */
export async function submitOnline(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Validate order' }).click();
  await expect(page.getByText('The order is complete and can be submitted.')).toBeVisible();
  await page.getByRole('button', { name: 'Submit order' }).click();
  await expect(page.getByText('Status: Acknowledged')).toBeVisible({ timeout: 30_000 });
}
