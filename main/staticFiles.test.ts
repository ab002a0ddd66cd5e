import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, isExtensionlessRoute, lookupStaticFile, resolveInsideRoot, staticResponseHeaders } from './staticFiles';

describe('resolveInsideRoot', () => {
  const root = path.resolve('/srv/app');
  it('maps paths below the root', () => {
    expect(resolveInsideRoot(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveInsideRoot(root, '/assets/a%20b.js')).toBe(path.join(root, 'assets', 'a b.js'));
    expect(resolveInsideRoot(root, '/')).toBe(root);
  });
  it.each([
    '/../etc/passwd',
    '/..%2f..%2fetc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/../../secret',
    '/..',
    '/..%5c..%5cwindows',
    '/a%00b',
    '/%E0%A4%A', // malformed escape
  ])('refuses %s', (p) => {
    expect(resolveInsideRoot(root, p)).toBeNull();
  });
  it('keeps a sibling folder with the root as prefix out', () => {
    expect(resolveInsideRoot(root, '/../app-secrets/x')).toBeNull();
  });
});

describe('isExtensionlessRoute', () => {
  it('tells client routes from files', () => {
    expect(isExtensionlessRoute('/leads/42')).toBe(true);
    expect(isExtensionlessRoute('/')).toBe(true);
    expect(isExtensionlessRoute('/assets/app.js')).toBe(false);
    expect(isExtensionlessRoute('/favicon.ico')).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer build types', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/x.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/x.wasm')).toBe('application/wasm');
    expect(contentTypeFor('a/x.unknown')).toBe('application/octet-stream');
  });
});

describe('lookupStaticFile', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'outpost-static-'));
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(base, 'outside.txt'), 'secret');
    await symlink(path.join(base, 'outside.txt'), path.join(root, 'escape.txt'));
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('serves existing files with their type', async () => {
    const r = await lookupStaticFile(root, '/assets/app.js');
    expect(r).toMatchObject({ status: 200, file: path.join(root, 'assets', 'app.js'), isHtml: false });
  });
  it('serves index.html for / and for client routes', async () => {
    for (const p of ['/', '/leads', '/leads/42/edit', '/assets/']) {
      expect(await lookupStaticFile(root, p)).toMatchObject({ status: 200, file: path.join(root, 'index.html'), isHtml: true });
    }
  });
  it('404s missing files that have an extension', async () => {
    expect(await lookupStaticFile(root, '/assets/missing.js')).toEqual({ status: 404 });
  });
  it('404s traversal, even when the target exists', async () => {
    expect(await lookupStaticFile(root, '/../outside.txt')).toEqual({ status: 404 });
    expect(await lookupStaticFile(root, '/%2e%2e/outside.txt')).toEqual({ status: 404 });
  });
  it('404s a symlink that points out of the root', async () => {
    expect(await lookupStaticFile(root, '/escape.txt')).toEqual({ status: 404 });
  });
});

describe('staticResponseHeaders', () => {
  it('puts the CSP on HTML only, nosniff on all', () => {
    const html = staticResponseHeaders({ contentType: 'text/html; charset=utf-8', isHtml: true }, "default-src 'self'");
    expect(html['Content-Security-Policy']).toBe("default-src 'self'");
    expect(html['X-Content-Type-Options']).toBe('nosniff');
    const js = staticResponseHeaders({ contentType: 'text/javascript; charset=utf-8', isHtml: false }, "default-src 'self'");
    expect(js['Content-Security-Policy']).toBeUndefined();
    expect(js['X-Content-Type-Options']).toBe('nosniff');
  });
  it('lets a content-hashed build file be cached for good, and nothing else', () => {
    const headers = (file: string) =>
      staticResponseHeaders({ contentType: contentTypeFor(file), isHtml: file.endsWith('.html'), file }, "default-src 'self'");
    expect(headers('/app/dist/web/assets/index-BAJ8ggtf.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headers('C:\\app\\assets\\index-DzO-ALRh.css')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    // index.html names the current bundle, so it is asked for again each time.
    expect(headers('/app/dist/web/index.html')['Cache-Control']).toBe('no-cache');
    expect(headers('/app/dist/web/assets/logo.png')['Cache-Control']).toBeUndefined();
    expect(headers('/app/dist/web/notes-20261201.js')['Cache-Control']).toBeUndefined();
  });
});
