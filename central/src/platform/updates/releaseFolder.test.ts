import { describe, expect, it } from 'vitest';
import { platformOfFile, versionInFileName } from './releaseFolder';

describe('release file names', () => {
  it('reads the version from electron-builder’s artifact names, without the architecture', () => {
    expect(versionInFileName('Outpost-Setup-1.2.0.exe')).toBe('1.2.0');
    expect(versionInFileName('Outpost-1.2.0-arm64.dmg')).toBe('1.2.0');
    expect(versionInFileName('Outpost-1.2.0-x64.dmg')).toBe('1.2.0');
    expect(versionInFileName('Outpost-1.2.0-arm64-mac.zip')).toBe('1.2.0');
    expect(versionInFileName('Outpost-1.2.0.AppImage')).toBe('1.2.0');
    expect(versionInFileName('outpost_1.2.0-beta.1_amd64.deb')).toBe('1.2.0-beta.1');
    expect(versionInFileName('Outpost-Setup-2.0.0-rc.2.exe')).toBe('2.0.0-rc.2');
    expect(versionInFileName('Outpost-Setup.exe')).toBeNull();
  });

  it('knows which feed each installer kind belongs to', () => {
    expect(platformOfFile('a-1.0.0.exe')).toBe('win');
    expect(platformOfFile('a-1.0.0-mac.zip')).toBe('mac');
    expect(platformOfFile('a-1.0.0.dmg')).toBe('mac');
    expect(platformOfFile('a-1.0.0.AppImage')).toBe('linux');
    expect(platformOfFile('a_1.0.0_amd64.deb')).toBe('linux');
    expect(platformOfFile('a-1.0.0.exe.blockmap')).toBeNull();
  });
});
