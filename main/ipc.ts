/**
 * Registers one `ipcMain.handle` per IPC channel. Every call first proves it comes from the main
 * frame of our window showing `app://outpost/`, then the handler validates its payload.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { createIpcHandlers, type IpcChannel, type IpcDeps } from './ipcHandlers';
import { senderRefusal } from './validate';

export function registerIpcHandlers(deps: IpcDeps & { getWindow(): BrowserWindow | null }): () => void {
  const handlers = createIpcHandlers(deps);
  const channels = Object.keys(handlers) as IpcChannel[];
  for (const channel of channels) {
    const handler = handlers[channel];
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const refusal = senderRefusal(senderFacts(event, deps.getWindow()));
      if (refusal !== null) {
        console.warn(`ipc: refused ${channel}: ${refusal}`);
        throw new Error('Refused');
      }
      try {
        return await handler(args);
      } catch (error) {
        console.warn(`ipc: ${channel} failed: ${(error as Error).message}`);
        throw new Error(`${channel} failed: ${(error as Error).message}`, { cause: error });
      }
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

function senderFacts(event: IpcMainInvokeEvent, window: BrowserWindow | null) {
  const frame = event.senderFrame;
  const contents = window && !window.isDestroyed() ? window.webContents : null;
  const mainFrame = contents?.mainFrame;
  return {
    frameUrl: frame?.url,
    isOurWindow: contents !== null && event.sender === contents,
    isMainFrame:
      frame !== null &&
      mainFrame !== undefined &&
      frame.parent === null &&
      frame.processId === mainFrame.processId &&
      frame.routingId === mainFrame.routingId,
  };
}
