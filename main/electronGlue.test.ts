/**
 * The thin Electron glue, run in Node against a recording stand-in for the `electron` module
 * (no Electron runtime exists on CI machines). It checks the wiring the pure tests cannot see:
 * the scheme is privileged before `ready`, the window's web preferences, one IPC handler per
 * channel behind the sender check, the protocol handler, and the hardening hooks.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../shared/bridge';

type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const windows: { options: Record<string, unknown>; url?: string; webContents: Record<string, unknown> }[] = [];
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const mainFrame = { processId: 7, routingId: 3, url: 'app://outpost/', parent: null };
  return {
    calls,
    appListeners,
    ipcHandlers,
    protocolHandlers,
    windows,
    whenReady,
    ready: () => ready(),
    mainFrame,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
  };
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(public options: Record<string, unknown>) {
      this.webContents = { mainFrame: h.mainFrame, on: () => undefined, setWindowOpenHandler: () => undefined };
      h.windows.push(this as never);
    }
    once() {}
    on() {}
    isDestroyed() {
      return false;
    }
    async loadURL(url: string) {
      (this as unknown as { url: string }).url = url;
    }
  }
  return {
    app: {
      setPath: () => undefined,
      enableSandbox: () => h.calls.push('enableSandbox'),
      requestSingleInstanceLock: () => {
        h.calls.push('requestSingleInstanceLock');
        return true;
      },
      on: (event: string, listener: Listener) => h.appListeners.set(event, listener),
      whenReady: () => h.whenReady,
      getPath: () => path.join(tmpdir(), 'outpost-glue-user-data'),
      getName: () => 'Outpost',
      getVersion: () => '0.1.0',
      isPackaged: false,
      quit: () => undefined,
      exit: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => h.calls.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => h.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (h.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (h.permissionCheck = fn),
        setDevicePermissionHandler: () => undefined,
      },
    },
    ipcMain: {
      handle: (channel: string, fn: Listener) => h.ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => h.ipcHandlers.delete(channel),
    },
    net: { isOnline: () => true },
    shell: { openExternal: async () => undefined },
    safeStorage: {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
    BrowserWindow,
  };
});

describe('main process wiring', () => {
  beforeAll(async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await import('./main');
    h.calls.push('ready');
    h.ready();
    await h.whenReady;
    await new Promise((r) => setTimeout(r, 0));
  });

  it('sandboxes, privileges app:// and takes the single-instance lock before ready', () => {
    const readyAt = h.calls.indexOf('ready');
    const privileged = h.calls.findIndex((c) => c.startsWith('registerSchemesAsPrivileged'));
    expect(h.calls.indexOf('enableSandbox')).toBeLessThan(readyAt);
    expect(privileged).toBeGreaterThanOrEqual(0);
    expect(privileged).toBeLessThan(readyAt);
    expect(JSON.parse(h.calls[privileged]!.replace('registerSchemesAsPrivileged ', ''))).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
    ]);
    expect(h.calls.indexOf('requestSingleInstanceLock')).toBeLessThan(readyAt);
    expect(h.appListeners.has('second-instance')).toBe(true);
    expect(h.appListeners.has('web-contents-created')).toBe(true);
  });

  it('opens one hardened window on app://outpost/ with the bundled preload', () => {
    expect(h.windows).toHaveLength(1);
    const win = h.windows[0]!;
    expect(win.url).toBe('app://outpost/');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
  });

  it('registers one IPC handler per bridge channel', () => {
    expect([...h.ipcHandlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('answers the main frame of its window and refuses any other sender', async () => {
    const win = h.windows[0]!;
    const handler = h.ipcHandlers.get(IPC_CHANNELS.appGetInfo)!;
    const ok = { sender: win.webContents, senderFrame: h.mainFrame };
    await expect(handler(ok)).resolves.toMatchObject({ shell: 'electron', centralUrl: 'http://127.0.0.1:4010' });

    const subFrame = { ...h.mainFrame, routingId: 99, parent: h.mainFrame };
    await expect(handler({ sender: win.webContents, senderFrame: subFrame })).rejects.toThrow('Refused');
    await expect(handler({ sender: win.webContents, senderFrame: { ...h.mainFrame, url: 'https://evil.example/' } })).rejects.toThrow(
      'Refused',
    );
    await expect(handler({ sender: win.webContents, senderFrame: null })).rejects.toThrow('Refused');
    await expect(handler({ sender: {}, senderFrame: h.mainFrame })).rejects.toThrow('Refused');
    await expect(h.ipcHandlers.get(IPC_CHANNELS.secretsGet)!(ok, 'password')).rejects.toThrow(/secret key/);
  });

  it('keeps secrets in memory only when the OS offers no real encryption', async () => {
    const ok = { sender: h.windows[0]!.webContents, senderFrame: h.mainFrame };
    await h.ipcHandlers.get(IPC_CHANNELS.secretsSet)!(ok, 'session', 'tok');
    await expect(h.ipcHandlers.get(IPC_CHANNELS.secretsGet)!(ok, 'session')).resolves.toBe('tok');
  });

  it('denies every permission', () => {
    const callback = vi.fn();
    h.permissionRequest!({ getURL: () => 'app://outpost/' }, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(h.permissionCheck!()).toBe(false);
  });

  it('blocks navigation, redirects, new windows and webviews in every webContents', () => {
    const listeners = new Map<string, Listener>();
    let openHandler: Listener = () => undefined;
    const contents = { on: (e: string, fn: Listener) => listeners.set(e, fn), setWindowOpenHandler: (fn: Listener) => (openHandler = fn) };
    h.appListeners.get('web-contents-created')!({}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      listeners.get(event)!({ preventDefault }, 'https://evil.example/');
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('app:// protocol handler', () => {
  let root: string;
  let handler: (request: Request) => Promise<Response>;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'outpost-protocol-'));
    await mkdir(path.join(root, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(root, 'renderer', 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(path.join(root, 'renderer', 'assets', 'a.js'), 'export {}');
    await writeFile(path.join(root, 'secret.txt'), 'secret');
    const { handleAppProtocol } = await import('./protocol');
    handleAppProtocol({ root: path.join(root, 'renderer'), csp: "default-src 'self'" });
    handler = h.protocolHandlers.get('app')!;
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('serves index.html with the CSP, assets without', async () => {
    const index = await handler(new Request('app://outpost/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await index.text()).toContain('id="root"');
    const js = await handler(new Request('app://outpost/assets/a.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBeNull();
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('404s other hosts, traversal and missing files', async () => {
    expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
    expect((await handler(new Request('app://outpost/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://outpost/assets/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://outpost/leads/1'))).status).toBe(200);
    expect((await handler(new Request('app://outpost/', { method: 'POST' }))).status).toBe(405);
  });
});
