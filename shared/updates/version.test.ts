import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelOf, compareVersions, formatVersion, isBelowMinimum, parseVersion, type Version } from './version';

const v = (text: string): Version => {
  const parsed = parseVersion(text);
  if (!parsed) throw new Error(`not a version: ${text}`);
  return parsed;
};

describe('versions', () => {
  it('orders versions by SemVer precedence (the spec example)', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.2.0',
      '2.0.0',
    ];
    for (let i = 0; i < ordered.length - 1; i++) {
      expect(compareVersions(v(ordered[i]!), v(ordered[i + 1]!)), `${ordered[i]} < ${ordered[i + 1]}`).toBeLessThan(0);
      expect(compareVersions(v(ordered[i + 1]!), v(ordered[i]!))).toBeGreaterThan(0);
    }
    expect(compareVersions(v('1.2.3+build.7'), v('1.2.3'))).toBe(0);
  });

  it('refuses what is not a version', () => {
    for (const text of ['', '1', '1.2', '01.2.3', '1.2.3-', 'latest', '1.2.3.4']) expect(parseVersion(text)).toBeNull();
  });

  it('round-trips and is a total order (property)', () => {
    const version = fc.record({
      major: fc.nat(50),
      minor: fc.nat(50),
      patch: fc.nat(50),
      prerelease: fc.array(fc.oneof(fc.nat(20), fc.constantFrom('alpha', 'beta', 'rc')), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        expect(parseVersion(formatVersion(a))).toEqual(a);
        expect(Math.sign(compareVersions(a, b))).toBe(-Math.sign(compareVersions(b, a)));
        if (compareVersions(a, b) <= 0 && compareVersions(b, c) <= 0) expect(compareVersions(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('names the channel as electron-builder does', () => {
    expect(channelOf(v('1.2.0'))).toBe('latest');
    expect(channelOf(v('1.2.0-beta.1'))).toBe('beta');
  });

  it('gates an app older than the minimum only', () => {
    expect(isBelowMinimum('0.1.0', '0.2.0')).toBe(true);
    expect(isBelowMinimum('0.2.0-rc.1', '0.2.0')).toBe(true);
    expect(isBelowMinimum('0.2.0', '0.2.0')).toBe(false);
    expect(isBelowMinimum('1.0.0', '0.2.0')).toBe(false);
    expect(isBelowMinimum('1.0.0', null)).toBe(false);
    expect(isBelowMinimum('1.0.0', 'soon')).toBe(false);
  });
});
