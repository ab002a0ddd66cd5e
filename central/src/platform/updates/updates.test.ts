/**
 * The updates feed and the version gate over real HTTP: a central system serving a temp folder of
 * installers (random bytes standing in for the real ones; only their size and hash matter to the feed).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_HEADER } from '../../../../shared/sync/protocol';
import { APP_VERSION_HEADER, MIN_VERSION_HEADER } from '../../../../shared/updates/version';
import { expectApiError, signIn } from '../../test/client';
import { newLead } from '../../test/fixtures';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { registerUpdateRoutes } from './routes';

interface FeedFile {
  url: string;
  sha512: string;
  size: number;
}
interface Feed {
  version: string;
  files: FeedFile[];
  path: string;
  sha512: string;
  releaseDate: string;
  releaseNotes?: string;
  stagingPercentage?: number;
}

const INSTALLERS: Record<string, number> = {
  'Outpost-Setup-1.0.0.exe': 3000,
  'Outpost-Setup-1.1.0.exe': 4100,
  'Outpost-1.1.0-mac.zip': 2200,
  'Outpost-1.1.0-arm64.dmg': 2500,
  'Outpost-1.1.0.AppImage': 3300,
  'outpost_1.1.0_amd64.deb': 1700,
  'Outpost-Setup-1.2.0-beta.1.exe': 1200,
};

describe.each(ENGINES.slice(0, 1))('updates feed on $name', (engine) => {
  let folder: string;
  let central: TestCentral;
  const bytes = new Map<string, Buffer>();
  const sha512 = (name: string) => createHash('sha512').update(bytes.get(name)!).digest('base64');

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'outpost-updates-'));
    for (const [name, size] of Object.entries(INSTALLERS)) {
      const content = randomBytes(size);
      bytes.set(name, content);
      await writeFile(path.join(folder, name), content);
    }
    await writeFile(path.join(folder, 'release-notes-1.1.0.md'), 'Faster first sync.\nQuotes show their approver.\n');
    await writeFile(path.join(folder, 'notes.txt'), 'not an installer');
    central = await startCentral(engine, {
      seed: true,
      updates: { folder, rollout: { latest: 25, beta: 100 }, minimumVersion: '0.5.0' },
    });
  });
  afterAll(async () => {
    await central?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const feed = async (file: string, device?: string): Promise<Feed> => {
    const response = await fetch(`${central.url}/updates/${file}?noCache=1`, { headers: device ? { [DEVICE_HEADER]: device } : {} });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/yaml/);
    return load(await response.text()) as Feed;
  };
  /** A device id inside (or outside) 1.1.0's 25 %, found by asking the feed like a laptop would. */
  const deviceWith = async (version: string): Promise<string> => {
    for (let i = 0; i < 200; i++) {
      const id = `laptop-${i}`;
      if ((await feed('latest.yml', id)).version === version) return id;
    }
    throw new Error(`no device got ${version}`);
  };

  it('answers latest.yml, latest-mac.yml and latest-linux.yml with each file’s version, size and sha512', async () => {
    const early = await deviceWith('1.1.0');
    const win = await feed('latest.yml', early);
    expect(win).toMatchObject({
      version: '1.1.0',
      path: 'Outpost-Setup-1.1.0.exe',
      sha512: sha512('Outpost-Setup-1.1.0.exe'),
      releaseNotes: 'Faster first sync.\nQuotes show their approver.',
    });
    expect(win.files).toEqual([{ url: 'Outpost-Setup-1.1.0.exe', sha512: sha512('Outpost-Setup-1.1.0.exe'), size: 4100 }]);
    expect(Number.isNaN(Date.parse(win.releaseDate))).toBe(false);

    const mac = await feed('latest-mac.yml', early);
    expect(mac.version).toBe('1.1.0');
    // The zip first: MacUpdater installs from it.
    expect(mac.files.map((file) => [file.url, file.size, file.sha512])).toEqual([
      ['Outpost-1.1.0-mac.zip', 2200, sha512('Outpost-1.1.0-mac.zip')],
      ['Outpost-1.1.0-arm64.dmg', 2500, sha512('Outpost-1.1.0-arm64.dmg')],
    ]);
    const linux = await feed('latest-linux.yml', early);
    expect(linux.files.map((file) => [file.url, file.size, file.sha512])).toEqual([
      ['Outpost-1.1.0.AppImage', 3300, sha512('Outpost-1.1.0.AppImage')],
      ['outpost_1.1.0_amd64.deb', 1700, sha512('outpost_1.1.0_amd64.deb')],
    ]);
    // A pre-release channel sees its own pre-release.
    expect((await feed('beta.yml', early)).version).toBe('1.2.0-beta.1');
  });

  it('serves the installer the feed names, byte for byte, without a token, and nothing else from the folder', async () => {
    const response = await fetch(`${central.url}/updates/Outpost-Setup-1.1.0.exe`);
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBe(4100);
    const body = Buffer.from(await response.arrayBuffer());
    expect(createHash('sha512').update(body).digest('base64')).toBe(sha512('Outpost-Setup-1.1.0.exe'));
    for (const name of ['notes.txt', 'release-notes-1.1.0.md', '..%2Fetc%2Fpasswd', 'Outpost-Setup-9.9.9.exe']) {
      const refused = await fetch(`${central.url}/updates/${name}`);
      expect(refused.status, name).toBe(404);
      await expectApiError(refused, 404);
    }
  });

  it('stages the newest release to its share of devices, the same answer every time for one device', async () => {
    const versions: string[] = [];
    for (let i = 0; i < 200; i++) versions.push((await feed('latest.yml', `device-${i}`)).version);
    const early = versions.filter((version) => version === '1.1.0').length;
    // 25 % of 200 is 50; the hash is deterministic, so these bounds only say "about a quarter".
    expect(early).toBeGreaterThan(30);
    expect(early).toBeLessThan(70);
    expect(new Set(versions)).toEqual(new Set(['1.0.0', '1.1.0']));
    for (let i = 0; i < 20; i++) expect((await feed('latest.yml', `device-${i}`)).version).toBe(versions[i]);
    // No device id: the release waits for the full rollout.
    expect((await feed('latest.yml')).version).toBe('1.0.0');
    // Linux has nothing older: devices outside the share are told no update (stagingPercentage 0).
    const late = `device-${versions.indexOf('1.0.0')}`;
    expect(await feed('latest-linux.yml', late)).toMatchObject({ version: '1.1.0', stagingPercentage: 0 });
  });

  it('names its minimum version on every answer; an older app still pushes but may not pull', async () => {
    const token = await signIn(central.url, 'alex');
    const call = (method: string, url: string, version: string | null, body?: unknown) =>
      fetch(central.url + url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(version ? { [APP_VERSION_HEADER]: version } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const health = await fetch(`${central.url}/health`);
    expect(health.headers.get(MIN_VERSION_HEADER)).toBe('0.5.0');

    const refused = await call('GET', '/sync/leads/pull?seq=0&limit=10', '0.4.9');
    expect(refused.headers.get(MIN_VERSION_HEADER)).toBe('0.5.0');
    const error = await expectApiError(refused, 426);
    expect(error.reason).toMatch(/older than the central system's minimum version 0\.5\.0/);

    const lead = newLead('user-alex');
    const pushed = await call('POST', '/sync/leads/push', '0.4.9', [{ newDocumentState: lead }]);
    expect(pushed.status).toBe(200);
    expect(await pushed.json()).toEqual([]);

    for (const version of ['0.5.0', '1.0.0', null]) {
      const pulled = await call('GET', '/sync/leads/pull?seq=0&limit=500', version);
      expect(pulled.status, String(version)).toBe(200);
      const ids = ((await pulled.json()) as { documents: { id: string }[] }).documents.map((doc) => doc.id);
      expect(ids).toContain(lead.id);
    }
  });
});

describe('updates feed without a folder', () => {
  it('says how to configure one', async () => {
    // The route alone on a bare Fastify: no database is involved.
    const app = Fastify();
    registerUpdateRoutes(app, { rollout: {} });
    const response = await app.inject({ method: 'GET', url: '/updates/latest.yml' });
    expect(response.statusCode).toBe(404);
    expect(response.body).toMatch(/OUTPOST_UPDATES_DIR/);
    await app.close();
  });
});
