import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { serveBrowserBuild, type BrowserBuildServer } from '../../main/dev/serveBrowser';
import { appUrl, centralUrl, signIn } from './journey';

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const announcer = (page: Page) => page.getByRole('status', { name: 'Current screen' });

/** The screen is `name`: its h1 has focus, it was announced, and its section link alone is the current page. */
async function expectScreen(page: Page, name: string, section: string | null): Promise<void> {
  await expect(heading(page)).toHaveText(name);
  await expect(heading(page)).toBeFocused();
  await expect(announcer(page)).toHaveText(name);
  await expect(page).toHaveTitle(`${name} · Outpost`);
  const current = sections(page).locator('[aria-current="page"]');
  if (section) {
    await expect(current).toHaveCount(1);
    await expect(current).toHaveText(section);
  } else {
    await expect(current).toHaveCount(0);
  }
}

test('screens have addresses: Back/Forward, Alt+Left/Right, the browser back, deep links and not found', async ({ page }) => {
  const back = page.getByRole('button', { name: 'Back', exact: true });
  const forward = page.getByRole('button', { name: 'Forward', exact: true });
  let leadUrl = '';

  await test.step('signing in opens the leads at #/leads, with nothing to go back to', async () => {
    await signIn(page, 'alex');
    await expect(page).toHaveURL(/#\/leads$/);
    await expectScreen(page, 'Leads', 'Leads');
    await expect(back).toBeDisabled();
    await expect(forward).toBeDisabled();
  });

  await test.step('a record opens at an address with its id; a section link moves on', async () => {
    await page.getByRole('table', { name: 'Leads' }).getByRole('link', { name: 'Northgate School District' }).click();
    await expect(page).toHaveURL(/#\/leads\/[^/]+$/);
    leadUrl = page.url();
    await expectScreen(page, 'Northgate School District', 'Leads');
    await sections(page).getByRole('link', { name: 'Quotes' }).click();
    await expect(page).toHaveURL(/#\/quotes$/);
    await expectScreen(page, 'Quotes', 'Quotes');
    await expect(back).toBeEnabled();
    await expect(forward).toBeDisabled();
  });

  await test.step('Alt+Left goes back and Alt+Right forward, focus on each heading', async () => {
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(page).toHaveURL(leadUrl);
    await expectScreen(page, 'Northgate School District', 'Leads');
    await expect(forward).toBeEnabled();
    await page.keyboard.press('Alt+ArrowRight');
    await expect(page).toHaveURL(/#\/quotes$/);
    await expectScreen(page, 'Quotes', 'Quotes');
    await expect(forward).toBeDisabled();
  });

  await test.step("the browser's own Back and Forward move through the same history", async () => {
    await page.goBack();
    await expect(page).toHaveURL(leadUrl);
    await expectScreen(page, 'Northgate School District', 'Leads');
    await page.goForward();
    await expectScreen(page, 'Quotes', 'Quotes');
  });

  await test.step('Alt+Left while typing in a field edits the text and stays on the screen', async () => {
    await sections(page).getByRole('link', { name: 'Leads' }).click();
    await expectScreen(page, 'Leads', 'Leads');
    await expect(back).toBeEnabled();
    const search = page.getByLabel('Search leads');
    await search.fill('north');
    await search.press('Alt+ArrowLeft');
    await expect(page).toHaveURL(/#\/leads$/);
    await expect(search).toHaveValue('north');
  });

  await test.step('a deep link loads straight into the record it names', async () => {
    await page.goto('about:blank');
    await page.goto(leadUrl);
    await expectScreen(page, 'Northgate School District', 'Leads');
    await expect(page.getByRole('list', { name: 'Lead details' })).toBeVisible();
  });

  await test.step('an address that is no screen, or a record that does not exist, shows not found with a way back', async () => {
    await page.goto(`${appUrl()}#/nowhere`);
    await expectScreen(page, 'Page not found', null);
    await page.getByRole('link', { name: 'Back to Leads' }).click();
    await expect(page).toHaveURL(/#\/leads$/);
    await expectScreen(page, 'Leads', 'Leads');

    await page.goto(`${appUrl()}#/quotes/no-such-quote`);
    await expectScreen(page, 'Quote not found', 'Quotes');
    await expect(page.getByText('This record is not on this laptop')).toBeVisible();
    await page.getByRole('link', { name: 'Back to Quotes' }).click();
    await expectScreen(page, 'Quotes', 'Quotes');
  });

  await test.step('the status bar links to About: the version, its release notes, and updates that come from the site', async () => {
    await page.getByRole('link', { name: /^About Outpost \d+\.\d+\.\d+/ }).click();
    await expect(page).toHaveURL(/#\/about$/);
    await expectScreen(page, 'About Outpost', null);
    await expect(page.getByRole('heading', { name: /^Release notes for version \d+\.\d+\.\d+$/ })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Update status' })).toHaveText(/Updates come from the site/);
    await expect(page.getByRole('button', { name: 'Check for updates' })).toHaveCount(0);
  });

  await test.step("the next rep to sign in starts at the leads, not on the last rep's record", async () => {
    await page.goto(leadUrl);
    await expectScreen(page, 'Northgate School District', 'Leads');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByText(/^Outpost version \d+\.\d+\.\d+ · central system http/)).toBeVisible();
    await page.getByLabel('Username').fill('sam');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/#\/leads$/);
    await expectScreen(page, 'Leads', 'Leads');
    await expect(page.getByRole('table', { name: 'Leads' })).toContainText('Metro Transit Authority');
  });
});

test.describe('a locked session', () => {
  let shortIdle: BrowserBuildServer;
  test.beforeAll(async () => {
    shortIdle = await serveBrowserBuild({
      root: join(import.meta.dirname, '..', '..', 'dist', 'web'),
      port: 0,
      centralUrl: centralUrl(),
      demoMode: true,
      idleLockMinutes: 0.1,
    });
  });
  test.afterAll(async () => {
    await shortIdle.close();
  });

  test('returns to the screen the URL names once unlocked, also after a reload', async ({ page }) => {
    await page.goto(shortIdle.url);
    await page.getByLabel('Username').fill('sam');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('table', { name: 'Leads' }).getByRole('link', { name: 'Metro Transit Authority' }).click();
    await expectScreen(page, 'Metro Transit Authority', 'Leads');
    const leadUrl = page.url();

    const locked = page.getByRole('heading', { name: 'Outpost is locked' });
    await expect(locked).toBeVisible({ timeout: 30_000 });
    await page.reload();
    await expect(locked).toBeVisible();
    await expect(page).toHaveURL(leadUrl);

    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expectScreen(page, 'Metro Transit Authority', 'Leads');
    await expect(page).toHaveURL(leadUrl);
  });
});
