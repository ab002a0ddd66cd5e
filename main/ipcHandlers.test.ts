import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type AppInfo, type SecretKey } from '../shared/bridge';
import { createIpcHandlers, type IpcDeps } from './ipcHandlers';

function deps(overrides: Partial<IpcDeps> = {}) {
  const values = new Map<SecretKey, string>();
  const info: AppInfo = {
    name: 'Outpost',
    version: '0.1.0',
    shell: 'electron',
    centralUrl: 'http://127.0.0.1:4010',
    demoMode: true,
    idleLockMinutes: 15,
  };
  const openExternal = vi.fn(async (_url: string) => undefined);
  const savePdf = vi.fn(async (fileName: string, _bytes: Uint8Array) => ({ saved: true as const, name: fileName }));
  const base: IpcDeps = {
    appInfo: () => info,
    secrets: {
      get: async (k) => values.get(k) ?? null,
      set: async (k, v) => void values.set(k, v),
      delete: async (k) => void values.delete(k),
    },
    isOnline: () => true,
    allowedExternalHosts: ['outpost.example'],
    openExternal,
    updates: {
      getState: () => ({ kind: 'idle', lastCheckedAt: null }),
      check: async () => ({ kind: 'checking' }),
      install: () => ({ ok: false, reason: 'No update has been downloaded yet.' }),
    },
    savePdf,
    log: () => undefined,
    ...overrides,
  };
  return { base, openExternal, savePdf, values, info };
}

describe('createIpcHandlers', () => {
  it('has exactly one handler per IPC channel', () => {
    const handlers = createIpcHandlers(deps().base);
    expect(Object.keys(handlers).sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('answers the update calls, which take no argument from the renderer', async () => {
    const h = createIpcHandlers(deps().base);
    expect(await h[IPC_CHANNELS.updatesGetState]([])).toEqual({ kind: 'idle', lastCheckedAt: null });
    expect(await h[IPC_CHANNELS.updatesCheck]([])).toEqual({ kind: 'checking' });
    expect(await h[IPC_CHANNELS.updatesInstall]([])).toMatchObject({ ok: false });
    await expect(h[IPC_CHANNELS.updatesInstall](['https://evil.example/setup.exe'])).rejects.toThrow(/argument/);
    await expect(h[IPC_CHANNELS.updatesCheck]([{ url: 'x' }])).rejects.toThrow(/argument/);
  });

  it('hands main a PDF to save only as a plain .pdf file name and bytes that are a PDF', async () => {
    const { base, savePdf } = deps();
    const h = createIpcHandlers(base);
    const pdf = new TextEncoder().encode('%PDF-1.3\n%%EOF');
    expect(await h[IPC_CHANNELS.documentsSavePdf](['Quote-Acme-v2.pdf', pdf])).toEqual({ saved: true, name: 'Quote-Acme-v2.pdf' });
    expect(savePdf).toHaveBeenCalledWith('Quote-Acme-v2.pdf', pdf);
    for (const name of ['../../.bashrc.pdf', '/etc/passwd', 'C:\\x.pdf', 'quote.exe', '.hidden.pdf', 'a..pdf', 42]) {
      await expect(h[IPC_CHANNELS.documentsSavePdf]([name, pdf]), String(name)).rejects.toThrow(/file name/);
    }
    await expect(h[IPC_CHANNELS.documentsSavePdf](['q.pdf', 'not bytes'])).rejects.toThrow(/bytes/);
    await expect(h[IPC_CHANNELS.documentsSavePdf](['q.pdf', new TextEncoder().encode('MZ\u0090')])).rejects.toThrow(/not a PDF/);
    await expect(h[IPC_CHANNELS.documentsSavePdf](['q.pdf'])).rejects.toThrow(/argument/);
    expect(savePdf).toHaveBeenCalledTimes(1);
  });

  it('answers app info and connectivity', async () => {
    const { base, info } = deps();
    const h = createIpcHandlers(base);
    expect(await h[IPC_CHANNELS.appGetInfo]([])).toEqual(info);
    expect(await h[IPC_CHANNELS.connectivityIsOnline]([])).toBe(true);
    await expect(h[IPC_CHANNELS.appGetInfo](['extra'])).rejects.toThrow(/argument/);
  });

  it('round-trips allowed secrets and refuses other keys or values', async () => {
    const h = createIpcHandlers(deps().base);
    await h[IPC_CHANNELS.secretsSet](['session', 'tok']);
    expect(await h[IPC_CHANNELS.secretsGet](['session'])).toBe('tok');
    await h[IPC_CHANNELS.secretsDelete](['session']);
    expect(await h[IPC_CHANNELS.secretsGet](['session'])).toBeNull();
    await expect(h[IPC_CHANNELS.secretsGet](['password'])).rejects.toThrow(/secret key/);
    await expect(h[IPC_CHANNELS.secretsSet](['session', 42])).rejects.toThrow(/string/);
    await expect(h[IPC_CHANNELS.secretsSet](['session'])).rejects.toThrow(/argument/);
  });

  it('opens only allow-listed https links', async () => {
    const { base, openExternal } = deps();
    const h = createIpcHandlers(base);
    expect(await h[IPC_CHANNELS.linksOpenExternal](['https://help.outpost.example/x'])).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://help.outpost.example/x');
    expect(await h[IPC_CHANNELS.linksOpenExternal](['https://evil.example/'])).toBe(false);
    expect(await h[IPC_CHANNELS.linksOpenExternal](['file:///etc/passwd'])).toBe(false);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('reports false when the OS cannot open the link', async () => {
    const { base } = deps({
      openExternal: async () => {
        throw new Error('no browser');
      },
    });
    expect(await createIpcHandlers(base)[IPC_CHANNELS.linksOpenExternal](['https://outpost.example/'])).toBe(false);
  });
});
