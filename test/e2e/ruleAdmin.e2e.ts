import { expect, test, type Page } from '@playwright/test';
import { ruleSetVersionsPath } from '../../shared/leads/ruleAdmin';
import { centralDocs, repToken } from './centralAsRep';
import { centralUrl, signIn, syncStatus } from './journey';

/** A set of its own (Japan only), so the other specs' Vision leads are decided as before. */
const SET_ID = 'e2e-japan-qualification';
const COMPANY = 'Kyoto Screens KK';

async function createJapanSet(): Promise<void> {
  const response = await fetch(`${centralUrl()}${ruleSetVersionsPath(SET_ID)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await repToken('admin')}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      engine: 'qualification',
      name: 'Japan road show',
      precedence: 5,
      guards: [{ field: 'country', op: 'in', values: ['JP'] }],
      rules: [{ name: 'Big deals', conditions: [{ field: 'purchaseAmount', op: 'gte', number: 100000 }], outcome: { qualified: true } }],
    }),
  });
  if (response.status !== 201) throw new Error(`creating the rule set: ${response.status} ${await response.text()}`);
}

async function firstSyncDone(page: Page): Promise<void> {
  await expect(syncStatus(page)).toContainText('Online', { timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'First sync progress' })).toBeHidden({ timeout: 30_000 });
}

test("an administrator publishes a rule set's next version in the app, and a rep's new lead is processed with it", async ({
  page,
  browser,
}) => {
  await createJapanSet();
  await signIn(page, 'admin');
  await firstSyncDone(page);

  await test.step('the admin lowers the threshold and publishes version 2', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Rules' }).click();
    await expect(page.getByRole('heading', { name: 'Rule administration' })).toBeVisible();
    await expect(page.getByText('does not work offline')).toBeVisible();
    await page.getByLabel('Rule set to edit').selectOption(SET_ID);
    const editor = page.getByRole('form', { name: 'Japan road show (qualification), version 1' });
    const value = editor.getByLabel('Rule 1 condition 1: value');
    await expect(value).toHaveValue('100000');
    // Checked before sending: what to fix is said, nothing is published.
    await value.fill('lots');
    await editor.getByRole('button', { name: 'Publish version 2' }).click();
    await expect(editor.getByRole('alert')).toContainText('Purchase amount is compared with a number; enter one');
    await value.fill('50000');
    await editor.getByRole('button', { name: 'Publish version 2' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Published Japan road show version 2' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Japan road show (qualification), version 2' })).toBeVisible();
    const versions = page.getByRole('list', { name: 'Published versions' });
    await expect(versions.getByRole('listitem')).toHaveCount(2);
    await expect(versions.getByRole('listitem').first()).toContainText('Version 2');
  });

  await test.step('the rep receives it by sync and a Japanese lead of 60,000 qualifies by it', async () => {
    const repContext = await browser.newContext();
    const rep = await repContext.newPage();
    try {
      await signIn(rep, 'sam');
      await firstSyncDone(rep);
      await expect(rep.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Rules' })).toHaveCount(0);
      await rep.getByRole('button', { name: 'New lead' }).click();
      await rep.getByLabel('Company').fill(COMPANY);
      await rep.getByLabel('Contact name').fill('Aiko Tanaka');
      await rep.getByLabel('Email').fill('aiko@kyoto-screens.example');
      await rep.getByLabel('Country').selectOption('JP');
      await rep.getByLabel('Product category').selectOption('Monitors');
      await rep.getByLabel('Purchase timeframe').selectOption('1-3 months');
      await rep.getByLabel('Purchase amount').fill('60000');
      await rep.getByLabel('Budget status').selectOption('Approved');
      await rep.getByLabel('Source').selectOption('Road show');
      await rep.getByRole('button', { name: 'Save lead' }).click();
      await expect(rep.getByRole('list', { name: 'Processing trace' })).toContainText("'Japan road show' rule 'Big deals' -> qualified");
      await expect(syncStatus(rep)).toContainText('0 changes waiting to sync', { timeout: 30_000 });
      // The lead says which versions decided it, so the central system re-runs exactly these (drift).
      // Polled: the status bar may still read 0 from before the save counted, so the push can land just after it.
      await expect
        .poll(async () => (await centralDocs('sam', 'leads')).find((lead) => lead.company === COMPANY), { timeout: 30_000 })
        .toMatchObject({ qualified: true, ruleSetVersions: expect.arrayContaining([{ id: SET_ID, version: 2 }]) });
    } finally {
      await repContext.close();
    }
  });
});
