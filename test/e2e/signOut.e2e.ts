import { expect, test, type Page } from '@playwright/test';
import type { TokenResponse } from '../../shared/sync/protocol';
import { cutCentral, restoreCentral, signIn, syncStatus } from './journey';

const leads = (page: Page) => page.getByRole('table', { name: 'Leads' });

async function captureLead(page: Page, company: string): Promise<void> {
  await page.getByRole('button', { name: 'New lead' }).click();
  await page.getByLabel('Company').fill(company);
  await page.getByLabel('Contact name').fill('Rita Moreno');
  await page.getByLabel('Email').fill('rita@example.com');
  await page.getByLabel('Phone').fill('+1 555 0100');
  await page.getByLabel('Country').selectOption('US');
  await page.getByLabel('Product category').selectOption('Laptops');
  await page.getByLabel('Purchase timeframe').selectOption('Within 1 month');
  await page.getByLabel('Purchase amount').fill('60000');
  await page.getByLabel('Budget status').selectOption('Approved');
  await page.getByLabel('Source').selectOption('Road show');
  await page.getByRole('button', { name: 'Save lead' }).click();
}

test('signing out with unsynced work names it, can be cancelled, and never deletes it', async ({ page, context }) => {
  await signIn(page, 'sam');
  await expect(leads(page)).toContainText('Metro Transit Authority');
  await expect(syncStatus(page)).toContainText('Online');

  await cutCentral(context);
  await captureLead(page, 'Harbor Lights Ltd.');
  await expect(syncStatus(page)).toContainText('1 change waiting to sync');

  await page.getByRole('button', { name: 'Sign out' }).click();
  const warning = page.getByRole('dialog', { name: 'Sign out with unsynced work?' });
  await expect(warning).toContainText('1 lead has not reached the central system yet');
  await warning.getByRole('button', { name: 'Cancel' }).click();
  await expect(warning).toHaveCount(0);
  await expect(syncStatus(page)).toContainText('1 change waiting to sync');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await warning.getByRole('button', { name: 'Sign out anyway' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Anything not yet synced stays on this laptop');

  await restoreCentral(context);
  await page.getByLabel('Username').fill('sam');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Leads' }).click();
  await expect(leads(page)).toContainText('Harbor Lights Ltd.');
  await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 30_000 });
});

test('signing out online asks the central system to revoke the session (RFC 7009)', async ({ page }) => {
  const tokenResponse = page.waitForResponse((response) => response.url().endsWith('/oauth/token') && response.ok());
  await signIn(page, 'sam');
  const token = (await (await tokenResponse).json()) as TokenResponse;
  await expect(syncStatus(page)).toContainText('Online');

  const revocations: URLSearchParams[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/oauth/revoke')) revocations.push(new URLSearchParams(request.postData() ?? ''));
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(revocations.map((form) => Object.fromEntries(form))).toEqual([
    { token: token.refresh_token, token_type_hint: 'refresh_token', client_id: 'outpost-desktop' },
    { token: token.access_token, token_type_hint: 'access_token', client_id: 'outpost-desktop' },
  ]);
});
