/**
 * Preload: exposes the typed bridge as `window.outpost`, one `ipcRenderer.invoke` per method.
 * ipcRenderer itself is never exposed. Sandboxed preloads may only require 'electron', so
 * build.mjs bundles this (and the shared constants it uses) into one CommonJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_CHANNELS,
  type AppInfo,
  type InstallAnswer,
  type OutpostBridge,
  type SaveAnswer,
  type SecretKey,
  type UpdateState,
} from '../shared/bridge';

const bridge: OutpostBridge = {
  app: {
    getInfo: (): Promise<AppInfo> => ipcRenderer.invoke(IPC_CHANNELS.appGetInfo),
  },
  secrets: {
    get: (key: SecretKey): Promise<string | null> => ipcRenderer.invoke(IPC_CHANNELS.secretsGet, key),
    set: async (key: SecretKey, value: string): Promise<void> => {
      await ipcRenderer.invoke(IPC_CHANNELS.secretsSet, key, value);
    },
    delete: async (key: SecretKey): Promise<void> => {
      await ipcRenderer.invoke(IPC_CHANNELS.secretsDelete, key);
    },
  },
  connectivity: {
    isOnline: (): Promise<boolean> => ipcRenderer.invoke(IPC_CHANNELS.connectivityIsOnline),
  },
  links: {
    openExternal: (url: string): Promise<boolean> => ipcRenderer.invoke(IPC_CHANNELS.linksOpenExternal, url),
  },
  documents: {
    savePdf: (fileName: string, bytes: Uint8Array): Promise<SaveAnswer> =>
      ipcRenderer.invoke(IPC_CHANNELS.documentsSavePdf, fileName, bytes),
  },
  updates: {
    getState: (): Promise<UpdateState> => ipcRenderer.invoke(IPC_CHANNELS.updatesGetState),
    check: (): Promise<UpdateState> => ipcRenderer.invoke(IPC_CHANNELS.updatesCheck),
    install: (): Promise<InstallAnswer> => ipcRenderer.invoke(IPC_CHANNELS.updatesInstall),
  },
};

contextBridge.exposeInMainWorld('outpost', bridge);
