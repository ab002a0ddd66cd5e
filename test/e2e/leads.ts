import type { Page } from '@playwright/test';

/** Captures a complete, valid lead through the lead form. */
export async function captureLead(page: Page, company: string): Promise<void> {
  await page.getByRole('button', { name: 'New lead' }).click();
  await page.getByLabel('Company').fill(company);
  await page.getByLabel('Contact name').fill('Rita Moreno');
  await page.getByLabel('Email').fill('rita@example.com');
  await page.getByLabel('Phone').fill('+1 555 0100');
  await page.getByLabel('Country').selectOption('US');
  await page.getByLabel('Product category').selectOption('Laptops');
  await page.getByLabel('Purchase timeframe').selectOption('Within 1 month');
  await page.getByLabel('Purchase amount').fill('60000');
  await page.getByLabel('Budget status').selectOption('Approved');
  await page.getByLabel('Source').selectOption('Road show');
  await page.getByRole('button', { name: 'Save lead' }).click();
}
