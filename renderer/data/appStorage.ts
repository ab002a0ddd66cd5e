import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { inThreadStorage } from './storage';
import { workerOrInThread, workerStorage } from './workerStorage';

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxStorage's own generics are `any` at this layer */
type AnyStorage = RxStorage<any, any>;
let storage: AnyStorage | null = null;

/** The app's store storage: one Web Worker (storage.worker.ts) for every store the window opens. */
export function appStorage(): AnyStorage {
  storage ??= workerOrInThread(
    workerStorage(() => {
      const worker = new Worker(new URL('./storage.worker.ts', import.meta.url), { type: 'module', name: 'outpost-storage' });
      return {
        postMessage: (message) => worker.postMessage(message),
        addEventListener: (type, listener) => worker.addEventListener(type, listener),
        terminate: () => worker.terminate(),
        onFailure: (listener) => worker.addEventListener('error', listener),
      };
    }),
    () => inThreadStorage(getRxStorageDexie()),
  );
  return storage;
}
