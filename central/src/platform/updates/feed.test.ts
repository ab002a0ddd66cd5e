/**
 * The feed as electron-updater itself reads it: its generic provider's own parser
 * (`parseUpdateInfo`, `resolveFiles`) runs in Node without Electron, so the app's updater is known
 * to accept what the central system writes.
 */
import { parseUpdateInfo, resolveFiles } from 'electron-updater/out/providers/Provider';
import { describe, expect, it } from 'vitest';
import { parseVersion } from '../../../../shared/updates/version';
import { chooseRelease, feedYaml, parseFeedFileName } from './feed';
import type { Release } from './releaseFolder';

const release = (version: string, platform: Release['platform'], names: string[]): Release => ({
  version: parseVersion(version)!,
  versionText: version,
  platform,
  files: names.map((name, i) => ({ name, size: 1000 + i, sha512: `sha-${name}`, modifiedAt: new Date('2026-11-30T10:00:00Z') })),
  releaseNotes: version === '1.1.0' ? 'Faster first sync: "quoted", and\nline two.' : null,
});

describe('feed yml', () => {
  it('is read by electron-updater’s generic provider with every file, hash and the notes', () => {
    const choice = chooseRelease(
      [release('1.1.0', 'mac', ['Outpost-1.1.0-mac.zip', 'Outpost-1.1.0.dmg'])],
      { platform: 'mac', channel: 'latest', deviceId: 'd' },
      {},
    );
    const info = parseUpdateInfo(feedYaml(choice!), 'latest-mac.yml', new URL('https://central.example.com/updates/latest-mac.yml'));
    expect(info).toMatchObject({
      version: '1.1.0',
      path: 'Outpost-1.1.0-mac.zip',
      sha512: 'sha-Outpost-1.1.0-mac.zip',
      releaseNotes: 'Faster first sync: "quoted", and\nline two.',
    });
    const files = resolveFiles(info, new URL('https://central.example.com/updates/'));
    expect(files.map((file) => [file.url.href, file.info.sha512, file.info.size])).toEqual([
      ['https://central.example.com/updates/Outpost-1.1.0-mac.zip', 'sha-Outpost-1.1.0-mac.zip', 1000],
      ['https://central.example.com/updates/Outpost-1.1.0.dmg', 'sha-Outpost-1.1.0.dmg', 1001],
    ]);
  });

  it('names the feeds electron-updater asks for', () => {
    expect(parseFeedFileName('latest.yml')).toEqual({ channel: 'latest', platform: 'win' });
    expect(parseFeedFileName('latest-mac.yml')).toEqual({ channel: 'latest', platform: 'mac' });
    expect(parseFeedFileName('latest-linux.yml')).toEqual({ channel: 'latest', platform: 'linux' });
    expect(parseFeedFileName('beta-linux.yml')).toEqual({ channel: 'beta', platform: 'linux' });
    expect(parseFeedFileName('Outpost-Setup-1.0.0.exe')).toBeNull();
  });
});
