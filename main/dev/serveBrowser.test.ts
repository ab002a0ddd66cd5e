import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { serveBrowserBuild, type BrowserBuildServer } from './serveBrowser';

/** Raw GET so that `..` reaches the server unnormalised (fetch would resolve it away). */
function rawGet(
  base: string,
  rawPath: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveBrowserBuild', () => {
  const centralUrl = 'http://127.0.0.1:4010';
  let base: string;
  let server: BrowserBuildServer;
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'outpost-serve-'));
    const root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'export {}');
    await writeFile(path.join(root, 'assets', 'app.css'), 'body{}');
    await writeFile(path.join(base, 'secret.txt'), 'secret');
    server = await serveBrowserBuild({ root, centralUrl, demoMode: true });
  });
  afterAll(async () => {
    await server.close();
    await rm(base, { recursive: true, force: true });
  });

  it('listens on loopback with a base URL without trailing slash', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves index.html with the CSP and nosniff', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy(centralUrl));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('id="root"');
  });

  it('falls back to index.html for client routes only', async () => {
    const route = await fetch(`${server.url}/leads/0192/edit`);
    expect(route.status).toBe(200);
    expect(route.headers.get('content-security-policy')).toBeTruthy();
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
  });

  it('serves assets with their content type and no CSP', async () => {
    const js = await fetch(`${server.url}/assets/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBeNull();
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${server.url}/assets/app.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('tells the browser build where the central system is', async () => {
    const res = await fetch(`${server.url}/outpost-config.json`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ centralUrl, demoMode: true, idleLockMinutes: 15 });
  });

  it('refuses path traversal', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const res = await rawGet(server.url, p);
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('secret');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await rawGet(server.url, '/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await fetch(`${server.url}/`, { method: 'POST' })).status).toBe(405);
  });
});
