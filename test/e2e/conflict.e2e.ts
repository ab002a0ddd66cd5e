import { expect, test } from '@playwright/test';
import { priceItems } from '../../shared/pricing/engine';
import { centralCatalog, signIn, syncStatus } from './journey';
import { centralDocs, pushAsRep } from './centralAsRep';

const FIBRE = 'Business Fibre Internet';
const COMPANY = 'Conflict Lines Ltd';

test("a conflicted quote shows both versions in the app's words, the editor follows the stored lines and Keep mine restores the rep's", async ({
  page,
  context,
}) => {
  await signIn(page, 'sam');
  await expect(syncStatus(page)).toContainText('Online', { timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'First sync progress' })).toBeHidden({ timeout: 30_000 });
  // Captured offline, so the outbox can be seen listing new records.
  await context.setOffline(true);
  await expect(syncStatus(page)).toContainText('Offline');
  await page.getByRole('button', { name: 'New lead' }).click();
  await page.getByLabel('Company').fill(COMPANY);
  await page.getByLabel('Contact name').fill('Kim Lines');
  await page.getByLabel('Email').fill('kim@example.com');
  await page.getByLabel('Country').selectOption('US');
  await page.getByLabel('Product category').selectOption('Laptops');
  await page.getByLabel('Purchase timeframe').selectOption('Within 1 month');
  await page.getByLabel('Purchase amount').fill('60000');
  await page.getByLabel('Budget status').selectOption('Approved');
  await page.getByLabel('Source').selectOption('Road show');
  await page.getByRole('button', { name: 'Save lead' }).click();
  await page.getByRole('button', { name: 'Convert to opportunity' }).click();
  await page.getByRole('button', { name: 'Create quote' }).click();
  await page.getByLabel('Offering').selectOption({ label: FIBRE });
  await page.getByRole('button', { name: 'Add to quote' }).click();
  const quantity = page.getByRole('spinbutton', { name: `Quantity for ${FIBRE}` });
  await expect(quantity).toHaveValue('1');
  const outbox = page.getByRole('table', { name: 'Changes waiting to sync' });
  const quoteTitle = `${COMPANY} — quote v1`;

  await test.step('the outbox lists what was created offline as new records waiting to be sent', async () => {
    await syncStatus(page)
      .getByRole('link', { name: /waiting to sync/ })
      .click();
    for (const name of [`Lead: ${COMPANY}`, `Quote: ${quoteTitle}`]) {
      const row = outbox.getByRole('row', { name: new RegExp(`^${name}`) });
      await expect(row).toContainText('New record');
      await expect(row).toContainText('Waiting to be sent');
    }
    await outbox.getByRole('button', { name: quoteTitle, exact: true }).click();
    await context.setOffline(false);
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 20_000 });
  });

  await test.step('offline the rep sets 3 units while another laptop sets 2 units centrally', async () => {
    await context.setOffline(true);
    await expect(syncStatus(page)).toContainText('Offline');
    await quantity.fill('3');
    await expect(syncStatus(page)).toContainText('1 change waiting to sync');
    // Against the central system's last known version, only the lines changed.
    await syncStatus(page)
      .getByRole('link', { name: /waiting to sync/ })
      .click();
    await expect(outbox.getByRole('row', { name: new RegExp(`^Quote: ${quoteTitle}`) })).toContainText('Changed: items, totals');
    await outbox.getByRole('button', { name: quoteTitle, exact: true }).click();

    const accounts = await centralDocs('sam', 'accounts');
    const accountId = accounts.find((a) => a.name === COMPANY)?.id;
    const quote = (await centralDocs('sam', 'quotes')).find((q) => q.accountId === accountId);
    if (!quote) throw new Error('the quote has not reached the central system');
    const line = quote.items[0];
    if (!line) throw new Error('the central quote has no line');
    const priced = priceItems([{ ...line, quantity: 2 }], await centralCatalog('sam'));
    const answer = await pushAsRep('sam', 'quotes', [
      {
        newDocumentState: { ...quote, items: priced.items, totals: priced.totals, updatedAt: new Date().toISOString() },
        assumedMasterState: quote,
      },
    ]);
    expect(answer).toEqual([]);
    await context.setOffline(false);
  });

  await test.step('back online the central version wins, the editor shows it and the rep sees both versions', async () => {
    await expect(page.getByText(/Another version of this record exists/)).toBeVisible({ timeout: 20_000 });
    await expect(quantity).toHaveValue('2');
    await page.getByRole('button', { name: 'Show other version' }).click();
    const versions = page.getByRole('table', { name: 'The versions' });
    await expect(versions.getByRole('columnheader')).toHaveText([
      'Field',
      'Before either change',
      "Central system's version",
      'Your version',
      'Keep',
    ]);
    const lines = versions.getByRole('row', { name: /Lines and totals/ });
    await expect(lines.getByRole('rowheader')).toHaveText('Lines and totals (Changed on both sides)');
    // Base, theirs, mine: line by line in the app's words.
    await expect(lines.getByRole('cell').nth(0)).toContainText(`1 × ${FIBRE}`);
    await expect(lines.getByRole('cell').nth(1)).toContainText(`2 × ${FIBRE}`);
    await expect(lines.getByRole('cell').nth(2)).toContainText(`3 × ${FIBRE}`);
    await expect(lines).toContainText(/\$[\d,]+\.\d\d one-time/);
    await expect(versions).not.toContainText('"oneTime"');
  });

  await test.step("Keep mine writes the rep's lines back and the conflict is gone", async () => {
    await page.getByRole('button', { name: 'Keep mine' }).click();
    await expect(page.getByText(/Another version of this record exists/)).toBeHidden();
    await expect(quantity).toHaveValue('3');
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 20_000 });
  });
});
