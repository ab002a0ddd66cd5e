import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { pdfText } from '../support/pdfText';
import { centralDoc } from './centralAsRep';
import { signIn, syncStatus } from './journey';

const FIBRE = 'Business Fibre Internet';
const STATIC_IP = 'Static IP Block';
const ACCOUNT = 'Bluepeak Outfitters';
const SIGNER = 'Dana Bluepeak';
const STORE = '12 Canyon Mall, Boulder';

test('a rep finds an account by search, starts a quote from it offline, fixes a broken catalog rule, revises it, compares the versions, the customer signs the PDF and accepts it as the sales agreement a later quote shows', async ({
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
    // Never checked and offline: serviceability waits for the connection.
    await expect(page.getByRole('listitem', { name: STORE })).toContainText('not checked yet (offline: checked when online)');
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
    // Both lines go to the Boulder store: the rule holds per site.
    await page.getByLabel(`Site for ${FIBRE}`).selectOption({ label: STORE });
    await expect(broken).toHaveCount(1);
    await page.getByLabel(`Site for ${STATIC_IP}`).selectOption({ label: STORE });
    await expect(broken).toHaveCount(0);
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

  let quoteId = '';
  await test.step('offline, version 2 is submitted, the customer signs it on the laptop, and its PDF is saved and says what it offers', async () => {
    await page.getByRole('table', { name: 'Versions of this quote' }).getByRole('button', { name: 'Version 2' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${ACCOUNT} — quote v2` })).toBeVisible();
    quoteId = decodeURIComponent(new URL(page.url()).hash.replace('#/quotes/', ''));
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await expect(page.getByText('Status: Approved')).toBeVisible();
    const monthly = ((await page.getByText(/^Monthly total: /).textContent()) ?? '').replace('Monthly total: ', '');

    await page.getByLabel("Signer's name").fill(SIGNER);
    const pad = page.getByRole('img', { name: /Signature drawing area/ });
    // The mouse reaches only what is on screen, clear of the status bar at the bottom.
    await pad.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const box = await pad.boundingBox();
    if (!box) throw new Error('the signature pad is not on screen');
    await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
    await page.mouse.down();
    for (const [x, y] of [
      [0.2, 0.3],
      [0.35, 0.75],
      [0.5, 0.25],
      [0.7, 0.7],
    ] as const)
      await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 4 });
    await page.mouse.up();
    await expect(page.getByText('Signature drawn.')).toBeVisible();
    await page.getByRole('button', { name: 'Sign quote' }).click();
    await expect(page.getByText(new RegExp(`^Signed by ${SIGNER} on .* \\(drawn\\); this version can no longer change\\.$`))).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign quote' })).toHaveCount(0);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Quote-Bluepeak-Outfitters-v2.pdf');
    await expect(page.getByRole('status', { name: 'Document status' })).toHaveText('Saved Quote-Bluepeak-Outfitters-v2.pdf');
    const read = await pdfText(await readFile(await file.path()));
    expect(read.text).toContain(`Quote for ${ACCOUNT}, version 2`);
    expect(read.text).toContain('12 Canyon Mall, Boulder 80301, US');
    expect(read.text).toContain(`${FIBRE} × 2`);
    expect(read.text).toMatch(/Monthly total\s+\$/);
    expect(read.text).toContain(`${monthly} / month`);
    expect(read.text).toContain(`Signed by ${SIGNER} on`);
    expect(read.images).toBe(1); // the drawn signature
  });

  await test.step('back online, both versions and the opportunity sync, the signature with version 2', async () => {
    await context.setOffline(false);
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 30_000 });
    const stored = await centralDoc('sam', 'quotes', quoteId);
    expect(stored?.status).toBe('approved');
    expect(stored?.signature).toMatchObject({ signerName: SIGNER, method: 'drawn' });
    expect(stored?.signature?.image).toMatch(/^data:image\/png;base64,/);
    expect(stored?.items.map((line) => line.siteId)).toEqual(['site-bluepeak-store', 'site-bluepeak-store']);
  });

  await test.step('online, each site is checked with the central system (TMF645); offline again, the kept answer is shown as such', async () => {
    const store = page.getByRole('listitem', { name: STORE });
    await expect(store).toContainText('Fibre up to 1000 Mbps, 5G up to 300 Mbps (checked today)', { timeout: 30_000 });
    await expect(store).toContainText(`Lines here: ${STATIC_IP}, ${FIBRE}`);
    await expect(page.getByRole('listitem', { name: '900 Summit Road, Denver' })).toContainText('Fibre up to 500 Mbps');
    await context.setOffline(true);
    await expect(store).toContainText('(checked today, offline)');
  });

  await test.step('offline, the customer accepts the signed version: it becomes the sales agreement a new quote of the account shows, and it syncs', async () => {
    await page.getByRole('button', { name: 'Accept quote' }).click();
    await expect(page.getByText('Status: Accepted')).toBeVisible();
    const agreements = page.getByRole('list', { name: 'Agreements in force for this account' });
    await expect(agreements).toContainText(`Sales agreement with ${ACCOUNT} (quote version 2) (this quote version)`);
    await expect(agreements).toContainText(`signed by ${SIGNER}`);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Accounts' }).click();
    await page.getByLabel('Search accounts').fill('boulder');
    await page.getByRole('table', { name: 'Accounts' }).getByRole('link', { name: ACCOUNT }).click();
    await expect(page.getByRole('heading', { level: 1, name: ACCOUNT })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Agreements in force for this account' })).toContainText('(quote version 2)');
    await page.getByLabel('Opportunity name').fill('Second store');
    await page.getByRole('button', { name: 'Start quote' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${ACCOUNT} — quote v1` })).toBeVisible();
    const later = page.getByRole('list', { name: 'Agreements in force for this account' });
    await expect(later).toContainText(`Sales agreement with ${ACCOUNT} (quote version 2)`);
    await expect(later).not.toContainText('(this quote version)');
    await expect(later.getByRole('list', { name: /^Lines covered by / })).toContainText(`${FIBRE} × 2`);

    await context.setOffline(false);
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 30_000 });
    const stored = await centralDoc('sam', 'quotes', quoteId);
    expect(stored?.agreement).toMatchObject({ quoteId, quoteVersion: 2, status: 'approved' });
  });
});
