/** The preload, in Node against a stand-in electron module: one invoke per bridge method, nothing else exposed. */
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type OutpostBridge } from '../shared/bridge';

const h = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => null),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => h.exposed.set(key, api) },
  ipcRenderer: { invoke: h.invoke },
}));

describe('preload', () => {
  it('exposes only window.outpost, and no ipcRenderer', async () => {
    await import('./preload');
    expect([...h.exposed.keys()]).toEqual(['outpost']);
    const bridge = h.exposed.get('outpost') as Record<string, Record<string, unknown>>;
    expect(Object.keys(bridge).sort()).toEqual(['app', 'connectivity', 'documents', 'links', 'secrets', 'updates']);
    const values = Object.values(bridge).flatMap((group) => Object.values(group));
    expect(values.every((v) => typeof v === 'function')).toBe(true);
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipc|invoke|send/i);
  });

  it('maps each method to its IPC channel with its arguments', async () => {
    await import('./preload');
    const bridge = h.exposed.get('outpost') as OutpostBridge;
    h.invoke.mockClear();
    await bridge.app.getInfo();
    await bridge.secrets.get('session');
    await bridge.secrets.set('session', 'v');
    await bridge.secrets.delete('session');
    await bridge.connectivity.isOnline();
    await bridge.links.openExternal('https://outpost.example/');
    await bridge.updates.getState();
    await bridge.updates.check();
    await bridge.updates.install();
    const pdf = new Uint8Array([37, 80, 68, 70, 45]);
    await bridge.documents.savePdf('Quote-Acme-v1.pdf', pdf);
    expect(h.invoke.mock.calls).toEqual([
      [IPC_CHANNELS.appGetInfo],
      [IPC_CHANNELS.secretsGet, 'session'],
      [IPC_CHANNELS.secretsSet, 'session', 'v'],
      [IPC_CHANNELS.secretsDelete, 'session'],
      [IPC_CHANNELS.connectivityIsOnline],
      [IPC_CHANNELS.linksOpenExternal, 'https://outpost.example/'],
      [IPC_CHANNELS.updatesGetState],
      [IPC_CHANNELS.updatesCheck],
      [IPC_CHANNELS.updatesInstall],
      [IPC_CHANNELS.documentsSavePdf, 'Quote-Acme-v1.pdf', pdf],
    ]);
  });
});
