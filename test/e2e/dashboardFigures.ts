/** The dashboard as a rep or manager reads it, and the figures it must show for the central system's records. */
import { expect, type Locator, type Page } from '@playwright/test';
import { conversionRates, type SalesMetrics, type SalesRecords } from '../../shared/dashboard/salesMetrics';
import type { CollectionDocs, CollectionName } from '../../shared/schemas';
import { daysText, moneyText, percentText } from '../../renderer/features/dashboard/dashboardText';
import { centralDocs } from './centralAsRep';
import { signIn, syncStatus } from './journey';

/** Everything the central system gives this user of a collection (what a first sync stores), deleted ones left out. */
async function pulled<N extends CollectionName>(username: string, name: N): Promise<CollectionDocs[N][]> {
  return (await centralDocs(username, name)).filter((d) => !d._deleted);
}

/** The records the dashboard computes from, as the central system holds them for this user. */
export async function recordsOf(username: string): Promise<SalesRecords> {
  const [leads, opportunities, quotes, orders] = await Promise.all([
    pulled(username, 'leads'),
    pulled(username, 'opportunities'),
    pulled(username, 'quotes'),
    pulled(username, 'orders'),
  ]);
  return { leads, opportunities, quotes, orders };
}

/** The text of one cell: the row named by its header, the column by position among the data cells. */
export function cell(table: Locator, rowHeader: string, column: number): Locator {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: rowHeader, exact: true }) })
    .getByRole('cell')
    .nth(column);
}

export async function openDashboard(page: Page, username: string, records: SalesRecords): Promise<void> {
  await signIn(page, username);
  await expect(syncStatus(page)).toContainText('Online', { timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'First sync progress' })).toBeHidden({ timeout: 60_000 });
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // Every record the central system holds for this user is on the laptop before the figures are read.
  await expect(page.getByRole('status', { name: 'Dashboard records' })).toContainText(
    `${records.leads.length.toLocaleString('en-US')} leads, ${records.opportunities.length.toLocaleString('en-US')} opportunities, ` +
      `${records.quotes.length.toLocaleString('en-US')} quotes, ${records.orders.length.toLocaleString('en-US')} orders`,
  );
}

export async function expectFigures(page: Page, scope: 'Your' | 'Team', expected: SalesMetrics): Promise<void> {
  const conversion = page.getByRole('table', { name: `${scope} lead conversion` });
  const rates = conversionRates(expected.funnel);
  await expect(cell(conversion, 'Leads', 0)).toHaveText(expected.funnel.leads.toLocaleString('en-US'));
  await expect(cell(conversion, 'Converted to an opportunity', 0)).toHaveText(expected.funnel.opportunities.toLocaleString('en-US'));
  await expect(cell(conversion, 'Ordered', 0)).toHaveText(expected.funnel.ordered.toLocaleString('en-US'));
  await expect(cell(conversion, 'Lead to order conversion', 1)).toHaveText(percentText(rates.overall));
  const cycle = page.getByRole('table', { name: `${scope} median days per stage` });
  await expect(cell(cycle, 'Lead to opportunity', 0)).toHaveText(daysText(expected.cycle.leadToOpportunity.medianDays));
  await expect(cell(cycle, 'Lead to order (whole cycle)', 0)).toHaveText(daysText(expected.cycle.leadToOrder.medianDays));
  const accuracy = page.getByRole('table', { name: `${scope} order accuracy` }).getByRole('cell');
  await expect(accuracy.nth(0)).toHaveText(String(expected.accuracy.judged));
  await expect(accuracy.nth(3)).toHaveText(percentText(expected.accuracy.share));
  const pipeline = page.getByRole('table', { name: `${scope} pipeline by stage` });
  await expect(cell(pipeline, 'Open pipeline', 1)).toHaveText(moneyText(expected.pipeline.reduce((sum, row) => sum + row.value, 0)));
  await expect(page.getByRole('img', { name: new RegExp(`^Chart of ${scope.toLowerCase()} lead conversion`) })).toBeVisible();
}
