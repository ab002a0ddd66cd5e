/**
 * What each bridge method does in main, one handler per IPC channel, with its payload checks.
 * No Electron import: ipc.ts registers these with `ipcMain.handle` behind the sender check,
 * and the tests call them directly. The mapped type makes a missing channel a compile error.
 */
import { IPC_CHANNELS, type AppInfo, type InstallAnswer, type SaveAnswer, type SecretKey, type UpdateState } from '../shared/bridge';
import { checkExternalUrl, expectArgCount, parsePdfBytes, parsePdfFileName, parseSecretKey, parseSecretValue } from './validate';

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];
export type IpcHandler = (args: readonly unknown[]) => Promise<unknown>;

export interface IpcDeps {
  appInfo(): AppInfo;
  secrets: {
    get(key: SecretKey): Promise<string | null>;
    set(key: SecretKey, value: string): Promise<void>;
    delete(key: SecretKey): Promise<void>;
  };
  isOnline(): boolean;
  /** Hosts `links.openExternal` may open (https only, subdomains included). */
  allowedExternalHosts: readonly string[];
  /** Hands an already-checked URL to the OS (Electron `shell.openExternal`). */
  openExternal(url: string): Promise<void>;
  /** The updater (updater.ts); it takes no argument from the renderer. */
  updates: {
    getState(): UpdateState;
    check(): Promise<UpdateState>;
    install(): InstallAnswer;
  };
  /** Asks the rep where to keep a checked PDF and writes it there (documents.ts). */
  savePdf(fileName: string, bytes: Uint8Array): Promise<SaveAnswer>;
  log?(message: string): void;
}

export function createIpcHandlers(deps: IpcDeps): Record<IpcChannel, IpcHandler> {
  const log = deps.log ?? ((message: string) => console.warn(message));
  return {
    [IPC_CHANNELS.updatesGetState]: async (args) => {
      expectArgCount(args, 0);
      return deps.updates.getState();
    },
    [IPC_CHANNELS.updatesCheck]: async (args) => {
      expectArgCount(args, 0);
      return deps.updates.check();
    },
    [IPC_CHANNELS.updatesInstall]: async (args) => {
      expectArgCount(args, 0);
      return deps.updates.install();
    },
    [IPC_CHANNELS.appGetInfo]: async (args) => {
      expectArgCount(args, 0);
      return deps.appInfo();
    },
    [IPC_CHANNELS.secretsGet]: async (args) => {
      expectArgCount(args, 1);
      return deps.secrets.get(parseSecretKey(args[0]));
    },
    [IPC_CHANNELS.secretsSet]: async (args) => {
      expectArgCount(args, 2);
      const key = parseSecretKey(args[0]);
      await deps.secrets.set(key, parseSecretValue(args[1]));
    },
    [IPC_CHANNELS.secretsDelete]: async (args) => {
      expectArgCount(args, 1);
      await deps.secrets.delete(parseSecretKey(args[0]));
    },
    [IPC_CHANNELS.documentsSavePdf]: async (args) => {
      expectArgCount(args, 2);
      return deps.savePdf(parsePdfFileName(args[0]), parsePdfBytes(args[1]));
    },
    [IPC_CHANNELS.connectivityIsOnline]: async (args) => {
      expectArgCount(args, 0);
      return deps.isOnline();
    },
    [IPC_CHANNELS.linksOpenExternal]: async (args) => {
      expectArgCount(args, 1);
      const url = checkExternalUrl(args[0], deps.allowedExternalHosts);
      if (url === null) {
        log(
          `links: refused to open ${JSON.stringify(String(args[0]).slice(0, 200))} (https links to ${deps.allowedExternalHosts.join(', ') || 'no host'} only)`,
        );
        return false;
      }
      try {
        await deps.openExternal(url);
        return true;
      } catch (error) {
        log(`links: the OS could not open ${url}: ${(error as Error).message}`);
        return false;
      }
    },
  };
}
