/** A central system on storage the test keeps (engine.prepare(true)), so it can be restarted or its database read after close. */
import { createCentral, type CentralOptions } from '../server';

export interface RunningCentral {
  url: string;
  close(): Promise<void>;
}

export async function startCentralOn(options: CentralOptions): Promise<RunningCentral> {
  const central = await createCentral({ seed: true, ...options });
  try {
    await central.app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await central.close();
    throw error;
  }
  const address = central.app.server.address();
  if (!address || typeof address === 'string') throw new Error('The central system is not listening on a TCP port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => central.close() };
}
