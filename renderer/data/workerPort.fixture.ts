import { IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { exposeRxStorageRemote, type MessageToRemote } from 'rxdb/plugins/storage-remote';
import { Subject } from 'rxjs';
import { encryptedStorage } from './storage';
import { STORAGE_WORKER_READY, workerStorage, type StoragePort } from './workerStorage';

/** The app's worker storage with the worker's side (storage.worker.ts) at the other end of a MessageChannel. */
export function workerPort(disk: IDBFactory, starts = true): StoragePort {
  const { port1: inWorker, port2: inPage } = new MessageChannel();
  if (starts) {
    const requests = new Subject<MessageToRemote>();
    inWorker.addEventListener('message', (event: MessageEvent<MessageToRemote>) => requests.next(event.data));
    inWorker.start();
    exposeRxStorageRemote({
      storage: encryptedStorage(getRxStorageDexie({ indexedDB: disk, IDBKeyRange })),
      messages$: requests,
      send: (message) => inWorker.postMessage(message),
    });
    inWorker.postMessage(STORAGE_WORKER_READY);
  }
  return {
    postMessage: (message) => inPage.postMessage(message),
    addEventListener: (type, listener) => {
      inPage.addEventListener(type, listener);
      inPage.start();
    },
    terminate: () => {
      inPage.close();
      inWorker.close();
    },
  };
}

/** The app's storage setup (appStorage.ts) for Node tests: the worker's side over a MessageChannel, on `disk`. */
export function testWorkerStorage(disk: IDBFactory) {
  return workerStorage(() => workerPort(disk));
}
