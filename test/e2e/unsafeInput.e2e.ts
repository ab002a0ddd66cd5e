import { expect, test, type Page } from '@playwright/test';
import { openNewDraftOrder } from './draftOrder';

const NUL_MESSAGE = /contains a NUL character at position 7; delete it or type the text again/;

/** The message a field's aria-describedby points at. */
async function describedText(page: Page, label: string): Promise<string> {
  const id = await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby');
  expect(id).toBeTruthy();
  return (await page.locator(`[id="${id}"]`).textContent()) ?? '';
}

test('a NUL typed into an order is named at its field and nothing is stored until it is fixed', async ({ page }) => {
  await openNewDraftOrder(page, 'sam', 'Poison Input Ltd');
  const street = page.getByLabel('Street');

  await test.step("the address fields keep nothing for the browser's autofill", async () => {
    for (const label of ['Billing account', 'Street', 'City', 'Postcode', 'Country']) {
      await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('autocomplete', 'off');
    }
  });

  await test.step('the NUL is refused at the field; the rest of what was typed stays', async () => {
    await page.getByLabel('Billing account').fill('BA-POISON-1');
    await street.fill('1 Quay\u0000 Road');
    await page.getByLabel('City').fill('Springfield');
    await page.getByLabel('Postcode').fill('12345');
    await page.getByLabel('Country').fill('US');
    await expect(street).toHaveAttribute('aria-invalid', 'true');
    expect(await describedText(page, 'Street')).toMatch(NUL_MESSAGE);
    await page.getByRole('button', { name: 'Validate order' }).click();
    await expect(page.getByText('Status: Draft')).toBeVisible();
    await expect(street).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('button', { name: 'Submit order' })).toBeDisabled();
    await expect(street).toHaveValue('1 Quay\u0000 Road');
    await expect(page.getByLabel('City')).toHaveValue('Springfield');
  });

  await test.step('nothing with the NUL was stored: after a reload the street is still empty', async () => {
    // Give a (wrong) delayed autosave every chance to happen before looking.
    await page.waitForTimeout(1_000);
    await page.reload();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('table', { name: 'Orders' }).getByRole('link', { name: 'Poison Input Ltd' }).click();
    await expect(page.getByText('Status: Draft')).toBeVisible();
    await expect(page.getByLabel('Street')).toHaveValue('');
  });

  await test.step('once fixed, the order validates', async () => {
    await page.getByLabel('Billing account').fill('BA-POISON-1');
    await page.getByLabel('Street').fill('1 Quay\u0000 Road');
    await expect(page.getByLabel('Street')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Street').fill('1 Quay Road');
    await expect(page.getByLabel('Street')).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('City').fill('Springfield');
    await page.getByLabel('Postcode').fill('12345');
    await page.getByLabel('Country').fill('US');
    await page.getByRole('button', { name: 'Validate order' }).click();
    await expect(page.getByText('Status: Validated')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Submit order' })).toBeEnabled();
  });
});
