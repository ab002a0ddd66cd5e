import { expect, type BrowserContext, type Page } from '@playwright/test';
import type { ProductOrder } from '../../central/src/ordering';
import type { OfferingDoc } from '../../shared/schemas';

export const appUrl = (): string => required('OUTPOST_E2E_APP_URL');
export const centralUrl = (): string => required('OUTPOST_E2E_CENTRAL_URL');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests with their Playwright config (global setup)`);
  return value;
}

export function syncStatus(page: Page) {
  return page.getByRole('status', { name: 'Sync status' });
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(appUrl());
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits for the first sync to finish, so the screens show what the central system holds. */
export async function signedInAndSynced(page: Page, username: string): Promise<void> {
  await signIn(page, username);
  await expect(syncStatus(page)).toContainText('Online', { timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'First sync progress' })).toBeHidden({ timeout: 30_000 });
}

/** Makes the central system unreachable for this context while the app itself still loads. */
export async function cutCentral(context: BrowserContext): Promise<void> {
  await context.route(`${centralUrl()}/**`, (route) => route.abort('internetdisconnected'));
}

export async function restoreCentral(context: BrowserContext): Promise<void> {
  await context.unroute(`${centralUrl()}/**`);
}

export async function integrationToken(): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'tmf-client', client_secret: 'demo' });
  const tokenResponse = await fetch(`${centralUrl()}/oauth/token`, { method: 'POST', body: form });
  return ((await tokenResponse.json()) as { access_token: string }).access_token;
}

/** The operations desk moves a ProductOrder on (central.pend with the fall-out's reason, ...). */
/** `extra`: more of the transition's body, e.g. a partial's `itemOutcomes`. */
export async function centralTransition(
  productOrderId: string,
  event: string,
  reason?: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const response = await fetch(`${centralUrl()}/ops/productOrder/${encodeURIComponent(productOrderId)}/transition`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await integrationToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ event, ...(reason ? { reason } : {}), ...extra }),
  });
  expect(response.status).toBe(200);
}

/** A TMF622 ProductOrder as the integration client reads it. */
export async function centralProductOrder(productOrderId: string): Promise<ProductOrder> {
  const response = await fetch(`${centralUrl()}/tmf-api/productOrderingManagement/v4/productOrder/${encodeURIComponent(productOrderId)}`, {
    headers: { authorization: `Bearer ${await integrationToken()}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ProductOrder;
}

/** What the central system holds for an order, asked as the integration client would. */
export async function centralOrdersWithExternalId(externalId: string): Promise<{ id: string; state: string; externalId: string }[]> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'tmf-client', client_secret: 'demo' });
  const tokenResponse = await fetch(`${centralUrl()}/oauth/token`, { method: 'POST', body: form });
  const token = (await tokenResponse.json()) as { access_token: string };
  const response = await fetch(
    `${centralUrl()}/tmf-api/productOrderingManagement/v4/productOrder?externalId=${encodeURIComponent(externalId)}`,
    {
      headers: { authorization: `Bearer ${token.access_token}` },
    },
  );
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; state: string; externalId: string }[];
}

/** The catalog as the central system serves it to a rep, to price expectations with the real engine. */
export async function centralCatalog(username: string): Promise<OfferingDoc[]> {
  const form = new URLSearchParams({ grant_type: 'password', client_id: 'outpost-desktop', username, password: 'demo' });
  const token = (await (await fetch(`${centralUrl()}/oauth/token`, { method: 'POST', body: form })).json()) as { access_token: string };
  const response = await fetch(`${centralUrl()}/sync/offerings/pull?seq=0&limit=500`, {
    headers: { authorization: `Bearer ${token.access_token}` },
  });
  return ((await response.json()) as { documents: OfferingDoc[] }).documents;
}
