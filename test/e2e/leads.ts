import type { Page } from '@playwright/test';

/** A phone number of its own for each company: two captured leads are not likely duplicates by phone. */
function phoneOf(company: string): string {
  let hash = 7;
  for (const ch of company) hash = (hash * 31 + ch.charCodeAt(0)) % 9_000_000;
  return `+1 555 ${String(1_000_000 + hash).slice(0, 3)} ${String(1_000_000 + hash).slice(3)}`;
}

/** An email address of its own for each company, for the same reason (the dedup matches a shared address). */
function emailOf(company: string): string {
  const domain = company
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `rita@${domain || 'lead'}.example.com`;
}

export interface LeadTyping {
  contactName?: string;
  email?: string;
  phone?: string;
}

/** Fills the lead form (after New lead) with a complete, valid lead; saving is the caller's. */
export async function typeLead(page: Page, company: string, typed: LeadTyping = {}): Promise<void> {
  await page.getByRole('button', { name: 'New lead' }).click();
  await page.getByLabel('Company').fill(company);
  await page.getByLabel('Contact name').fill(typed.contactName ?? 'Rita Moreno');
  await page.getByLabel('Email').fill(typed.email ?? emailOf(company));
  await page.getByLabel('Phone').fill(typed.phone ?? phoneOf(company));
  await page.getByLabel('Country').selectOption('US');
  await page.getByLabel('Product category').selectOption('Laptops');
  await page.getByLabel('Purchase timeframe').selectOption('Within 1 month');
  await page.getByLabel('Purchase amount').fill('60000');
  await page.getByLabel('Budget status').selectOption('Approved');
  await page.getByLabel('Source').selectOption('Road show');
}

/** Captures a complete, valid lead through the lead form. */
export async function captureLead(page: Page, company: string, typed: LeadTyping = {}): Promise<void> {
  await typeLead(page, company, typed);
  await page.getByRole('button', { name: 'Save lead' }).click();
}
