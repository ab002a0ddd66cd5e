import { expect, test, type Locator } from '@playwright/test';
import type { LeadDoc } from '../../shared/schemas';
import { volumeLeads } from '../support/leadVolume';
import { pushLeads } from '../support/seedLeads';
import { centralUrl, signIn } from './journey';

// Enough leads that a full table would be thousands of DOM rows, few enough to push in CI time.
const VOLUME = 1_200;
const byCompany = (a: LeadDoc, b: LeadDoc) => (a.company.toLowerCase() < b.company.toLowerCase() ? -1 : 1);

async function rowNames(table: Locator): Promise<string[]> {
  return table.locator('tbody').getByRole('row').getByRole('rowheader').allInnerTexts();
}

test('the Leads list stays a small, accessible table and finds the right rows by search, filter and sort', async ({ page }) => {
  const leads = volumeLeads(VOLUME, 'sam');
  await pushLeads(centralUrl(), 'sam', leads);
  await signIn(page, 'sam');
  const table = page.getByRole('table', { name: 'Leads' });
  const count = page.getByRole('status', { name: 'leads shown' });

  await test.step('every lead is counted, but only a screenful is in the DOM', async () => {
    // Leads arriving by the first sync join the list as they are stored.
    const shown = async () => Number((await count.innerText()).replace(/\D/g, ''));
    await expect.poll(shown, { timeout: 90_000 }).toBeGreaterThanOrEqual(VOLUME);
    await expect(count).toHaveText(/^[\d,]+ leads$/);
    const total = await shown();
    await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
    const rendered = await table.locator('tbody').getByRole('row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
  });

  await test.step('search finds a contact by the email the store keeps encrypted, sorted by company', async () => {
    await page.getByLabel('Search leads').fill('DANA.REYES.');
    await table.getByRole('button', { name: 'Company' }).click();
    await expect(table.getByRole('columnheader', { name: 'Company' })).toHaveAttribute('aria-sort', 'ascending');
    const want = leads.filter((l) => l.contactName === 'Dana Reyes').sort(byCompany);
    await expect(count).toHaveText(new RegExp(`^${want.length} of [\\d,]+ leads$`));
    await expect(table).toHaveAttribute('aria-rowcount', String(want.length + 1));
    expect(await rowNames(table)).toEqual(want.map((l) => l.company));
  });

  await test.step('filters combine with the search; sorting again reverses the order', async () => {
    await page.getByLabel('Search leads').fill('northwind');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Acknowledged' });
    await page.getByLabel('Rating', { exact: true }).selectOption('A');
    const want = leads.filter((l) => l.company.startsWith('Northwind ') && l.status === 'acknowledged' && l.rating === 'A').sort(byCompany);
    expect(want.length).toBeGreaterThan(5);
    await expect(count).toHaveText(new RegExp(`^${want.length} of [\\d,]+ leads$`));
    expect(await rowNames(table)).toEqual(want.map((l) => l.company));
    await table.getByRole('button', { name: 'Company' }).click();
    await expect(table.getByRole('columnheader', { name: 'Company' })).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => rowNames(table)).toEqual(want.map((l) => l.company).reverse());
  });

  await test.step('scrolling brings the last rows into the table with their row index', async () => {
    await page.getByLabel('Search leads').fill('');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'All' });
    await page.getByLabel('Rating', { exact: true }).selectOption({ label: 'All' });
    await table.getByRole('button', { name: 'Company' }).click(); // back to newest first
    await expect(table.getByRole('columnheader', { name: 'Company' })).not.toHaveAttribute('aria-sort');
    const total = Number((await count.innerText()).replace(/\D/g, ''));
    await page.getByRole('region', { name: 'Leads, scrollable' }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(table.locator(`tr[aria-rowindex="${total + 1}"]`)).toBeVisible();
    expect(await table.locator('tbody').getByRole('row').count()).toBeLessThan(80);
  });

  await test.step('a row opens its lead', async () => {
    await page.getByLabel('Search leads').fill('ravi.tanaka.');
    const first = leads.filter((l) => l.contactName === 'Ravi Tanaka').sort(byCompany)[0]!;
    await page.getByLabel('Search leads').fill(first.email!);
    await table.getByRole('link', { name: first.company, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: first.company })).toBeVisible();
  });
});
