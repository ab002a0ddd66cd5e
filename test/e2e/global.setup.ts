import { join } from 'node:path';
import { serveBrowserBuild } from '../../main/dev/serveBrowser';
import { startCentralProcess } from '../support/central';

/** Starts a real central system and serves the built browser app pointed at it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const central = await startCentralProcess();
  const app = await serveBrowserBuild({
    root: join(import.meta.dirname, '..', '..', 'dist', 'web'),
    port: 0,
    centralUrl: central.url,
    demoMode: true,
  });
  process.env.OUTPOST_E2E_APP_URL = app.url;
  process.env.OUTPOST_E2E_CENTRAL_URL = central.url;
  return async () => {
    await app.close();
    await central.stop();
  };
}
