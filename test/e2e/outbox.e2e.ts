import { expect, test } from '@playwright/test';
import { signIn, syncStatus } from './journey';
import { centralOrder, pushRefusedOrder } from './refusedOrders';

const NO_STREET = 'Enter the street of the service address';

test('the outbox lists refused changes; the rep fixes one, discards another and can restore it', async ({ page }) => {
  const fixId = await pushRefusedOrder('sam', 'Outbox Fix Ltd');
  const discardId = await pushRefusedOrder('sam', 'Outbox Discard Ltd');
  await signIn(page, 'sam');
  await expect(syncStatus(page)).toContainText('Online', { timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'First sync progress' })).toBeHidden({ timeout: 30_000 });
  const outbox = page.getByRole('table', { name: 'Changes waiting to sync' });
  const fixRow = outbox.getByRole('row', { name: /Order for Outbox Fix Ltd/ });
  const discardRow = outbox.getByRole('row', { name: /Order for Outbox Discard Ltd/ });

  await test.step('the status bar count opens the outbox, which shows each refused record with its reason', async () => {
    await syncStatus(page)
      .getByRole('link', { name: /waiting to sync/ })
      .click();
    await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
    await expect(fixRow).toContainText(`Refused: ${NO_STREET}`);
    await expect(discardRow).toContainText(`Refused: ${NO_STREET}`);
    for (const action of ['Retry', 'Fix', 'Discard']) await expect(fixRow.getByRole('button', { name: action, exact: true })).toBeVisible();
  });

  await test.step('Retry sends the record again: the central system judges it afresh', async () => {
    const before = (await centralOrder('sam', discardId))?.syncError?.at;
    await discardRow.getByRole('button', { name: 'Retry', exact: true }).click();
    await expect.poll(async () => (await centralOrder('sam', discardId))?.syncError?.at, { timeout: 20_000 }).not.toBe(before);
    await expect(discardRow).toContainText(`Refused: ${NO_STREET}`);
  });

  await test.step('Fix opens the order with the reason; a corrected order is sent again and accepted', async () => {
    await fixRow.getByRole('button', { name: 'Fix', exact: true }).click();
    await expect(page.getByText(`Sync refused: ${NO_STREET}`)).toBeVisible();
    await page.getByLabel('Street').fill('7 Mended Road');
    await page.getByRole('button', { name: 'Validate order' }).click();
    await expect(page.getByText('Status: Validated')).toBeVisible();
    await page.getByRole('button', { name: 'Submit order' }).click();
    await expect
      .poll(
        async () => {
          const central = await centralOrder('sam', fixId);
          return central ? `${central.serviceAddress?.street} ${central.syncError ? 'refused' : 'accepted'}` : 'missing';
        },
        { timeout: 20_000 },
      )
      .toBe('7 Mended Road accepted');
    await expect(page.getByText(/Sync refused/)).toBeHidden();
    await syncStatus(page)
      .getByRole('link', { name: /waiting to sync/ })
      .click();
    await expect(fixRow).toBeHidden();
  });

  await test.step('Discard asks first, keeps a copy under Discarded and the queue moves on', async () => {
    await discardRow.getByRole('button', { name: 'Discard', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Discard the change to Order for Outbox Discard Ltd?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Keep change' }).click();
    await expect(dialog).toBeHidden();
    await expect(discardRow).toBeVisible();

    await discardRow.getByRole('button', { name: 'Discard', exact: true }).click();
    await dialog.getByRole('button', { name: 'Discard change' }).click();
    await expect(discardRow).toBeHidden();
    const kept = page
      .getByRole('list', { name: 'Discarded changes' })
      .getByRole('listitem', { name: 'Order: Order for Outbox Discard Ltd' });
    await expect(kept).toContainText(`The central system had refused it: ${NO_STREET}`);
    await expect(kept).toContainText('BA-REFUSED-1');
    // Never accepted by the central system: removed there too, so nothing is left to push.
    await expect.poll(async () => (await centralOrder('sam', discardId))?._deleted, { timeout: 20_000 }).toBe(true);
    // Nothing of it is left in the queue.
    await expect(discardRow).toBeHidden();
  });

  await test.step('Restore brings the discarded version back as a change to send', async () => {
    await page.getByRole('button', { name: 'Restore Order for Outbox Discard Ltd' }).click();
    await expect(page.getByRole('listitem', { name: 'Order: Order for Outbox Discard Ltd' })).toBeHidden();
    await expect(discardRow).toBeVisible();
    await expect.poll(async () => (await centralOrder('sam', discardId))?._deleted, { timeout: 20_000 }).toBe(false);
  });

  await test.step('discarded again, nothing of it is left for the next spec signed in as sam', async () => {
    await discardRow.getByRole('button', { name: 'Discard', exact: true }).click();
    await page
      .getByRole('alertdialog', { name: 'Discard the change to Order for Outbox Discard Ltd?' })
      .getByRole('button', { name: 'Discard change' })
      .click();
    await expect(discardRow).toBeHidden();
    await expect.poll(async () => (await centralOrder('sam', discardId))?._deleted, { timeout: 20_000 }).toBe(true);
  });
});
