import { afterAll, afterEach, beforeAll } from 'vitest';
import { createCentral } from '../../central/src/server';
import { startLossyProxy, type LossyProxy } from './lossyProxy';
import { openLaptop, type RepLaptop } from './syncHarness';

/**
 * A seeded central system for the suite, reached by the laptops through a lossy proxy, with the
 * hooks that start and stop it; laptops opened with `laptop()` are closed after each test.
 */
export function centralBehindProxy() {
  let central: Awaited<ReturnType<typeof createCentral>>;
  let url = '';
  let proxy: LossyProxy | undefined;
  const open: RepLaptop[] = [];
  beforeAll(async () => {
    central = await createCentral({ seed: true });
    url = await central.app.listen({ port: 0, host: '127.0.0.1' });
    proxy = await startLossyProxy(url);
  });
  afterEach(async () => {
    // RxDB's free edition allows 13 open collections per process: one laptop at a time.
    while (open.length) await open.pop()?.close();
    proxy?.setDown(false);
  });
  afterAll(async () => {
    await proxy?.close();
    await central.close();
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
    async laptop(username: string, disk?: RepLaptop['disk']): Promise<RepLaptop> {
      const rep = await openLaptop({ signInUrl: url, syncUrl: this.proxy.url, username, disk });
      open.push(rep);
      return rep;
    },
  };
}
