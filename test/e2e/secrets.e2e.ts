import { expect, test, type Page } from '@playwright/test';
import { deriveStorageKey } from '../../renderer/data/storageKey';
import type { TokenResponse, UserInfo } from '../../shared/sync/protocol';
import { signIn } from './journey';

/** Every value in the page's web storage, as one text. */
function webStorage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const dump = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, i) => `${storage.key(i)}=${storage.getItem(storage.key(i) ?? '')}`);
    return [...dump(localStorage), ...dump(sessionStorage)].join('\n');
  });
}

test('the browser build keeps no token and no storage key in web storage, and the session survives a reload', async ({ page }) => {
  const tokenResponse = page.waitForResponse((response) => response.url().endsWith('/oauth/token') && response.ok());
  const meResponse = page.waitForResponse((response) => response.url().endsWith('/me') && response.ok());
  await signIn(page, 'sam');
  const token = (await (await tokenResponse).json()) as TokenResponse;
  const user = (await (await meResponse).json()) as UserInfo;
  await expect(page.getByText(`Signed in as ${user.displayName}`)).toBeVisible();

  const storageKey = await deriveStorageKey(user.id, 'demo');
  const secrets = [token.access_token, token.refresh_token, storageKey].filter((s): s is string => Boolean(s));
  expect(secrets.length).toBeGreaterThanOrEqual(2);
  const stored = await webStorage(page);
  for (const secret of secrets) expect(stored).not.toContain(secret);

  await page.reload();
  await expect(page.getByText(`Signed in as ${user.displayName}`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
  const afterReload = await webStorage(page);
  for (const secret of secrets) expect(afterReload).not.toContain(secret);
});
