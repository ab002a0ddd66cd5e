import { expect, test } from '@playwright/test';
import { signIn } from './journey';

test('personal fields of the lead form tell the browser not to keep what is typed for autofill', async ({ page }) => {
  await signIn(page, 'sam');
  await page.getByRole('button', { name: 'New lead' }).click();
  for (const label of ['Company', 'Contact name', 'Email', 'Phone']) {
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('autocomplete', 'off');
  }
});
