import { describe, expect, it } from 'vitest';
import { DEFAULT_CENTRAL_URL, normalizeCentralUrl, normalizeHostName, parseConfigFile, resolveConfig } from './config';

describe('normalizeCentralUrl', () => {
  it('accepts http(s) URLs and drops the trailing slash', () => {
    expect(normalizeCentralUrl('https://central.example.com/')).toBe('https://central.example.com');
    expect(normalizeCentralUrl('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010');
    expect(normalizeCentralUrl(' https://c.example/api/ ')).toBe('https://c.example/api');
  });
  it.each([
    '',
    'ftp://x',
    'file:///etc',
    'javascript:alert(1)',
    'central:4010',
    'https://u:p@c.example',
    'https://c.example/?a=1',
    'https://c.example/#x',
    42,
    null,
  ])('refuses %s', (value) => {
    expect(normalizeCentralUrl(value)).toBeNull();
  });
});

describe('normalizeHostName', () => {
  it('accepts plain host names only', () => {
    expect(normalizeHostName('Help.Outpost.Example')).toBe('help.outpost.example');
    expect(normalizeHostName('*.example.com')).toBeNull();
    expect(normalizeHostName('https://example.com')).toBeNull();
    expect(normalizeHostName('example.com:443')).toBeNull();
    expect(normalizeHostName('')).toBeNull();
  });
});

describe('parseConfigFile', () => {
  it('reads the known settings', () => {
    const { values, warnings } = parseConfigFile(
      '{"centralUrl":"https://c.example/","demoMode":true,"allowedExternalHosts":["docs.example.com"]}',
    );
    expect(values).toEqual({ centralUrl: 'https://c.example', demoMode: true, allowedExternalHosts: ['docs.example.com'] });
    expect(warnings).toEqual([]);
  });
  it('warns about and ignores bad or unknown values', () => {
    const { values, warnings } = parseConfigFile(
      '{"centralUrl":"nope","demoMode":"yes","allowedExternalHosts":["ok.example","bad host"],"x":1}',
    );
    expect(values).toEqual({ allowedExternalHosts: ['ok.example'] });
    expect(warnings).toHaveLength(4);
  });
  it.each([0, -5, 'ten', 24 * 60 + 1, null])('refuses idleLockMinutes %s with a message saying what to set', (value) => {
    const { values, warnings } = parseConfigFile(JSON.stringify({ idleLockMinutes: value }));
    expect(values.idleLockMinutes).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/idleLockMinutes must be a number of minutes above 0 and at most 1440; using 15/)]);
  });
  it('survives invalid JSON and non-objects', () => {
    expect(parseConfigFile('{').warnings[0]).toMatch(/not valid JSON/);
    expect(parseConfigFile('[1]').warnings[0]).toMatch(/object/);
  });
});

describe('resolveConfig', () => {
  it('defaults to the local central system without demo mode', () => {
    const { config, warnings } = resolveConfig({ env: {}, fileText: null });
    expect(config.centralUrl).toBe(DEFAULT_CENTRAL_URL);
    expect(config.demoMode).toBe(false);
    expect(warnings).toEqual([]);
  });
  it('locks after 15 idle minutes unless config.json sets another time', () => {
    expect(resolveConfig({ env: {}, fileText: null }).config.idleLockMinutes).toBe(15);
    expect(resolveConfig({ env: {}, fileText: '{"idleLockMinutes":5}' }).config.idleLockMinutes).toBe(5);
    expect(resolveConfig({ env: {}, fileText: '{"idleLockMinutes":0}' }).config.idleLockMinutes).toBe(15);
  });
  it('lets the environment win over config.json', () => {
    const { config } = resolveConfig({
      env: { OUTPOST_CENTRAL_URL: 'https://env.example', OUTPOST_DEMO: '1' },
      fileText: '{"centralUrl":"https://file.example","demoMode":false}',
    });
    expect(config).toMatchObject({ centralUrl: 'https://env.example', demoMode: true });
  });
  it('uses config.json when the environment says nothing', () => {
    const { config } = resolveConfig({
      env: { OUTPOST_CENTRAL_URL: '' },
      fileText: '{"centralUrl":"https://file.example","demoMode":true}',
    });
    expect(config).toMatchObject({ centralUrl: 'https://file.example', demoMode: true });
  });
  it('ignores a bad environment value with a warning', () => {
    const { config, warnings } = resolveConfig({ env: { OUTPOST_CENTRAL_URL: 'not a url', OUTPOST_DEMO: 'maybe' }, fileText: null });
    expect(config.centralUrl).toBe(DEFAULT_CENTRAL_URL);
    expect(config.demoMode).toBe(false);
    expect(warnings).toHaveLength(2);
  });
  it('warns about plain http to a remote host', () => {
    const { warnings } = resolveConfig({ env: { OUTPOST_CENTRAL_URL: 'http://central.example.com' }, fileText: null });
    expect(warnings.join()).toMatch(/not encrypted/);
  });
});
