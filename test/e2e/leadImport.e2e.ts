import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { salesMetrics } from '../../shared/dashboard/salesMetrics';
import { centralDoc, centralDocs } from './centralAsRep';
import { expectFigures, openDashboard, recordsOf } from './dashboardFigures';
import { syncStatus } from './journey';

const HEADER = 'Company,Contact name,Email,Phone,Country,Product category,Purchase timeframe,Purchase amount,Budget status,Source';

/**
 * A spreadsheet export of alex's: line 2 is his seeded Redwood Analytics lead again with a new
 * amount (merged), line 3 his Pinecrest Clinics lead (skipped), line 4 a new contact at his
 * customer Crestview Dental (kept, then converted into that account), line 5 has a broken email,
 * line 6 is new. The tag makes the file, and so its leads' ids, this run's own.
 */
function exportFile(tag: string): string {
  return [
    HEADER,
    'Redwood Analytics,Jenny Park,jenny.park@redwood.example,,US,Computers,3-6 months,80000,Approved,Web form',
    'Pinecrest Clinics,Omar Haddad,omar@pinecrest.example,,US,Monitors,More than 1 Year,30000,Pending,Road show',
    'Crestview Dental Group,Dana Whitfield,dana.whitfield@crestview-dental.example,,US,Laptops,Within 1 month,60000,Approved,Road show',
    'Quillfeather Books,Ann Lee,ann-at-quillfeather,,US,Laptops,Within 1 month,20000,Approved,Web form',
    `Tern Valley Farms ${tag},Ruth Okoye,ruth@ternvalley-${tag}.example,,US,Monitors,1-3 months,45000,Approved,Trade show`,
    '',
  ].join('\r\n');
}

test("a CSV import with a broken row and duplicates: one merged, one skipped, one kept and converted into the existing account; the rep's and the manager's dashboards count it", async ({
  page,
  browser,
}) => {
  const tag = randomUUID().slice(0, 8);
  const records = await recordsOf('alex');
  await openDashboard(page, 'alex', records);

  await test.step('alex chooses the file: the columns are matched from its header and the first rows previewed', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('button', { name: 'Import leads' }).click();
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles({ name: 'alex-export.csv', mimeType: 'text/csv', buffer: Buffer.from(exportFile(tag)) });
    await expect(page.getByLabel('Purchase timeframe')).toHaveValue('6');
    await expect(page.getByRole('table', { name: 'Import preview' })).toContainText('Quillfeather Books');
    await page.getByRole('button', { name: 'Import 5 rows' }).click();
  });

  const duplicates = page.getByRole('region', { name: 'Likely duplicates' });
  await test.step('the likely duplicates are listed with what matches; line 2 is merged into the Redwood lead field by field', async () => {
    const rows = page.getByRole('table', { name: 'Likely duplicate rows' });
    await expect(rows.getByRole('row').filter({ hasText: 'Redwood Analytics' })).toContainText(
      "Lead Redwood Analytics (Jenny Park): company name matches 'Redwood Analytics', contact name matches 'Jenny Park', same email address jenny.park@redwood.example.",
    );
    await expect(rows.getByRole('row').filter({ hasText: 'Crestview Dental Group' })).toContainText(
      "Account Crestview Dental Group: company name matches 'Crestview Dental Group'",
    );
    await duplicates.getByRole('button', { name: 'Merge line 2 into Lead Redwood Analytics (Jenny Park)' }).click();
    const merge = page.getByRole('region', { name: 'Merge into Redwood Analytics' });
    await expect(merge.getByRole('group', { name: 'Purchase amount' })).toContainText('Existing: $75,000');
    await merge.getByRole('group', { name: 'Purchase amount' }).getByRole('radio', { name: 'Line 2: $80,000' }).check();
    await merge.getByRole('button', { name: 'Merge leads' }).click();
    await expect(rows.getByRole('row').filter({ hasText: 'Redwood Analytics' })).toContainText(
      'Merged into Lead Redwood Analytics (Jenny Park)',
    );
  });

  await test.step('line 3 is skipped, line 4 kept; the summary and the broken row say what happened and what to fix', async () => {
    await page.getByRole('checkbox', { name: 'Skip line 3' }).check();
    await page.getByRole('button', { name: 'Import, skipping 1 row (1 merged)' }).click();
    const summary = page.getByRole('list', { name: 'Import summary' });
    await expect(summary).toContainText('Rows read: 5');
    await expect(summary).toContainText('Leads imported: 2 (new on this laptop: 2)');
    await expect(summary).toContainText('Rows not imported: 1');
    await expect(summary).toContainText('Skipped as likely duplicates: 1');
    await expect(summary).toContainText('Merged into existing leads: 1');
    await expect(page.getByRole('table', { name: 'Rows not imported' }).getByRole('row').filter({ hasText: 'Email' })).toContainText(
      /^5\s*Email \(column 3\): Enter an email like name@company\.com/,
    );
  });

  await test.step('the kept Crestview lead converts into the existing Crestview Dental account', async () => {
    await page.getByRole('button', { name: 'Close import' }).click();
    await page.getByLabel('Search leads').fill('dana.whitfield@');
    await page.getByRole('table', { name: 'Leads' }).getByRole('link', { name: 'Crestview Dental Group' }).first().click();
    await page.getByRole('button', { name: 'Convert to opportunity' }).click();
    const choice = page.getByRole('region', { name: 'Convert into an existing account?' });
    await expect(
      choice.getByRole('group', { name: 'Account' }).getByRole('radio', { name: /^Crestview Dental Group \(company name matches/ }),
    ).toBeChecked();
    await choice.getByRole('button', { name: 'Convert' }).click();
    await expect(page.getByText('Account: Crestview Dental Group')).toBeVisible();
  });

  await test.step('all of it syncs: the central system holds the merge, the imported leads and the conversion', async () => {
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 30_000 });
    const redwood = await centralDoc('alex', 'leads', 'lead-alex-redwood');
    expect(redwood).toMatchObject({ purchaseAmount: 80000 });
    expect(redwood?.mergeHistory?.at(-1)).toMatchObject({ taken: ['purchaseAmount'], replaced: { purchaseAmount: 75000 } });
    const leads = (await centralDocs('alex', 'leads')).filter((l) => !l._deleted);
    expect(leads).toHaveLength(records.leads.length + 2);
    expect(leads.filter((l) => l.company === `Tern Valley Farms ${tag}`)).toHaveLength(1);
    expect(leads.filter((l) => l.company === 'Pinecrest Clinics')).toHaveLength(1);
    const crestview = leads.find((l) => l.email === 'dana.whitfield@crestview-dental.example' && l.status === 'accepted');
    expect(crestview).toMatchObject({ accountId: 'acct-crestview-dental' });
    // The opportunity's timeline, from the central system: the imported lead, then its conversion, from this laptop.
    const entries = page.getByRole('region', { name: 'Timeline' }).getByRole('list', { name: 'Timeline entries' });
    await expect(entries).toContainText(/Lead: Created \(\w+\) — You on this laptop/, { timeout: 20_000 });
    await expect(entries).toContainText(/Opportunity: Created( \(\w+\))? — You on this laptop/);
    await expect(entries).not.toContainText('not synced yet');
  });

  await test.step("alex's dashboard and morgan's count the imported leads and the conversion, as the central records say", async () => {
    const alex = await recordsOf('alex');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Dashboard' }).click();
    await expectFigures(page, 'Your', salesMetrics(alex));
    expect(salesMetrics(alex).funnel.leads).toBe(salesMetrics(records).funnel.leads + 2);
    expect(salesMetrics(alex).funnel.opportunities).toBe(salesMetrics(records).funnel.opportunities + 1);
    const context = await browser.newContext();
    const manager = await context.newPage();
    const team = await recordsOf('morgan');
    await openDashboard(manager, 'morgan', team);
    await expectFigures(manager, 'Team', salesMetrics(team));
    await context.close();
  });
});
