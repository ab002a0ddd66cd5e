/**
 * The updater's logic against a fake electron-updater. electron-updater only runs inside a packaged
 * Electron app, and no Electron runtime exists on these machines, so this fake stands in for it: it
 * records what the logic sets and emits the events electron-updater documents, in its order. The
 * feed it would read is tested for real in central/src/platform/updates/updates.test.ts.
 */
import { EventEmitter } from 'node:events';
import type { OutgoingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createUpdates, unavailableUpdates, type UpdaterPort } from './updater';

class FakeUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  requestHeaders: OutgoingHttpHeaders | null = null;
  feed: unknown = null;
  checks: (OutgoingHttpHeaders | null)[] = [];
  installs: [boolean | undefined, boolean | undefined][] = [];
  /** What the next check finds. */
  next: { version: string; releaseNotes?: string } | null = null;
  fail: Error | null = null;
  setFeedURL(options: unknown) {
    this.feed = options;
  }
  async checkForUpdates() {
    this.checks.push(this.requestHeaders);
    this.emit('checking-for-update');
    if (this.fail) {
      this.emit('error', this.fail);
      throw this.fail;
    }
    if (this.next) this.emit('update-available', this.next);
    else this.emit('update-not-available', { version: '0.1.0' });
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

function setup() {
  const updater = new FakeUpdater();
  let clock = 1_000_000;
  const updates = createUpdates(updater, {
    centralUrl: 'https://central.example.com/',
    deviceId: async () => 'laptop-7',
    now: () => clock,
    log: () => undefined,
  });
  return { updater, updates, advance: (ms: number) => (clock += ms) };
}

describe('updates in main (fake electron-updater: no Electron runtime here)', () => {
  it('reads the central system’s feed with the device id, downloads by itself and never installs on quit', async () => {
    const { updater, updates } = setup();
    expect(updater.feed).toEqual({ provider: 'generic', url: 'https://central.example.com/updates/' });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(await updates.check()).toMatchObject({ kind: 'idle' });
    expect(updater.checks).toEqual([{ 'x-outpost-device': 'laptop-7' }]);
  });

  it('shows the download’s progress, then the update ready with its notes, and installs only when asked', async () => {
    const { updater, updates } = setup();
    updater.next = { version: '1.1.0', releaseNotes: 'Faster first sync.' };
    expect(await updates.check()).toEqual({ kind: 'downloading', version: '1.1.0', percent: 0, releaseNotes: 'Faster first sync.' });
    updater.emit('download-progress', { percent: 42.4 });
    expect(updates.getState()).toMatchObject({ kind: 'downloading', percent: 42 });
    expect(updates.install()).toEqual({ ok: false, reason: 'No update has been downloaded yet.' });
    expect(updater.installs).toEqual([]);
    updater.emit('update-downloaded', { version: '1.1.0', releaseNotes: [{ version: '1.1.0', note: 'Faster first sync.' }] });
    expect(updates.getState()).toEqual({ kind: 'ready', version: '1.1.0', releaseNotes: '1.1.0: Faster first sync.' });
    expect(updates.install()).toEqual({ ok: true });
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('checks at most once a minute however often the renderer asks, and not again once an update is ready', async () => {
    const { updater, updates, advance } = setup();
    await Promise.all([updates.check(), updates.check()]);
    await updates.check();
    expect(updater.checks).toHaveLength(1);
    advance(61_000);
    updater.next = { version: '1.1.0' };
    await updates.check();
    expect(updater.checks).toHaveLength(2);
    updater.emit('update-downloaded', { version: '1.1.0' });
    advance(61_000);
    await updates.check();
    expect(updater.checks).toHaveLength(2);
  });

  it('says what failed, and tries again on the next check', async () => {
    const { updater, updates, advance } = setup();
    updater.fail = new Error('net::ERR_CONNECTION_REFUSED');
    expect(await updates.check()).toEqual({
      kind: 'error',
      message: 'The update could not be checked or downloaded: net::ERR_CONNECTION_REFUSED',
    });
    updater.fail = null;
    advance(61_000);
    expect(await updates.check()).toMatchObject({ kind: 'idle' });
  });

  it('where no updater runs, says why and installs nothing', async () => {
    const updates = unavailableUpdates('This is a development build: updates are installed by the packaged app only.');
    expect(await updates.check()).toEqual({ kind: 'unavailable', reason: expect.stringMatching(/development build/) });
    expect(updates.install()).toMatchObject({ ok: false });
  });
});
