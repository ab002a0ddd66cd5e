/**
 * Maps a request path onto a file of the built renderer, for the `app://outpost/` protocol in
 * Electron and for the browser build's dev server alike. No Electron import here: it is tested
 * in plain Node.
 *
 * Rules: the resolved file must stay inside the root (no `..`, no encoded traversal, no
 * symlink out of it); an existing regular file is served; an extension-less path that is not a
 * file (a client-side route like `/leads/42`) falls back to `index.html`; anything else is 404.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export type StaticLookup = { status: 200; file: string; contentType: string; isHtml: boolean } | { status: 404 };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** True when `candidate` is `root` itself or lies below it (both absolute, already resolved). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Resolves a URL pathname (still percent-encoded, as in `new URL(...).pathname`) to an absolute
 * path inside `root`, or null when it is malformed or would leave the root.
 */
export function resolveInsideRoot(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  // NUL bytes and backslashes have no business in our URLs (backslash is a separator on Windows).
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (!decoded.startsWith('/')) decoded = `/${decoded}`;
  const absoluteRoot = path.resolve(root);
  const resolved = path.resolve(absoluteRoot, `.${decoded}`);
  return isInside(absoluteRoot, resolved) ? resolved : null;
}

/** A client-side route rather than a file: the last segment has no extension. */
export function isExtensionlessRoute(urlPathname: string): boolean {
  const last = urlPathname.split('/').pop() ?? '';
  return path.extname(last) === '';
}

async function regularFileInside(root: string, file: string): Promise<boolean> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return false;
    // A symlink inside the root may point outside it: compare the real paths too.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    return isInside(realRoot, realFile);
  } catch {
    return false;
  }
}

export async function lookupStaticFile(root: string, urlPathname: string): Promise<StaticLookup> {
  const absoluteRoot = path.resolve(root);
  const resolved = resolveInsideRoot(absoluteRoot, urlPathname);
  if (resolved === null) return { status: 404 };

  let file: string | null = null;
  if (resolved !== absoluteRoot && (await regularFileInside(absoluteRoot, resolved))) {
    file = resolved;
  } else if (isExtensionlessRoute(urlPathname)) {
    const index = path.join(absoluteRoot, 'index.html');
    if (await regularFileInside(absoluteRoot, index)) file = index;
  }
  if (file === null) return { status: 404 };
  const contentType = contentTypeFor(file);
  return { status: 200, file, contentType, isHtml: contentType.startsWith('text/html') };
}

/** Headers every response of the renderer carries; HTML also gets the CSP. */
/**
 * A built file whose name carries its content hash (Vite's `assets/name-Hash8.js`): a new build
 * gives it a new name, so it can be cached for good. That is what lets the engine keep the
 * compiled bundle (V8 code cache) between starts instead of fetching and compiling 1 MB of
 * script again on every cold start.
 */
const HASHED_ASSET = /(^|[\\/])assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.(js|css)$/;

export function staticResponseHeaders(
  lookup: { contentType: string; isHtml: boolean; file?: string },
  csp: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': lookup.contentType,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
  if (lookup.isHtml) {
    headers['Content-Security-Policy'] = csp;
    headers['Cache-Control'] = 'no-cache';
  } else if (lookup.file !== undefined && HASHED_ASSET.test(lookup.file)) {
    headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  }
  return headers;
}
