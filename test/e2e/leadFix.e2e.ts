import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { LeadDoc } from '../../shared/schemas';
import { centralDoc, centralDocs, pushAsRep } from './centralAsRep';
import { signIn, syncStatus } from './journey';
import { captureLead, typeLead } from './leads';

const COMPANY = 'Refused Lead Fix Ltd';
const BAD_EMAIL = 'Enter an email like name@company.com';

/** A lead with an email the central system refuses, as the rep's other laptop (or an older app) would push it. */
async function pushRefusedLead(username: string): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const lead = {
    id,
    owner: username,
    createdAt: now,
    updatedAt: now,
    syncPending: true,
    company: COMPANY,
    contactName: 'Robin Refused',
    email: 'robin-at-refused',
    country: 'US',
    productCategory: 'Laptops',
    purchaseTimeframe: 'Within 1 month',
    purchaseAmount: 60000,
    budgetStatus: 'Approved',
    source: 'Road show',
    status: 'acknowledged',
  } satisfies LeadDoc;
  const answer = await pushAsRep(username, 'leads', [{ newDocumentState: { ...lead, _deleted: false } }]);
  if (answer[0]?.syncError?.reason !== BAD_EMAIL)
    throw new Error(`The central system was expected to refuse the lead's email, it answered ${JSON.stringify(answer)}`);
  return id;
}

test('a lead refused by the central system is fixed from the outbox: Fix, edit the refused field offline, save, and it syncs', async ({
  page,
  context,
}) => {
  const id = await pushRefusedLead('sam');
  await signIn(page, 'sam');
  await expect(syncStatus(page)).toContainText('Online', { timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'First sync progress' })).toBeHidden({ timeout: 30_000 });
  const outbox = page.getByRole('table', { name: 'Changes waiting to sync' });
  const row = outbox.getByRole('row', { name: new RegExp(`^Lead: ${COMPANY}`) });

  await syncStatus(page)
    .getByRole('link', { name: /waiting to sync/ })
    .click();
  await expect(row).toContainText(`Refused: ${BAD_EMAIL}`);
  await row.getByRole('button', { name: 'Fix', exact: true }).click();
  await expect(page.getByText(`Sync refused: ${BAD_EMAIL}`)).toBeVisible();

  await test.step('the edit form shows the refused value at its field, through the same rules, offline', async () => {
    await context.setOffline(true);
    await expect(syncStatus(page)).toContainText('Offline');
    await page.getByRole('button', { name: 'Edit lead' }).click();
    const form = page.getByRole('form', { name: 'Edit lead' });
    const email = form.getByLabel('Email');
    await expect(email).toHaveValue('robin-at-refused');
    await expect(email).toHaveAccessibleDescription(new RegExp(BAD_EMAIL));
    await expect(email).toBeFocused();
    // The unsafe-text rules apply here as at capture.
    await form.getByLabel('Company').fill(`${COMPANY}\u0000`);
    await expect(form.getByLabel('Company')).toHaveAccessibleDescription(/company name/i);
    await form.getByLabel('Company').fill(COMPANY);
    await email.fill('robin@refused.example');
    await form.getByRole('button', { name: 'Save lead' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByRole('list', { name: 'Lead details' })).toContainText('Email: robin@refused.example');
    // The lead processing ran on save: the trace is there.
    await expect(page.getByRole('list', { name: 'Processing trace' })).toBeVisible();
  });

  await test.step('back online the corrected lead is accepted and the outbox is empty', async () => {
    await context.setOffline(false);
    await expect
      .poll(
        async () => {
          const central = await centralDoc('sam', 'leads', id);
          return central ? `${central.email} ${central.syncError ? 'refused' : 'accepted'}` : 'missing';
        },
        { timeout: 30_000 },
      )
      .toBe('robin@refused.example accepted');
    await expect(page.getByText(/Sync refused/)).toBeHidden();
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 20_000 });
    await syncStatus(page)
      .getByRole('link', { name: /waiting to sync/ })
      .click();
    await expect(outbox).toBeHidden();
    await expect(page.getByText('Nothing is waiting to sync.')).toBeVisible();
  });
});

test('a rep reads why a lead got its result, disqualifies it with a reason and reopens it; a seeded lead is processed when opened', async ({
  page,
}) => {
  await signIn(page, 'sam');
  await expect(syncStatus(page)).toContainText('Online', { timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'First sync progress' })).toBeHidden({ timeout: 30_000 });
  const convert = page.getByRole('button', { name: 'Convert to opportunity' });

  await test.step('a seeded lead arrives unprocessed, is processed on open, and Convert says why it is unavailable', async () => {
    await page.getByRole('table', { name: 'Leads' }).getByRole('link', { name: 'Metro Transit Authority' }).click();
    await expect(page.getByRole('list', { name: 'Processing result' })).toContainText('Qualified: No');
    await expect(convert).toBeDisabled();
    await expect(convert).toHaveAccessibleDescription(
      'Convert to opportunity: Not qualified: Purchase amount is $45,000 (needs $50,000 or more)',
    );
    await expect(page.getByRole('list', { name: 'What would change the qualification' })).toContainText(
      'Qualified if Purchase amount is $50,000 or more (rule 1 of Vision Hardware qualification)',
    );
    await page.getByRole('button', { name: 'Back', exact: true }).click();
  });

  await test.step('the explanation names the rule and its conditions', async () => {
    await captureLead(page, 'Explained Displays Inc');
    await expect(page.getByRole('heading', { name: 'Why this result' })).toBeVisible();
    await expect(
      page.getByText('Rated A: Purchase timeframe is Within 1 month and Budget status is Approved (rule 1 of Vision Hardware rating)'),
    ).toBeVisible();
    await expect(page.getByText(/^Routed to Direct: The lead is qualified and Purchase amount is more than \$50,000/)).toBeVisible();
    await expect(convert).toBeEnabled();
  });

  await test.step('disqualify asks for a reason, then the lead is disqualified and only Reopen is offered', async () => {
    await page.getByRole('button', { name: 'Disqualify' }).click();
    const form = page.getByRole('form', { name: 'Disqualify lead' });
    await form.getByRole('button', { name: 'Disqualify lead' }).click();
    await expect(form.getByLabel('Reason')).toHaveAccessibleDescription(/Enter why the lead is disqualified/);
    await expect(form.getByLabel('Reason')).toBeFocused();
    await form.getByLabel('Reason').fill('Bought from a competitor last week');
    await form.getByRole('button', { name: 'Disqualify lead' }).click();
    await expect(form).toBeHidden();
    const result = page.getByRole('list', { name: 'Processing result' });
    await expect(result).toContainText('Status: Disqualified');
    await expect(result).toContainText('Reason: Bought from a competitor last week');
    await expect(convert).toBeDisabled();
    await expect(convert).toHaveAccessibleDescription(/Disqualified \(Bought from a competitor last week\): reopen it first/);
    await expect(page.getByRole('button', { name: 'Disqualify' })).toBeHidden();
  });

  await test.step('reopen processes it again: qualified, it is back with sales and may be converted', async () => {
    await page.getByRole('button', { name: 'Reopen' }).click();
    await expect(page.getByRole('list', { name: 'Processing result' })).toContainText('Status: In progress');
    await expect(convert).toBeEnabled();
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 20_000 });
  });
});

test('a typed lead that duplicates one is shown with the matching fields before saving and merged field by field; conversion offers the existing account', async ({
  page,
}) => {
  await signIn(page, 'sam');
  await expect(syncStatus(page)).toContainText('Online', { timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'First sync progress' })).toBeHidden({ timeout: 30_000 });
  const duplicates = page.getByRole('region', { name: 'Likely duplicates' });

  await test.step('a lead like the seeded Maple Freight Ltd. is flagged with what matches, and merged into it', async () => {
    await typeLead(page, 'MAPLE FREIGHT', { contactName: 'Paul Okafor', email: 'paul@maplefreight.example' });
    await page.getByRole('button', { name: 'Save lead' }).click();
    await expect(duplicates).toContainText(
      "Lead Maple Freight Ltd. (Ian Fraser): company name matches 'Maple Freight Ltd.', same email domain maplefreight.example.",
    );
    await duplicates.getByRole('button', { name: 'Merge into Lead Maple Freight Ltd. (Ian Fraser)' }).click();
    const merge = page.getByRole('region', { name: 'Merge into Maple Freight Ltd.' });
    // Each differing value as the lead screen shows it.
    await expect(merge.getByRole('group', { name: 'Country' })).toContainText('Existing: Canada');
    await expect(merge.getByRole('group', { name: 'Purchase amount' })).toContainText('Typed: $60,000');
    await merge.getByRole('group', { name: 'Contact name' }).getByRole('radio', { name: 'Typed: Paul Okafor' }).check();
    await merge.getByRole('button', { name: 'Merge leads' }).click();
    await expect(page.getByRole('heading', { name: 'Maple Freight Ltd.', level: 1 })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Lead details' })).toContainText('Contact name: Paul Okafor');
    await expect(page.getByRole('list', { name: 'Lead details' })).toContainText('Country: Canada');
    await expect(page.getByRole('list', { name: 'Merge history' })).toContainText('took Contact name Paul Okafor (was Ian Fraser)');
  });

  await test.step('a lead of an existing customer: keep both, then conversion offers that account and its contact', async () => {
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await typeLead(page, 'Summit Legal Partners LLC', { contactName: 'Elena Rossi', email: 'erossi@summitlegal.example' });
    await page.getByRole('button', { name: 'Save lead' }).click();
    await expect(duplicates).toContainText("Account Summit Legal Partners: company name matches 'Summit Legal Partners'");
    await duplicates.getByRole('button', { name: 'Keep both and save' }).click();
    await page.getByRole('button', { name: 'Convert to opportunity' }).click();
    const choice = page.getByRole('region', { name: 'Convert into an existing account?' });
    await expect(
      choice.getByRole('group', { name: 'Account' }).getByRole('radio', { name: /^Summit Legal Partners \(company name matches/ }),
    ).toBeChecked();
    await expect(
      choice
        .getByRole('group', { name: 'Contact' })
        .getByRole('radio', { name: /^Elena Rossi \(.*same email address erossi@summitlegal.example/ }),
    ).toBeChecked();
    await choice.getByRole('button', { name: 'Convert' }).click();
    await expect(page.getByText('Account: Summit Legal Partners')).toBeVisible();
  });

  await test.step('both sync and the central system accepts them: the merge history and the existing account', async () => {
    await expect(syncStatus(page)).toContainText('0 changes waiting to sync', { timeout: 30_000 });
    const maple = await centralDoc('sam', 'leads', 'lead-sam-maple');
    expect(maple?.contactName).toBe('Paul Okafor');
    expect(maple?.syncError).toBeUndefined();
    expect(maple?.mergeHistory?.[0]).toMatchObject({ taken: ['contactName'], replaced: { contactName: 'Ian Fraser' } });
    const converted = (await centralDocs('sam', 'leads')).find((l) => l.company === 'Summit Legal Partners LLC');
    expect(converted).toMatchObject({ status: 'accepted', accountId: 'acct-summit-legal', contactId: 'contact-summit-elena' });
  });
});
