import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { serveBrowserBuild, type BrowserBuildServer } from '../../main/dev/serveBrowser';
import { appUrl, centralUrl, cutCentral, signIn, syncStatus } from './journey';

const leads = (page: Page) => page.getByRole('table', { name: 'Leads' });

test.describe('idle lock', () => {
  let shortIdle: BrowserBuildServer;
  test.beforeAll(async () => {
    // 6 seconds: long enough for the test to look at the workspace, short enough to wait for.
    shortIdle = await serveBrowserBuild({
      root: join(import.meta.dirname, '..', '..', 'dist', 'web'),
      port: 0,
      centralUrl: centralUrl(),
      demoMode: true,
      idleLockMinutes: 0.1,
    });
  });
  test.afterAll(async () => {
    await shortIdle.close();
  });

  test('locks after the configured idle time, stops syncing, refuses a wrong password and reopens with the right one', async ({ page }) => {
    const central: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(centralUrl())) central.push(request.url());
    });
    await page.goto(shortIdle.url);
    await page.getByLabel('Username').fill('sam');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(leads(page)).toContainText('Metro Transit Authority');

    const locked = page.getByRole('heading', { name: 'Outpost is locked' });
    await expect(locked).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
    await expect(leads(page)).toHaveCount(0);

    // Locked means closed: no sync traffic until the password is given again.
    const requestsAtLock = central.length;
    await page.waitForTimeout(2_000);
    expect(central.slice(requestsAtLock)).toEqual([]);

    // The key was not kept: a reload stays locked.
    await page.reload();
    await expect(locked).toBeVisible();

    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toContainText('That is not the password of sam');
    await expect(locked).toBeVisible();

    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(leads(page)).toContainText('Metro Transit Authority');
    await expect(syncStatus(page)).toContainText('Online');
  });
});

test('a rep who signed out unlocks offline with their password while the central system is unreachable', async ({ page, context }) => {
  await signIn(page, 'sam');
  await expect(leads(page)).toContainText('Oakridge Hotels');
  await expect(syncStatus(page)).toContainText('0 changes waiting to sync');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await cutCentral(context);
  await page.getByLabel('Username').fill('sam');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('That is not the password of sam');

  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(leads(page)).toContainText('Oakridge Hotels');
  await expect(syncStatus(page)).toContainText('Offline');
});

test('offline, a rep who never signed in on this laptop is told why they cannot get in', async ({ page, context }) => {
  await page.goto(appUrl());
  await cutCentral(context);
  await page.getByLabel('Username').fill('morgan');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('morgan has not signed in on this laptop before');
});
