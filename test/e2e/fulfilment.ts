import { expect } from '@playwright/test';
import type { Product } from '../../central/src/inventory';
import type { FulfillmentStep } from '../../central/src/ordering';
import { repToken } from './centralAsRep';
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
