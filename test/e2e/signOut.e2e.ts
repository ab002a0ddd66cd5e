import { expect, test, type Page } from '@playwright/test';
import type { TokenResponse } from '../../shared/sync/protocol';
import { centralUrl, cutCentral, restoreCentral, signIn, syncStatus } from './journey';
import { captureLead } from './leads';

const leads = (page: Page) => page.getByRole('table', { name: 'Leads' });

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
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Leads' }).click();
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
    if (request.method() === 'POST' && request.url().endsWith('/oauth/revoke'))
      revocations.push(new URLSearchParams(request.postData() ?? ''));
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(revocations.map((form) => Object.fromEntries(form))).toEqual([
    { token: token.refresh_token, token_type_hint: 'refresh_token', client_id: 'outpost-desktop' },
    { token: token.access_token, token_type_hint: 'access_token', client_id: 'outpost-desktop' },
  ]);
});

// Needs central-auth's POST /oauth/revoke: an older central system answers 404 and the tokens live on.
test('after signing out online the central system refuses the old tokens', async ({ page }) => {
  const tokenResponse = page.waitForResponse((response) => response.url().endsWith('/oauth/token') && response.ok());
  await signIn(page, 'sam');
  const token = (await (await tokenResponse).json()) as TokenResponse;
  await expect(syncStatus(page)).toContainText('Online');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  const me = await fetch(`${centralUrl()}/me`, { headers: { authorization: `Bearer ${token.access_token}` } });
  expect(me.status).toBe(401);
  const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token.refresh_token ?? '', client_id: 'outpost-desktop' });
  const refreshed = await fetch(`${centralUrl()}/oauth/token`, { method: 'POST', body: form });
  expect(refreshed.ok).toBe(false);
});
