import { Subject } from 'rxjs';
import type { RxStorage } from 'rxdb';
import { getRxStorageRemote, type MessageFromRemote, type MessageToRemote, type RemoteMessageChannel } from 'rxdb/plugins/storage-remote';
import { storageTimer } from './storageTiming';

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxStorage's own generics are `any` at this layer */
type AnyStorage = RxStorage<any, any>;

/** The worker's first message: its storage is exposed and can take requests. */
export const STORAGE_WORKER_READY = 'outpost-storage-ready';
/** A worker that has not said it is ready by then is taken as unable to start (generous: a loaded laptop). */
const READY_TIMEOUT_MS = 20_000;

/** What the storage needs of a worker (a `Worker`, or a MessagePort in tests). */
export interface StoragePort {
  postMessage(message: MessageToRemote): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MessageFromRemote | typeof STORAGE_WORKER_READY>) => void): void;
  /** Ends the worker once no store uses it. */
  terminate(): void;
  /** Calls back if the worker's script fails to load or throws (a Worker's `error` event). */
  onFailure?(listener: () => void): void;
}

export class StorageWorkerError extends Error {}

/**
 * The storage of the rep's store (IndexedDB and the AES-GCM field cipher, storage.worker.ts)
 * run in a Web Worker through RxDB's remote storage plugin: a first sync's IndexedDB puts and
 * gets, its WebCrypto calls and the garbage they make leave the UI thread, which only passes
 * the documents on (a structured clone per write chunk). One worker serves every store opened
 * with this storage; it starts with the first store and ends when the last one closes.
 */
export function workerStorage(startWorker: () => StoragePort, readyTimeoutMs = READY_TIMEOUT_MS): AnyStorage {
  return getRxStorageRemote({
    identifier: 'outpost-storage-worker',
    mode: 'storage',
    async messageChannelCreator(): Promise<RemoteMessageChannel> {
      let worker: StoragePort;
      try {
        worker = startWorker();
      } catch (error) {
        throw new StorageWorkerError(`The storage worker did not start (${String(error)})`);
      }
      const messages$ = new Subject<MessageFromRemote>();
      const timing = storageTimer();
      let ready: () => void = () => undefined;
      let failed: () => void = () => undefined;
      const started = new Promise<void>((resolve, reject) => {
        ready = resolve;
        failed = () => reject(new StorageWorkerError('The storage worker failed to load'));
      });
      worker.onFailure?.(() => failed());
      worker.addEventListener('message', (event) => {
        if (event.data === STORAGE_WORKER_READY) ready();
        else {
          timing.answered(event.data);
          messages$.next(event.data);
        }
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StorageWorkerError('The storage worker did not start')), readyTimeoutMs);
      });
      try {
        await Promise.race([started, timedOut]);
      } catch (error) {
        worker.terminate();
        throw error;
      } finally {
        clearTimeout(timer);
      }
      return {
        send: (message) => {
          timing.sent(message);
          worker.postMessage(message);
        },
        messages$: messages$.asObservable(),
        close: () => {
          messages$.complete();
          worker.terminate();
          return Promise.resolve();
        },
      };
    },
  });
}

/**
 * The worker storage, or `inThread()` for good if the worker cannot start (a runtime without
 * module workers): the store then works as before, on the UI thread, rather than not at all.
 */
export function workerOrInThread(worker: AnyStorage, inThread: () => AnyStorage): AnyStorage {
  let chosen: AnyStorage | null = null;
  return {
    ...worker,
    name: 'outpost-store',
    async createStorageInstance(params) {
      if (chosen) return chosen.createStorageInstance(params);
      try {
        const instance = await worker.createStorageInstance(params);
        chosen ??= worker;
        return instance;
      } catch (error) {
        if (!(error instanceof StorageWorkerError)) throw error;
        console.warn(`${error.message}: the local store runs on the UI thread`);
        chosen = inThread();
        return chosen.createStorageInstance(params);
      }
    },
  };
}
