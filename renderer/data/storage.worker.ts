/**
 * The Web Worker that holds the rep's store (workerStorage.ts): RxDB's Dexie storage with the
 * AES-GCM field cipher, exposed to the UI thread through RxDB's remote storage plugin.
 */
import { Subject } from 'rxjs';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { exposeRxStorageRemote, type MessageFromRemote, type MessageToRemote } from 'rxdb/plugins/storage-remote';
import { encryptedStorage } from './storage';
import { STORAGE_WORKER_READY } from './workerStorage';

interface WorkerScope {
  postMessage(message: MessageFromRemote | typeof STORAGE_WORKER_READY): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MessageToRemote>) => void): void;
}

const scope = self as unknown as WorkerScope;
const messages$ = new Subject<MessageToRemote>();
scope.addEventListener('message', (event) => messages$.next(event.data));
exposeRxStorageRemote({
  storage: encryptedStorage(getRxStorageDexie()),
  messages$: messages$.asObservable(),
  send: (message) => scope.postMessage(message),
});
scope.postMessage(STORAGE_WORKER_READY);
