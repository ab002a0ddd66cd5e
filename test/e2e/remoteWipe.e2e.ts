/**
 * Remote wipe against the real central system. Needs central-auth's endpoints (`POST /admin/wipes`,
 * `GET /sync/device`, `POST /sync/device/wiped`): it fails on a central system without them.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEVICE_HEADER, type TokenResponse } from '../../shared/sync/protocol';
import { centralUrl, cutCentral, restoreCentral, signIn, syncStatus } from './journey';
import { captureLead } from './leads';

async function tokenFor(username: string): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'password', client_id: 'outpost-desktop', username, password: 'demo' });
  const response = await fetch(`${centralUrl()}/oauth/token`, { method: 'POST', body: form });
  expect(response.status).toBe(200);
  return ((await response.json()) as TokenResponse).access_token;
}

const localStores = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.includes('outpost_user_sam')));

test("an administrator's wipe first pushes the queued work, then removes the laptop's data and says what to do", async ({
  page,
  context,
}) => {
  const centralRequests: { url: string; device: string | undefined }[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(centralUrl()) && request.method() !== 'OPTIONS') {
      centralRequests.push({ url: request.url(), device: request.headers()[DEVICE_HEADER] });
    }
  });
  await signIn(page, 'sam');
  await expect(syncStatus(page)).toContainText('Online');
  const devices = new Set(centralRequests.map((r) => r.device));
  expect(devices.size, 'every request names the same installation').toBe(1);
  const [deviceId] = [...devices];
  expect(deviceId).toMatch(/^[0-9a-f-]{36}$/);
  expect(await localStores(page)).not.toEqual([]);

  await cutCentral(context);
  await captureLead(page, 'Wiped Laptop Traders');
  await expect(syncStatus(page)).toContainText('1 change waiting to sync');

  const admin = await tokenFor('admin');
  const created = await fetch(`${centralUrl()}/admin/wipes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId, reason: 'Laptop reported stolen' }),
  });
  expect(created.status).toBe(201);

  await restoreCentral(context);
  await expect(page.getByRole('heading', { name: 'Outpost data removed from this laptop' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status')).toContainText('Laptop reported stolen');
  await expect(page.getByText('none of your work was lost')).toBeVisible();

  // The queued lead went up before the data went away.
  // Every page of sam's leads: other specs give sam well over one page (the lists spec pushes 1,200).
  const sam = await tokenFor('sam');
  const companies: string[] = [];
  for (let seq = 0; ;) {
    const page = (await (
      await fetch(`${centralUrl()}/sync/leads/pull?seq=${seq}&limit=2000`, { headers: { authorization: `Bearer ${sam}` } })
    ).json()) as {
      documents: { company: string }[];
      checkpoint: { seq: number } | null;
    };
    companies.push(...page.documents.map((lead) => lead.company));
    if (page.documents.length < 2000 || !page.checkpoint) break;
    seq = page.checkpoint.seq;
  }
  expect(companies).toContain('Wiped Laptop Traders');

  // Nothing of sam's is left on the laptop, and the central system knows the wipe was done.
  expect(await localStores(page)).toEqual([]);
  const wipes = await (await fetch(`${centralUrl()}/admin/wipes`, { headers: { authorization: `Bearer ${admin}` } })).text();
  expect(wipes).toContain(deviceId);
  expect(wipes).toContain('completed');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
