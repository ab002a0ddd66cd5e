import { expect, test, type Locator, type Page } from '@playwright/test';
import { byOwner, conversionRates, salesMetrics, type SalesMetrics, type SalesRecords } from '../../shared/dashboard/salesMetrics';
import type { CollectionDocs, CollectionName } from '../../shared/schemas';
import { SYNC_PATHS, type PullResponse } from '../../shared/sync/protocol';
import { daysText, moneyText, percentText } from '../../renderer/features/dashboard/dashboardText';
import { repToken } from './centralAsRep';
import { centralUrl, signIn, syncStatus } from './journey';

/** Everything the central system gives this user of a collection, page by page (what a first sync stores). */
async function pulled<N extends CollectionName>(username: string, name: N): Promise<CollectionDocs[N][]> {
  const token = await repToken(username);
  const docs: CollectionDocs[N][] = [];
  let seq = 0;
  for (;;) {
    const response = await fetch(`${centralUrl()}${SYNC_PATHS.pull(name)}?seq=${seq}&limit=500`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await response.json()) as PullResponse<N>;
    docs.push(...page.documents.filter((d) => !d._deleted));
    if (page.documents.length === 0 || !page.checkpoint) return docs;
    seq = page.checkpoint.seq;
  }
}

async function recordsOf(username: string): Promise<SalesRecords> {
  const [leads, opportunities, quotes, orders] = await Promise.all([
    pulled(username, 'leads'),
    pulled(username, 'opportunities'),
    pulled(username, 'quotes'),
    pulled(username, 'orders'),
  ]);
  return { leads, opportunities, quotes, orders };
}

/** The text of one cell: the row named by its header, the column by position among the data cells. */
function cell(table: Locator, rowHeader: string, column: number): Locator {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: rowHeader, exact: true }) })
    .getByRole('cell')
    .nth(column);
}

async function openDashboard(page: Page, username: string, records: SalesRecords): Promise<void> {
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

async function expectFigures(page: Page, scope: 'Your' | 'Team', expected: SalesMetrics): Promise<void> {
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

test('the dashboard shows a rep their figures and the manager the team and each rep, from the records on the laptop', async ({
  page,
  browser,
}) => {
  const alex = await recordsOf('alex');
  const team = await recordsOf('morgan');
  // Hand count, independent of the metric code: the seeded leads are there, and the team holds alex's.
  expect(alex.leads.length).toBeGreaterThan(0);
  expect(team.leads.filter((l) => l.owner === 'user-alex')).toHaveLength(alex.leads.length);
  const answered = alex.orders.filter((o) => !['draft', 'validated'].includes(o.status) && (o.status !== 'queued' || o.syncError));
  expect(salesMetrics(alex).accuracy.judged).toBe(answered.length);

  await test.step('alex reads his own figures', async () => {
    await openDashboard(page, 'alex', alex);
    await expectFigures(page, 'Your', salesMetrics(alex));
    await expect(page.getByRole('table', { name: 'Per rep' })).toHaveCount(0);
  });

  await test.step("morgan reads the team's figures and each rep's, and sees whose each lead is", async () => {
    const context = await browser.newContext();
    const manager = await context.newPage();
    await openDashboard(manager, 'morgan', team);
    await expectFigures(manager, 'Team', salesMetrics(team));
    const perRep = manager.getByRole('table', { name: 'Per rep' });
    const alexFigures = salesMetrics(byOwner(team).get('user-alex')!);
    await expect(cell(perRep, 'user-alex', 0)).toHaveText(alexFigures.funnel.leads.toLocaleString('en-US'));
    await expect(cell(perRep, 'user-alex', 1)).toHaveText(percentText(conversionRates(alexFigures.funnel).overall));
    await expect(cell(perRep, 'user-alex', 3)).toHaveText(percentText(alexFigures.accuracy.share));
    await expect(manager.getByRole('table', { name: 'Pipeline per rep' }).getByRole('rowheader', { name: 'user-sam' })).toBeVisible();

    await manager.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Leads' }).click();
    await expect(manager.getByRole('columnheader', { name: 'Owner' })).toBeVisible();
    await manager.getByLabel('Owner').selectOption('user-alex');
    const [shown, total] = [alex.leads.length, team.leads.length].map((n) => n.toLocaleString('en-US'));
    await expect(manager.getByRole('status', { name: 'leads shown' })).toHaveText(
      shown === total ? `${total} leads` : `${shown} of ${total} leads`,
    );
    await context.close();
  });
});
