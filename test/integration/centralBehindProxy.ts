import { afterAll, afterEach, beforeAll } from 'vitest';
import { createCentral } from '../../central/src/server';
import { seededPglite } from '../../central/src/test/harness';
import type { SyncOptions } from '../../renderer/sync/syncEngine';
import { startLossyProxy, type LossyProxy } from './lossyProxy';
import { openLaptop, type RepLaptop } from './syncHarness';

export interface LaptopOptions {
  /** The laptop's IndexedDB from an earlier laptop: a restart on the same disk. */
  disk?: RepLaptop['disk'];
  /** Short timings for tests that wait for timeouts, heartbeats or periodic pulls. */
  sync?: SyncOptions;
  /** Sync straight with the central system instead of through the proxy. */
  direct?: boolean;
  /** Collections at the schema an already released app has. */
  olderSchemas?: Parameters<typeof openLaptop>[0]['olderSchemas'];
}

/**
 * A seeded central system for the suite, reached by the laptops through a lossy proxy, with the
 * hooks that start and stop it; laptops opened with `laptop()` are closed after each test, and
 * every fault set on the proxy (down, delay, hang, silent streams) is cleared, so no test leaks
 * its faults into the next.
 */
export function centralBehindProxy() {
  let central: Awaited<ReturnType<typeof createCentral>> | undefined;
  let url = '';
  let proxy: LossyProxy | undefined;
  const open: RepLaptop[] = [];
  beforeAll(async () => {
    central = await createCentral({ ...(await seededPglite()), seed: true });
    url = await central.app.listen({ port: 0, host: '127.0.0.1' });
    proxy = await startLossyProxy(url);
  });
  afterEach(async () => {
    // RxDB's free edition allows 13 open collections per process: one laptop at a time.
    while (open.length) await open.pop()?.close();
    proxy?.setDown(false);
    proxy?.delay('', 0);
    proxy?.hang('');
    proxy?.silenceStreams(false);
  });
  afterAll(async () => {
    await proxy?.close();
    await central?.close();
  });
  return {
    /** The central system's own address (not through the proxy). */
    get url(): string {
      return url;
    },
    get proxy(): LossyProxy {
      if (!proxy) throw new Error('the central system is not started yet');
      return proxy;
    },
    /** Closes the laptop opened last, e.g. to open the same disk as another rep. */
    async closeLast(): Promise<void> {
      await open.pop()?.close();
    },
    async laptop(username: string, options: LaptopOptions = {}): Promise<RepLaptop> {
      const syncUrl = options.direct ? url : this.proxy.url;
      const rep = await openLaptop({
        signInUrl: url,
        syncUrl,
        username,
        disk: options.disk,
        sync: options.sync,
        olderSchemas: options.olderSchemas,
      });
      open.push(rep);
      return rep;
    },
  };
}
