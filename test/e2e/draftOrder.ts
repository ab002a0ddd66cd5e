import { expect, type Page } from '@playwright/test';
import { signIn, syncStatus } from './journey';

const FIBRE = 'Business Fibre Internet';

/**
 * Signs in and walks a new lead to a draft order through the UI (lead, conversion, quote,
 * acceptance, order), so a spec works on a record of its own. Leaves the order screen open.
 */
export async function openNewDraftOrder(page: Page, username: string, company: string): Promise<void> {
  await signIn(page, username);
  await expect(syncStatus(page)).toContainText('Online', { timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'First sync progress' })).toBeHidden({ timeout: 30_000 });
  await page.getByRole('button', { name: 'New lead' }).click();
  await page.getByLabel('Company').fill(company);
  await page.getByLabel('Contact name').fill('Robin Field');
  await page.getByLabel('Email').fill('robin@example.com');
  await page.getByLabel('Country').selectOption('US');
  await page.getByLabel('Product category').selectOption('Laptops');
  await page.getByLabel('Purchase timeframe').selectOption('Within 1 month');
  await page.getByLabel('Purchase amount').fill('60000');
  await page.getByLabel('Budget status').selectOption('Approved');
  await page.getByLabel('Source').selectOption('Road show');
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(page.getByText('Qualified: Yes')).toBeVisible();
  await page.getByRole('button', { name: 'Convert to opportunity' }).click();
  await page.getByRole('button', { name: 'Create quote' }).click();
  await page.getByLabel('Offering').selectOption({ label: FIBRE });
  await page.getByRole('button', { name: 'Add to quote' }).click();
  await expect(page.getByText(/^One-time total: /)).toBeVisible();
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByText('Status: Approved')).toBeVisible();
  await page.getByRole('button', { name: 'Accept quote' }).click();
  await expect(page.getByText('Status: Accepted')).toBeVisible();
  await page.getByRole('button', { name: 'Create order' }).click();
  await expect(page.getByText('Status: Draft')).toBeVisible();
}
