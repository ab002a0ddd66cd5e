import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { serveBrowserBuild } from '../../main/dev/serveBrowser';
import { appUrl, centralUrl } from './journey';

test('the sign-in screen lists the demo identities in demo mode only', async ({ page }) => {
  await page.goto(appUrl());
  const demo = page.getByRole('region', { name: 'Demo identities' });
  await expect(demo).toContainText('alex (Sales rep)');
  await expect(demo).toContainText('morgan (Sales manager)');

  const production = await serveBrowserBuild({
    root: join(import.meta.dirname, '..', '..', 'dist', 'web'),
    port: 0,
    centralUrl: centralUrl(),
    demoMode: false,
  });
  try {
    await page.goto(production.url);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Demo identities' })).toHaveCount(0);
    await expect(page.getByText('alex (Sales rep)')).toHaveCount(0);
  } finally {
    await production.close();
  }
});

test('a wrong password is refused with a message and nothing typed is lost', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('Username').fill('alex');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/password/i);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Username')).toHaveValue('alex');
});
