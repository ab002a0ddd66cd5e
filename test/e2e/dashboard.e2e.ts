import { expect, test } from '@playwright/test';
import { byOwner, conversionRates, salesMetrics } from '../../shared/dashboard/salesMetrics';
import { percentText } from '../../renderer/features/dashboard/dashboardText';
import { cell, expectFigures, openDashboard, recordsOf } from './dashboardFigures';

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
