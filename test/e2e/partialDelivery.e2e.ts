import { expect, test } from '@playwright/test';
import { partialReason } from '../../shared/orders/fallout';
import { centralDoc } from './centralAsRep';
import { startDirectOrder, stepFulfilment, submitOnline, tmfOrderIdOf } from './fulfilment';
import { centralProductOrder, centralTransition, signedInAndSynced, syncStatus } from './journey';

const ACCOUNT = 'Lumen Architects LLP';
const VOICE = 'Business Voice (SIP trunk)';
const FIBRE = 'Business Fibre Internet';

test('a partial delivery is accepted by the rep offline; once synced the central system notes it on the order', async ({
  page,
  context,
}) => {
  await signedInAndSynced(page, 'alex');
  const orderId = await startDirectOrder(page, ACCOUNT, [VOICE, FIBRE]);
  await page.getByLabel(`Bandwidth for ${FIBRE}`).selectOption('500 Mbps');
  await submitOnline(page);
  const tmfOrderId = await tmfOrderIdOf(orderId);
  expect((await stepFulfilment(tmfOrderId)).to).toBe('inProgress');

  // Fulfilment delivers the voice trunk (line 01) and fails the fibre line (02).
  const reason = partialReason(
    [
      { line: { id: '01', name: VOICE }, delivered: true },
      { line: { id: '02', name: FIBRE }, delivered: false },
    ],
    'the fibre build to the site was refused by the landlord',
  );
  await centralTransition(tmfOrderId, 'central.partial', reason, { itemOutcomes: { '01': 'completed', '02': 'failed' } });
  await expect(page.getByText('Status: Partial')).toBeVisible({ timeout: 30_000 });
  const attention = page.getByRole('list', { name: 'Lines that need attention' });
  await expect(attention).toContainText(`line 02 (${FIBRE}): the fibre build to the site was refused by the landlord`);
  await expect(attention).toContainText(`line 01 (${VOICE}): delivered`);
  await expect(page.getByRole('list', { name: 'Next steps' })).toContainText(
    'Accept the partial delivery: the delivered line stays installed',
  );

  // Offline, the rep accepts it: the screen says it waits for the sync.
  await context.setOffline(true);
  await expect(syncStatus(page)).toContainText('Offline');
  await page.getByRole('button', { name: 'Accept the partial delivery' }).click();
  const partial = page.getByRole('region', { name: 'Partial delivery' });
  await expect(partial.getByRole('status')).toContainText('it goes to the central system with the next sync');
  await expect(page.getByRole('button', { name: 'Accept the partial delivery' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Next steps' })).not.toContainText('Accept the partial delivery');
  await expect(page.getByText('Status: Partial')).toBeVisible();

  await context.setOffline(false);
  await expect(partial.getByRole('status')).toContainText('Partial delivery accepted by Alex Rivera on', { timeout: 30_000 });
  await expect(partial.getByRole('status')).toContainText('the central system noted it on the order');
  await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 20_000 });
  const stored = await centralDoc('alex', 'orders', orderId);
  expect(stored).toMatchObject({ status: 'partial', partialAcceptanceNoted: { by: 'Alex Rivera' } });
  const order = await centralProductOrder(tmfOrderId);
  expect(order.state).toBe('partial');
  expect(order.note).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        id: 'partialAccepted',
        author: 'Alex Rivera',
        text: `Partial delivery accepted by Alex Rivera: line 01 delivered stays installed; line 02 failed, not delivered`,
      }),
    ]),
  );
});
