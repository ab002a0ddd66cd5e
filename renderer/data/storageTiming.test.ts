import { afterEach, describe, expect, it } from 'vitest';
import type { MessageFromRemote, MessageToRemote } from 'rxdb/plugins/storage-remote';
import { STORAGE_MEASURE_PREFIX, storageTimer, type StorageMeasureDetail } from './storageTiming';

const request = (requestId: string, method: string, params: unknown): MessageToRemote =>
  ({ connectionId: 'c1', requestId, method, params }) as unknown as MessageToRemote;
const answer = (answerTo: string): MessageFromRemote =>
  ({ connectionId: 'c1', answerTo, method: 'bulkWrite' }) as unknown as MessageFromRemote;
const measures = () => performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith(STORAGE_MEASURE_PREFIX));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('storage round-trip timing', () => {
  afterEach(() => performance.clearMeasures());

  it('names a slow request by its collection and method, with what it carried', async () => {
    const timer = storageTimer();
    timer.sent(request('r0', 'create', { collectionName: 'leads' }));
    timer.answered(answer('r0'));
    timer.sent(request('r1', 'bulkWrite', [[{}, {}, {}], 'rx-collection-bulk-insert']));
    await pause(120);
    timer.answered(answer('r1'));
    const [slow, ...more] = measures();
    expect(more).toEqual([]);
    expect(slow?.name).toBe('storage leads bulkWrite');
    expect(slow?.duration).toBeGreaterThanOrEqual(100);
    expect((slow as PerformanceMeasure).detail as StorageMeasureDetail).toEqual({ what: '3 rows, rx-collection-bulk-insert' });
  });

  it('keeps no entry for a quick request or an answer to nothing it sent', () => {
    const timer = storageTimer();
    timer.sent(request('r1', 'findDocumentsById', [['a', 'b'], false]));
    timer.answered(answer('r1'));
    timer.answered(answer('unknown'));
    expect(measures()).toEqual([]);
  });
});
