/**
 * The `app://outpost/` protocol that serves the built renderer (dist/renderer). Privileged as a
 * standard, secure scheme so the page gets a real origin, fetch, CORS and IndexedDB (RxDB).
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { lookupStaticFile, staticResponseHeaders } from './staticFiles';
import { APP_HOST, APP_SCHEME } from './validate';

/** Must run before the app's `ready` event. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // codeCache: V8 keeps the compiled bundle between starts (Electron does so for http(s) only
      // unless a custom scheme asks), so a cold start does not compile 1 MB of script again.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

export function handleAppProtocol(options: { root: string; csp: string }): void {
  protocol.handle(APP_SCHEME, async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.host !== APP_HOST) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const found = await lookupStaticFile(options.root, url.pathname);
    if (found.status !== 200) return notFound();
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(found.file));
    return new Response(body, { status: 200, headers: staticResponseHeaders(found, options.csp) });
  });
}

function notFound(): Response {
  return new Response('Not Found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}
