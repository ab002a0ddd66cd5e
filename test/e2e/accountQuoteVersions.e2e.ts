import { expect, test } from '@playwright/test';
import { signIn, syncStatus } from './journey';

const FIBRE = 'Business Fibre Internet';
const STATIC_IP = 'Static IP Block';
const ACCOUNT = 'Bluepeak Outfitters';

test('a rep finds an account by search, starts a quote from it offline, fixes a broken catalog rule, revises it and compares the versions', async ({
  page,
  context,
}) => {
  await test.step('sam signs in; the Accounts screen finds his seeded customer by search', async () => {
    await signIn(page, 'sam');
    await expect(syncStatus(page)).toContainText('Online', { timeout: 30_000 });
    await expect(page.getByRole('progressbar', { name: 'First sync progress' })).toBeHidden({ timeout: 30_000 });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Accounts' }).click();
    await page.getByLabel('Search accounts').fill('boulder'); // a site's city finds the account
    const accounts = page.getByRole('table', { name: 'Accounts' });
    await expect(accounts.getByRole('link')).toHaveCount(1);
    await accounts.getByRole('link', { name: ACCOUNT }).click();
    await expect(page.getByRole('heading', { level: 1, name: ACCOUNT })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Account details' })).toContainText('Credit limit: $120,000');
    await expect(page.getByRole('table', { name: 'Sites of this account' })).toContainText('12 Canyon Mall, Boulder 80301, US');
    await expect(page.getByRole('table', { name: 'Contacts of this account' })).toContainText('(primary)');
  });

  await test.step('offline, a quote is started from the account and priced from the local catalog', async () => {
    await context.setOffline(true);
    await expect(syncStatus(page)).toContainText('Offline');
    await page.getByLabel('Opportunity name').fill('Store connectivity');
    await page.getByRole('button', { name: 'Start quote' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${ACCOUNT} — quote v1` })).toBeVisible();
  });

  await test.step('a static IP without a fibre line breaks a catalog rule, named next to the line; adding fibre fixes it', async () => {
    await page.getByLabel('Offering').selectOption({ label: STATIC_IP });
    await page.getByRole('button', { name: 'Add to quote' }).click();
    const broken = page.getByRole('listitem', { name: STATIC_IP }).getByRole('list', { name: `Rules broken by ${STATIC_IP}` });
    await expect(broken).toHaveText(`${STATIC_IP} requires a fibre access line at the same site: add ${FIBRE}`);
    await expect(page.getByRole('button', { name: 'Submit for approval' })).toBeDisabled();

    await page.getByLabel('Offering').selectOption({ label: FIBRE });
    await page.getByRole('button', { name: 'Add to quote' }).click();
    await expect(page.getByRole('spinbutton', { name: `Quantity for ${FIBRE}` })).toHaveValue('1');
    await expect(broken).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Submit for approval' })).toBeEnabled();
  });

  await test.step('Revise makes version 2 with the lines; version 1 can no longer be changed or revised', async () => {
    await page.getByRole('button', { name: 'Revise' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${ACCOUNT} — quote v2` })).toBeVisible();
    const quantity = page.getByRole('spinbutton', { name: `Quantity for ${FIBRE}` });
    await expect(quantity).toHaveValue('1');
    await quantity.fill('2');
    await expect(page.getByText(/^Monthly total: /)).toBeVisible();
    const versions = page.getByRole('table', { name: 'Versions of this quote' });
    await expect(versions).toContainText('Version 2 (shown) — latest');

    await versions.getByRole('button', { name: 'Version 1' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${ACCOUNT} — quote v1` })).toBeVisible();
    await expect(page.getByText('version 2 supersedes it')).toBeVisible();
    await expect(page.getByRole('spinbutton', { name: `Quantity for ${FIBRE}` })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Revise' })).toBeDisabled();
    await expect(page.getByText('Version 1 is not the latest; revise version 2')).toBeVisible();
  });

  await test.step('the two versions compared line by line', async () => {
    await page.getByLabel('Compare version', { exact: true }).selectOption({ label: 'Version 1 (In progress)' });
    await page.getByLabel('with version', { exact: true }).selectOption({ label: 'Version 2 (In progress)' });
    const comparison = page.getByRole('table', { name: 'Version 1 compared with version 2' });
    const line = comparison.getByRole('row', { name: new RegExp(`^${FIBRE} × 2`) });
    await expect(line).toContainText('Changed');
    await expect(line).toContainText('quantity 1 → 2');
  });

  await test.step('back online, both versions and the opportunity sync', async () => {
    await context.setOffline(false);
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 30_000 });
  });
});
