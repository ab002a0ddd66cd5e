import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startSmtpServer } from '../../central/src/test/smtpServer';
import { serveBrowserBuild } from '../../main/dev/serveBrowser';
import { startCentralProcess } from '../support/central';

/**
 * Starts a real SMTP server on loopback (the central system's acknowledgement emails go there), a
 * real central system, and serves the built browser app pointed at it. The specs run in another
 * process, so the messages received are served as JSON on a loopback port (mailbox.ts reads them).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const smtp = await startSmtpServer();
  const mailbox = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(smtp.received));
  });
  await new Promise<void>((resolve) => mailbox.listen(0, '127.0.0.1', resolve));
  // No fall-outs of its own: a spec that steps fulfillment (fulfilment.ts) decides every fall-out
  // through the operations desk, where a random one would fail its story about 1 run in 10.
  const central = await startCentralProcess({ OUTPOST_SMTP_URL: smtp.url, OUTPOST_FALLOUT_RATE: '0' });
  const app = await serveBrowserBuild({
    root: join(import.meta.dirname, '..', '..', 'dist', 'web'),
    port: 0,
    centralUrl: central.url,
    demoMode: true,
  });
  process.env.OUTPOST_E2E_APP_URL = app.url;
  process.env.OUTPOST_E2E_CENTRAL_URL = central.url;
  process.env.OUTPOST_E2E_MAILBOX_URL = `http://127.0.0.1:${(mailbox.address() as AddressInfo).port}`;
  return async () => {
    await app.close();
    await central.stop();
    await new Promise<void>((resolve) => mailbox.close(() => resolve()));
    await smtp.close();
  };
}
