/**
 * A local cluster without Compose: one PostgreSQL (a throwaway one from
 * test/support/start-postgres.sh, or the given URL), N central instances as child processes
 * (`central/src/main.ts`) on free ports, and a round-robin proxy in front. Used by
 * `npm run central:cluster`, the cluster tests and `npm run bench:central` (cluster mode).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startRoundRobinProxy, type RoundRobinProxy } from './proxy';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const START_POSTGRES = fileURLToPath(new URL('../../test/support/start-postgres.sh', import.meta.url));
const START_TIMEOUT_MS = 120_000;

export interface ClusterOptions {
  instances: number;
  /** Use this database; default: a throwaway PostgreSQL cluster, stopped with the cluster. */
  databaseUrl?: string;
  /** The proxy's port; default any free one. */
  port?: number;
  /** Extra environment for every instance (e.g. OUTPOST_FULFILLMENT=manual). */
  env?: Record<string, string>;
  log?: (message: string) => void;
}

export interface ClusterInstance {
  /** OUTPOST_INSTANCE_ID, e.g. instance-1: the name on its leases. */
  id: string;
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

export interface LocalCluster {
  /** The proxy: the one address clients use. */
  url: string;
  databaseUrl: string;
  instances: ClusterInstance[];
  proxy: RoundRobinProxy;
  /** Kills one instance the hard way (SIGKILL: no clean shutdown, leases left to expire). */
  kill(instance: ClusterInstance): Promise<void>;
  stop(): Promise<void>;
}

async function throwawayPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const { stdout, stderr } = await promisify(execFile)('bash', [START_POSTGRES], { encoding: 'utf8' });
  const stopScript = /stop with (\S+)/.exec(stderr)?.[1];
  const url = stdout.trim();
  if (!url.startsWith('postgres://') || !stopScript) throw new Error(`start-postgres.sh did not start PostgreSQL:\n${stderr}`);
  // Its own process group, so a Ctrl-C reaching ours does not cut the clean-up short.
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      const child = spawn('bash', [stopScript], { detached: true, stdio: 'ignore' });
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    });
  return { url, stop };
}

function startInstance(
  id: string,
  databaseUrl: string,
  env: Record<string, string>,
  log: (message: string) => void,
): Promise<ClusterInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      OUTPOST_INSTANCE_ID: id,
      // Client addresses (sign-in limits) come from the proxy's X-Forwarded-For.
      OUTPOST_TRUST_PROXY: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stderr?.on('data', (chunk: Buffer) => log(`${id}: ${chunk.toString('utf8').trimEnd()}`));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${id} did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ id, url, child, exited });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${id} exited with code ${code} before listening:\n${output}`));
    });
  });
}

export async function startLocalCluster(options: ClusterOptions): Promise<LocalCluster> {
  const { instances: count, env = {}, log = () => undefined } = options;
  if (!Number.isSafeInteger(count) || count < 1 || count > 32)
    throw new Error(`--instances must be a whole number from 1 to 32, got ${count}`);
  const postgres = options.databaseUrl ? undefined : await throwawayPostgres();
  const databaseUrl = options.databaseUrl ?? postgres?.url ?? '';
  const instances: ClusterInstance[] = [];
  const stopInstances = async (): Promise<void> => {
    for (const instance of instances) instance.child.kill('SIGTERM');
    await Promise.all(instances.map((instance) => instance.exited));
  };
  try {
    // The first one migrates and seeds alone; the others then start side by side.
    instances.push(await startInstance('instance-1', databaseUrl, env, log));
    const rest = Array.from({ length: count - 1 }, (_, index) => startInstance(`instance-${index + 2}`, databaseUrl, env, log));
    const started = await Promise.allSettled(rest);
    for (const result of started) if (result.status === 'fulfilled') instances.push(result.value);
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    const proxy = await startRoundRobinProxy(
      instances.map((instance) => instance.url),
      options.port,
    );
    let stopping: Promise<void> | undefined;
    return {
      url: proxy.url,
      databaseUrl,
      instances,
      proxy,
      kill: async (instance) => {
        instance.child.kill('SIGKILL');
        await instance.exited;
      },
      stop: () => {
        stopping ??= (async () => {
          await proxy.close();
          await stopInstances();
          await postgres?.stop();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await stopInstances();
    await postgres?.stop();
    throw error;
  }
}
