import type { MessageFromRemote, MessageToRemote } from 'rxdb/plugins/storage-remote';

/**
 * Slow storage round trips as User Timing measures (`storage <collection> <method>`), for
 * DevTools' Performance panel and the benchmark's trace (BENCH_SYNC_TRACE): a CPU profile shows
 * both threads idle while IndexedDB works, so only the round trip says which request waited.
 * Only requests over SLOW_MS are kept, and at most MAX_MEASURES, so a long session's timeline
 * stays small.
 */
export const STORAGE_MEASURE_PREFIX = 'storage ';
const SLOW_MS = 100;
const MAX_MEASURES = 2_000;

export interface StorageMeasureDetail {
  /** E.g. the bulk write's context (`rx-collection-bulk-insert`, `replication-downstream-…`) and row count. */
  what: string;
}

function describe(message: MessageToRemote): string {
  const params = message.params as unknown;
  if (!Array.isArray(params)) return '';
  if (message.method === 'bulkWrite') return `${(params[0] as unknown[]).length} rows, ${String(params[1])}`;
  if (message.method === 'findDocumentsById') return `${(params[0] as unknown[]).length} ids`;
  if (message.method === 'query' || message.method === 'count') {
    return JSON.stringify((params[0] as { query?: unknown }).query ?? '').slice(0, 200);
  }
  if (message.method === 'getChangedDocumentsSince') return `limit ${String(params[0])}`;
  return '';
}

/** Times each request of one remote-storage channel from send to answer. */
export function storageTimer(): { sent(message: MessageToRemote): void; answered(message: MessageFromRemote): void } {
  const collectionOf = new Map<string, string>();
  const open = new Map<string, { at: number; name: string; what: string }>();
  let kept = 0;
  return {
    sent(message) {
      if (kept >= MAX_MEASURES) return;
      if (message.method === 'create' && !Array.isArray(message.params)) {
        collectionOf.set(message.connectionId, (message.params as { collectionName: string }).collectionName);
      }
      const collection = collectionOf.get(message.connectionId) ?? message.connectionId;
      open.set(message.requestId, {
        at: performance.now(),
        name: `${STORAGE_MEASURE_PREFIX}${collection} ${message.method}`,
        what: describe(message),
      });
    },
    answered(message) {
      const request = open.get(message.answerTo);
      if (!request) return;
      open.delete(message.answerTo);
      const end = performance.now();
      if (end - request.at < SLOW_MS || kept >= MAX_MEASURES) return;
      kept++;
      const detail: StorageMeasureDetail = { what: request.what };
      performance.measure(request.name, { start: request.at, end, detail });
    },
  };
}
