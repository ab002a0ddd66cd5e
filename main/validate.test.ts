import { describe, expect, it } from 'vitest';
import {
  checkExternalUrl,
  expectArgCount,
  isAppUrl,
  IpcValidationError,
  MAX_SECRET_VALUE_LENGTH,
  parseSecretKey,
  parseSecretValue,
  senderRefusal,
} from './validate';

describe('isAppUrl', () => {
  it('accepts our origin only', () => {
    expect(isAppUrl('app://outpost/')).toBe(true);
    expect(isAppUrl('app://outpost/leads/1?x=1#y')).toBe(true);
    expect(isAppUrl('app://other/')).toBe(false);
    expect(isAppUrl('app://outpost.evil/')).toBe(false);
    expect(isAppUrl('app://user@outpost/')).toBe(false);
    expect(isAppUrl('https://outpost/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('senderRefusal', () => {
  const ok = { frameUrl: 'app://outpost/', isMainFrame: true, isOurWindow: true };
  it('trusts the main frame of our window on app://outpost', () => {
    expect(senderRefusal(ok)).toBeNull();
  });
  it('refuses other windows, sub-frames, gone frames and other origins', () => {
    expect(senderRefusal({ ...ok, isOurWindow: false })).toMatch(/window/);
    expect(senderRefusal({ ...ok, isMainFrame: false })).toMatch(/sub-frame/);
    expect(senderRefusal({ ...ok, frameUrl: undefined })).toMatch(/gone/);
    expect(senderRefusal({ ...ok, frameUrl: 'https://evil.example/' })).toMatch(/not app:\/\/outpost/);
  });
});

describe('payload checks', () => {
  it('counts arguments', () => {
    expect(() => expectArgCount([1], 1)).not.toThrow();
    expect(() => expectArgCount([1, 2], 1)).toThrow(IpcValidationError);
  });
  it('allows only the known secret keys', () => {
    expect(parseSecretKey('session')).toBe('session');
    for (const bad of ['other', '__proto__', '', 1, null, {}]) expect(() => parseSecretKey(bad)).toThrow(IpcValidationError);
  });
  it('takes string secret values up to the limit', () => {
    expect(parseSecretValue('token')).toBe('token');
    expect(parseSecretValue('x'.repeat(MAX_SECRET_VALUE_LENGTH))).toHaveLength(MAX_SECRET_VALUE_LENGTH);
    expect(() => parseSecretValue('x'.repeat(MAX_SECRET_VALUE_LENGTH + 1))).toThrow(IpcValidationError);
    expect(() => parseSecretValue(42)).toThrow(IpcValidationError);
    expect(() => parseSecretValue({ toString: () => 'x' })).toThrow(IpcValidationError);
  });
});

describe('checkExternalUrl', () => {
  const allowed = ['outpost.example', 'docs.vendor.com'];
  it('opens https links to allow-listed hosts and their subdomains', () => {
    expect(checkExternalUrl('https://outpost.example/help', allowed)).toBe('https://outpost.example/help');
    expect(checkExternalUrl('https://help.outpost.example/a?b=c#d', allowed)).toBe('https://help.outpost.example/a?b=c#d');
    expect(checkExternalUrl('https://DOCS.vendor.com/', allowed)).toBe('https://docs.vendor.com/');
  });
  it.each([
    'http://outpost.example/',
    'https://evil.example/',
    'https://outpost.example.evil.com/',
    'https://evilOutpost.example/',
    'https://vendor.com/',
    'https://user:pw@outpost.example/',
    'https://outpost.example:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'mailto:a@outpost.example',
    'smb://outpost.example/share',
    'not a url',
    '',
    `https://outpost.example/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(checkExternalUrl(url, allowed)).toBeNull();
  });
  it('refuses non-strings and everything when nothing is allowed', () => {
    expect(checkExternalUrl(42, allowed)).toBeNull();
    expect(checkExternalUrl('https://outpost.example/', [])).toBeNull();
  });
});
