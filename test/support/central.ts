import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningCentral {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the central system exactly as `npm run central` does, in a child process with a
 * fresh PGlite folder (or DATABASE_URL when given), and waits for its health check. The deadline
 * only turns a hang into a message: tsx compiles the server and PGlite migrates and seeds, about
 * 5 s on a quiet machine and over 60 s on a 2-core machine at load 20+ (seen while helpers ran).
 */
export async function startCentralProcess(env: Record<string, string> = {}, startTimeoutMs = 180_000): Promise<RunningCentral> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'outpost-central-'));
  const child: ChildProcess = spawn('npx', ['tsx', 'central/src/main.ts'], {
    cwd: join(import.meta.dirname, '..', '..'),
    // Orders stay where the test puts them unless it asks for auto fulfillment; demo mode lets the
    // browser build (a local http origin) through CORS.
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      OUTPOST_DATA_DIR: dataDir,
      OUTPOST_FULFILLMENT: 'manual',
      OUTPOST_DEMO: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The central system exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      // Detached: it would outlive this process and hold its port and CPU.
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      throw new Error(`The central system did not answer /health within ${startTimeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
