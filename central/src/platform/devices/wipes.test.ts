/** Remote wipe over real HTTP: administrators ask for it, each device asks whether it must, carries it out and says so. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_HEADER, SYNC_PATHS, type DeviceStatus } from '../../../../shared/sync/protocol';
import { api, expectApiError, signIn, type Json } from '../../test/client';
import { newLead } from '../../test/fixtures';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import type { WipeRecord } from './wipeStore';

describe.each(ENGINES)('remote wipe on $name', (engine) => {
  let central: TestCentral;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    central = await startCentral(engine);
    for (const user of ['alex', 'sam', 'morgan', 'admin']) tokens[user] = await signIn(central.url, user);
  });
  afterAll(() => central?.close());

  const call = (user: string, method: string, path: string, options: { body?: unknown; device?: string } = {}) =>
    fetch(central.url + path, {
      method,
      headers: {
        authorization: `Bearer ${tokens[user] ?? ''}`,
        ...(options.device ? { [DEVICE_HEADER]: options.device } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  const requestWipe = async (body: Json) => {
    const response = await call('admin', 'POST', '/admin/wipes', { body });
    expect(response.status).toBe(201);
    const wipe = (await response.json()) as WipeRecord;
    expect(response.headers.get('location')).toBe(`/admin/wipes/${wipe.id}`);
    return wipe;
  };
  const status = async (user: string, device: string) => {
    const response = await call(user, 'GET', SYNC_PATHS.device, { device });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    return ((await response.json()) as DeviceStatus).wipe;
  };
  const reportWiped = (user: string, device: string, wipeId: string) =>
    call(user, 'POST', SYNC_PATHS.deviceWiped, { device, body: { wipeId } });
  const listed = async (id: string) =>
    ((await (await call('admin', 'GET', '/admin/wipes')).json()) as WipeRecord[]).find((wipe) => wipe.id === id);

  it('wipes one device, whoever signs in on it, keeps taking its pushes meanwhile, and stops asking once it reports', async () => {
    const wipe = await requestWipe({ deviceId: 'laptop-lost-1', reason: 'Laptop reported stolen' });
    expect(wipe).toMatchObject({
      deviceId: 'laptop-lost-1',
      reason: 'Laptop reported stolen',
      requestedBy: 'user-admin',
      status: 'requested',
      completions: [],
    });
    expect(await status('alex', 'laptop-lost-1')).toEqual({ id: wipe.id, requestedAt: wipe.requestedAt, reason: 'Laptop reported stolen' });
    expect(await status('sam', 'laptop-lost-1')).toMatchObject({ id: wipe.id });
    expect(await status('alex', 'laptop-alex-2')).toBeNull();

    // The app pushes its queue before deleting anything: that must still work.
    const lead = newLead('user-alex');
    expect(await api(central.url, tokens.alex ?? '').push('leads', [{ newDocumentState: lead }])).toEqual([]);
    const pulled = await api(central.url, tokens.alex ?? '').pull('leads');
    expect(pulled.documents.map((doc) => doc.id)).toContain(lead.id);

    expect((await reportWiped('alex', 'laptop-lost-1', wipe.id)).status).toBe(204);
    expect((await reportWiped('alex', 'laptop-lost-1', wipe.id)).status).toBe(204);
    expect(await status('alex', 'laptop-lost-1')).toBeNull();
    expect(await status('sam', 'laptop-lost-1')).toBeNull();
    const record = await listed(wipe.id);
    expect(record?.status).toBe('completed');
    expect(record?.completions).toEqual([{ deviceId: 'laptop-lost-1', userId: 'user-alex', completedAt: expect.any(String) }]);
  });

  it('wipes every device of a user that connects until withdrawn; a device that reported is not asked again', async () => {
    const wipe = await requestWipe({ userId: 'user-sam' });
    expect(wipe.reason).toContain('administrator');
    expect(await status('sam', 'sam-laptop')).toMatchObject({ id: wipe.id });
    expect(await status('sam', 'sam-desktop')).toMatchObject({ id: wipe.id });
    expect(await status('alex', 'alex-laptop')).toBeNull();

    expect((await reportWiped('sam', 'sam-laptop', wipe.id)).status).toBe(204);
    expect(await status('sam', 'sam-laptop')).toBeNull();
    expect(await status('sam', 'sam-desktop')).toMatchObject({ id: wipe.id });
    expect(await status('sam', 'sam-new-laptop')).toMatchObject({ id: wipe.id });
    const record = await listed(wipe.id);
    expect(record).toMatchObject({ userId: 'user-sam', status: 'requested' });
    expect(record?.completions.map((done) => done.deviceId)).toEqual(['sam-laptop']);

    expect((await call('admin', 'DELETE', `/admin/wipes/${wipe.id}`)).status).toBe(204);
    expect(await status('sam', 'sam-desktop')).toBeNull();
    expect(await listed(wipe.id)).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
    await expectApiError(await call('admin', 'DELETE', `/admin/wipes/${wipe.id}`), 404);
  });

  it('lets only administrators ask for, list and withdraw wipes', async () => {
    const wipe = await requestWipe({ deviceId: 'laptop-admin-test' });
    for (const user of ['alex', 'morgan']) {
      await expectApiError(await call(user, 'POST', '/admin/wipes', { body: { userId: 'user-sam' } }), 403);
      await expectApiError(await call(user, 'GET', '/admin/wipes'), 403);
      await expectApiError(await call(user, 'DELETE', `/admin/wipes/${wipe.id}`), 403);
    }
    expect((await listed(wipe.id))?.status).toBe('requested');
  });

  it('refuses what it cannot act on, saying what to send', async () => {
    const refused: [Json | unknown[], string][] = [
      [{}, 'exactly one of userId'],
      [{ userId: 'user-sam', deviceId: 'x' }, 'exactly one of userId'],
      [{ userId: 'user-nobody' }, 'no user user-nobody'],
      [{ deviceId: 'bad id with spaces' }, 'deviceId must name the installation'],
      [{ deviceId: 'laptop-1', reason: 'stolen\u0000' }, 'NUL'],
      [{ deviceId: 'laptop-1', colour: 'red' }, 'Unknown attribute colour'],
      [['user-sam'], 'JSON object'],
    ];
    for (const [body, reason] of refused) {
      expect((await expectApiError(await call('admin', 'POST', '/admin/wipes', { body }), 400)).reason, JSON.stringify(body)).toContain(
        reason,
      );
    }
    expect((await expectApiError(await call('alex', 'GET', SYNC_PATHS.device), 400)).reason).toContain(DEVICE_HEADER);
    const samWipe = await requestWipe({ userId: 'user-sam' });
    // Alex's device cannot claim Sam's wipe, and an unknown wipe is unknown.
    await expectApiError(await reportWiped('alex', 'alex-laptop', samWipe.id), 404);
    await expectApiError(await reportWiped('alex', 'alex-laptop', 'no-such-wipe'), 404);
    expect(
      (await expectApiError(await call('alex', 'POST', SYNC_PATHS.deviceWiped, { device: 'alex-laptop', body: {} }), 400)).reason,
    ).toContain('wipeId');
    await expectApiError(await fetch(central.url + SYNC_PATHS.device, { headers: { [DEVICE_HEADER]: 'laptop-1' } }), 401);
  });
});
