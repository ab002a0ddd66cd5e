/**
 * Serves the browser build (dist/web, `vite build --mode browser`) over plain HTTP, the way the `app://outpost/`
 * protocol serves it in Electron: same path checks, same CSP, SPA fallback. Also answers
 * `/outpost-config.json` with `{ centralUrl, demoMode, idleLockMinutes }`, which the browser implementation of
 * the bridge (renderer/platform) fetches to learn where the central system is.
 *
 * Used by `npm start` where no Electron runtime exists, and by the Playwright e2e tests.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES, parseIdleLockMinutes } from '../../shared/bridge';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { lookupStaticFile, staticResponseHeaders } from '../staticFiles';

export const BROWSER_CONFIG_PATH = '/outpost-config.json';

export interface ServeBrowserOptions {
  /** The built renderer, e.g. dist/web. */
  root: string;
  /** 0 (the default) picks any free port. */
  port?: number;
  /** Default 127.0.0.1: the dev server is not meant for the network. */
  host?: string;
  centralUrl: string;
  demoMode: boolean;
  /** Minutes without input before the app locks; default DEFAULT_IDLE_LOCK_MINUTES. */
  idleLockMinutes?: number;
}

export interface BrowserBuildServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

export async function serveBrowserBuild(opts: ServeBrowserOptions): Promise<BrowserBuildServer> {
  const csp = contentSecurityPolicy(opts.centralUrl);
  const idleLockMinutes = opts.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES;
  if (parseIdleLockMinutes(idleLockMinutes) === null) {
    throw new Error(`idleLockMinutes must be a number of minutes above 0 and at most ${MAX_IDLE_LOCK_MINUTES} (got ${idleLockMinutes})`);
  }
  const configBody = JSON.stringify({ centralUrl: opts.centralUrl, demoMode: opts.demoMode, idleLockMinutes });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('serveBrowser:', error);
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'Method Not Allowed');
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      send(res, 400, 'Bad Request');
      return;
    }
    if (pathname === BROWSER_CONFIG_PATH) {
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : configBody);
      return;
    }
    const found = await lookupStaticFile(opts.root, pathname);
    if (found.status !== 200) {
      send(res, 404, 'Not Found');
      return;
    }
    res.writeHead(200, staticResponseHeaders(found, csp));
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(found.file);
      stream.once('error', reject);
      res.once('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(res);
    });
  }

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}
