/**
 * The updates feed (`GET /updates/<file>`: latest.yml, latest-mac.yml, latest-linux.yml, the
 * installers) and the version gate (every answer names the minimum app version; a pull from an app
 * older than it is refused with 426, pushes go on so nothing queued is lost). Both are public
 * where they need to be: the updater in the main process holds no rep's token.
 */
import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { DEVICE_HEADER } from '../../../../shared/sync/protocol';
import { APP_VERSION_HEADER, isBelowMinimum, MIN_VERSION_HEADER } from '../../../../shared/updates/version';
import { HttpError, notFound } from '../http/errors';
import { chooseRelease, feedYaml, parseFeedFileName } from './feed';
import { readReleases, servedFile } from './releaseFolder';
import type { UpdateOptions } from './options';

export const UPDATES_PREFIX = '/updates/';

const PULL_PATH = /^\/sync\/[^/]+\/pull$/;
const DEVICE_ID = /^[A-Za-z0-9._:-]{1,200}$/;

function headerText(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function upgradeRequired(appVersion: string, minimum: string): HttpError {
  return new HttpError(
    426,
    'upgrade_required',
    `This app (version ${appVersion}) is older than the central system's minimum version ${minimum}: install the update to receive changes again; what you send is still accepted`,
  );
}

/** Adds the minimum-version header to every answer and refuses pulls from apps older than it. */
export function installVersionGate(app: FastifyInstance, minimumVersion: string | undefined): void {
  if (!minimumVersion) return;
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'GET' || !PULL_PATH.test(request.url.split('?')[0] ?? '')) return;
    const appVersion = headerText(request.headers[APP_VERSION_HEADER]);
    // An app that does not say its version predates the gate; it is served as before.
    if (appVersion !== null && isBelowMinimum(appVersion, minimumVersion)) throw upgradeRequired(appVersion, minimumVersion);
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header(MIN_VERSION_HEADER, minimumVersion);
    return payload;
  });
}

export function registerUpdateRoutes(app: FastifyInstance, options: UpdateOptions): void {
  const folder = options.folder;
  app.get<{ Params: { file: string } }>(
    `${UPDATES_PREFIX}:file`,
    {
      config: {
        openapi: { summary: 'Update feed for electron-updater (latest.yml, latest-mac.yml, latest-linux.yml) and the installers' },
      },
    },
    async (request, reply) => {
      const name = request.params.file;
      if (!folder) throw notFound('This central system serves no updates: set OUTPOST_UPDATES_DIR to the folder with the installers');
      const feed = parseFeedFileName(name);
      if (feed) {
        const rawDevice = headerText(request.headers[DEVICE_HEADER]);
        const deviceId = rawDevice !== null && DEVICE_ID.test(rawDevice) ? rawDevice : null;
        const choice = chooseRelease(await readReleases(folder), { ...feed, deviceId }, options.rollout);
        if (!choice) throw notFound(`No ${feed.platform} release for channel ${feed.channel} in the updates folder`);
        return reply.type('text/yaml; charset=utf-8').send(feedYaml(choice));
      }
      const file = await servedFile(folder, name);
      if (!file) throw notFound(`No installer ${name.slice(0, 200)} in the updates folder`);
      return reply.type('application/octet-stream').header('content-length', file.size).send(createReadStream(file.path));
    },
  );
}
