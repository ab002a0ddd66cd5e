import { expect, test } from '@playwright/test';
import { formatCents } from '../../shared/money';
import { priceItems } from '../../shared/pricing/engine';
import { centralCatalog, centralOrdersWithExternalId, cutCentral, restoreCentral, signIn, syncStatus } from './journey';

const FIBRE = 'Business Fibre Internet';

test('a rep runs the Lead-to-Order journey offline and synced', async ({ page, context }) => {
  const sections = page.getByRole('navigation', { name: 'Sections' });
  // The app must run under its CSP without a single violation, and without uncaught errors.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`uncaught: ${error.message}`));

  await test.step("2. sign in; the first sync shows its progress and brings the rep's own data", async () => {
    // Slow the first download a little so its progress indicator can be seen.
    await context.route('**/sync/*/pull**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 250));
      await route.continue();
    });
    await signIn(page, 'alex');
    // The CSP is in force: an injected inline script does not run (and is reported below).
    const injectedRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.injected = "ran"';
      document.head.append(script);
      return document.documentElement.dataset.injected === 'ran';
    });
    expect(injectedRan).toBe(false);
    await expect(page.getByRole('progressbar', { name: 'First sync progress' })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'First sync progress' })).toBeHidden({ timeout: 30_000 });
    // Let any delayed pull still in its handler finish before the route goes.
    await context.unrouteAll({ behavior: 'wait' });
    await expect(syncStatus(page)).toContainText('Online');
    await expect(syncStatus(page)).not.toContainText('Last sync: never');
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync');
    const leads = page.getByRole('table', { name: 'Leads' });
    await expect(leads).toContainText('Northgate School District');
    await expect(leads).not.toContainText('Metro Transit Authority'); // sam's lead
  });

  await test.step('3. capture a lead: bad input is named at its field, nothing typed is lost, the rules decide', async () => {
    await page.getByRole('button', { name: 'New lead' }).click();
    await page.getByLabel('Company').fill('Acme Displays');
    await page.getByLabel('Email').fill('dana@acme');
    await page.getByLabel('Purchase amount').fill('sixty thousand');
    await page.getByRole('button', { name: 'Save lead' }).click();

    const contact = page.getByLabel('Contact name');
    await expect(contact).toHaveAttribute('aria-invalid', 'true');
    await expect(contact).toBeFocused();
    for (const label of ['Contact name', 'Email', 'Purchase amount', 'Country']) {
      const field = page.getByLabel(label, { exact: true });
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      const describedBy = await field.getAttribute('aria-describedby');
      await expect(page.locator(`[id="${describedBy}"]`)).not.toBeEmpty();
    }
    await expect(page.getByLabel('Company')).toHaveValue('Acme Displays');
    await expect(page.getByLabel('Purchase amount')).toHaveValue('sixty thousand');

    await contact.fill('Dana Reyes');
    await page.getByLabel('Email').fill('dana@acme.example');
    await page.getByLabel('Phone').fill('+1 555 0142');
    await page.getByLabel('Country').selectOption('US');
    await page.getByLabel('Product category').selectOption('Laptops');
    await page.getByLabel('Purchase timeframe').selectOption('Within 1 month');
    await page.getByLabel('Purchase amount').fill('60000');
    await page.getByLabel('Budget status').selectOption('Approved');
    await page.getByLabel('Source').selectOption('Road show');
    await page.getByRole('button', { name: 'Save lead' }).click();
    // Vision Enterprises rules: qualification rule 1, rating rule 1, channel rule 1.
    await expect(page.getByText('Qualified: Yes')).toBeVisible();
    await expect(page.getByText('Rating: A', { exact: true })).toBeVisible();
    await expect(page.getByText('Channel: Direct', { exact: true })).toBeVisible();
  });

  await test.step('4. convert the qualified lead into account, contact and opportunity', async () => {
    await page.getByRole('button', { name: 'Convert to opportunity' }).click();
    await expect(page.getByText('Account: Acme Displays')).toBeVisible();
    await expect(page.getByText('Contact: Dana Reyes')).toBeVisible();
  });

  await test.step('4b. Back returns to the lead and Forward to the opportunity, each with focus on its heading', async () => {
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toBeFocused();
    const opportunity = (await heading.textContent()) ?? '';
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(page).toHaveURL(/#\/leads\/[^/]+$/);
    await expect(heading).toHaveText('Acme Displays');
    await expect(heading).toBeFocused();
    await expect(page.getByText('Qualified: Yes')).toBeVisible();
    await expect(sections.getByRole('link', { name: 'Leads' })).toHaveAttribute('aria-current', 'page');
    await page.getByRole('button', { name: 'Forward', exact: true }).click();
    await expect(page).toHaveURL(/#\/opportunities\/[^/]+$/);
    await expect(heading).toHaveText(opportunity);
    await expect(heading).toBeFocused();
    await expect(page.getByText('Account: Acme Displays')).toBeVisible();
    await expect(sections.getByRole('link', { name: 'Opportunities' })).toHaveAttribute('aria-current', 'page');
  });

  await test.step('5. quote from the local catalog, priced by the pricing engine, then accepted', async () => {
    await page.getByRole('button', { name: 'Create quote' }).click();
    await expect(page.getByText('Status: In progress')).toBeVisible();
    // A reload mid-flow brings the same quote back (its id is in the URL); the rep carries on there.
    await expect(page).toHaveURL(/#\/quotes\/[^/]+$/);
    const quoteUrl = page.url();
    await page.reload();
    await expect(page).toHaveURL(quoteUrl);
    await expect(page.getByText('Status: In progress')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(sections.getByRole('link', { name: 'Quotes' })).toHaveAttribute('aria-current', 'page');
    await page.getByLabel('Offering').selectOption({ label: FIBRE });
    await page.getByRole('button', { name: 'Add to quote' }).click();
    await page.getByLabel(`Bandwidth for ${FIBRE}`).selectOption('1 Gbps');
    await page.getByLabel(`Contract term for ${FIBRE}`).selectOption('24 months');
    await page.getByRole('spinbutton', { name: `Quantity for ${FIBRE}` }).fill('2');

    const catalog = await centralCatalog('alex');
    const fibre = catalog.find((o) => o.name === FIBRE);
    if (!fibre) throw new Error(`${FIBRE} is not in the central catalog`);
    const expected = priceItems(
      [
        {
          id: '01',
          offeringId: fibre.id,
          quantity: 2,
          characteristics: [
            { name: 'Bandwidth', value: '1 Gbps' },
            { name: 'Contract term', value: '24 months' },
          ],
        },
      ],
      catalog,
    ).totals;
    await expect(page.getByText(`One-time total: ${formatCents(expected.oneTime, expected.currency)}`)).toBeVisible();
    await expect(page.getByText(`Monthly total: ${formatCents(expected.recurring, expected.currency)}`)).toBeVisible();

    await expect(page.getByRole('button', { name: 'Accept quote' })).toBeDisabled();
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await expect(page.getByText('Status: Approved')).toBeVisible();
    await page.getByRole('button', { name: 'Accept quote' }).click();
    await expect(page.getByText('Status: Accepted')).toBeVisible();
  });

  let orderId = '';
  await test.step('6a. order from the accepted quote; validation names every missing item', async () => {
    await page.getByRole('button', { name: 'Create order' }).click();
    await expect(page.getByText('Status: Draft')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Order lines' })).toContainText(FIBRE);
    const submit = page.getByRole('button', { name: 'Submit order' });
    await expect(submit).toBeDisabled();
    await page.getByRole('button', { name: 'Validate order' }).click();
    const missing = page.getByRole('alert').filter({ has: page.getByRole('list', { name: 'Missing items' }) });
    for (const item of [/billing account/i, /street/i, /city/i, /postcode/i, /country/i]) await expect(missing).toContainText(item);

    await page.getByLabel('Billing account').fill('BA-ACME-01');
    await page.getByLabel('Street').fill('1 Harbor Way');
    await page.getByLabel('City').fill('Springfield');
    await page.getByLabel('Postcode').fill('12345');
    await page.getByLabel('Country').fill('US');
    await page.getByRole('button', { name: 'Validate order' }).click();
    await expect(page.getByText('Status: Validated')).toBeVisible();
    await expect(submit).toBeEnabled();
    orderId = (await page.getByText(/^Order ID: /).textContent())?.replace('Order ID: ', '').trim() ?? '';
    expect(orderId).toMatch(/^[0-9a-f-]{36}$/);
  });

  await test.step('6b. offline, the submitted order is queued and stays queued across a restart', async () => {
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync');
    await context.setOffline(true);
    await expect(syncStatus(page)).toContainText('Offline');
    await page.getByRole('button', { name: 'Submit order' }).click();
    await expect(page.getByText('Status: Queued')).toBeVisible();
    await expect(syncStatus(page)).toContainText('1 change waiting to sync');

    // Restart the app while the central system is still out of reach.
    await context.setOffline(false);
    await cutCentral(context);
    await page.reload();
    await expect(syncStatus(page)).toContainText('Offline');
    await expect(syncStatus(page)).toContainText('1 change waiting to sync');
    // The restart reopens the order's own screen.
    await expect(page.getByText(`Order ID: ${orderId}`)).toBeVisible();
    await expect(page.getByText('Status: Queued')).toBeVisible();
    await sections.getByRole('link', { name: 'Orders' }).click();
    await expect(page.getByRole('table', { name: 'Orders' })).toContainText('Queued');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(page.getByText(`Order ID: ${orderId}`)).toBeVisible();
    await expect(page.getByText('Status: Queued')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });

  await test.step("6c/7. back online, the order syncs once and shows the central system's state", async () => {
    await restoreCentral(context);
    await expect(page.getByText('Status: Acknowledged')).toBeVisible({ timeout: 20_000 });
    await expect(syncStatus(page)).toContainText('Online');
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync');
    const ingested = await centralOrdersWithExternalId(orderId);
    expect(ingested).toHaveLength(1);
    expect(ingested[0]?.state).toBe('acknowledged');
  });

  await test.step('8. the order shows how the central system decomposed it, as a progress list', async () => {
    await expect(page.getByRole('heading', { name: 'Fulfilment progress' })).toBeVisible();
    const domains = page.getByRole('list', { name: 'Domain orders' });
    await expect(domains).toContainText('Connectivity (lines 01): not started');
    await expect(page.getByRole('list', { name: 'Tasks of the Connectivity domain order' })).toContainText(
      'Allocate resources: not started',
    );
  });

  // Exactly the one violation provoked on purpose above.
  expect(violations).toHaveLength(1);
  expect(violations[0]).toMatch(/inline script/i);
});
