import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCentral } from '../../server';
import { ENGINES } from '../../test/harness';
import { api, signIn } from '../../test/client';
import { openStream } from '../../test/eventStream';
import { MIGRATIONS } from '../../migrations';
import { SEED_USERS } from '../../seed/users';
import { migrate } from './migrations';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { CentralOptions } from '../../server';

async function listen(options: CentralOptions) {
  const central = await createCentral({ seed: true, ...options });
  await central.app.listen({ port: 0, host: '127.0.0.1' });
  const address = central.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return { central, url: `http://127.0.0.1:${address.port}` };
}

describe.each(ENGINES)('start, restart and stop on $name', (engine) => {
  it('migrates once, seeds idempotently and keeps what reps changed across a restart', async () => {
    const storage = await engine.prepare(true);
    try {
      const first = await listen(storage.options);
      const alex = api(first.url, await signIn(first.url, 'alex'));
      const before = (await alex.pull('accounts')).documents;
      const harbor = before.find((doc) => doc.id === 'acct-harbor-logistics') ?? {};
      await alex.push('accounts', [{ newDocumentState: { ...harbor, industry: 'Ports and logistics' }, assumedMasterState: harbor }]);
      await first.central.close();

      const second = await listen(storage.options);
      const again = api(second.url, await signIn(second.url, 'alex'));
      const after = (await again.pull('accounts')).documents;
      expect(after).toHaveLength(before.length);
      expect(after.find((doc) => doc.id === 'acct-harbor-logistics')?.industry).toBe('Ports and logistics');
      await second.central.close();

      const db = storage.options.databaseUrl ? await openPostgres(storage.options.databaseUrl) : await openPglite(storage.options.dataDir);
      try {
        const versions = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
        expect(await migrate(db, MIGRATIONS)).toEqual([]);
        expect((await db.query<{ n: unknown }>('SELECT count(*) AS n FROM users')).map((row) => Number(row.n))).toEqual([
          SEED_USERS.length,
        ]);
      } finally {
        await db.close();
      }
    } finally {
      await storage.dispose();
    }
  });

  it('closes cleanly while event streams are open', async () => {
    const storage = await engine.prepare();
    try {
      const { central, url } = await listen(storage.options);
      const stream = await openStream(url, await signIn(url, 'sam'));
      await stream.next((event) => event.event === 'hello');
      const started = Date.now();
      await central.close();
      expect(Date.now() - started).toBeLessThan(3_000);
      stream.close();
    } finally {
      await storage.dispose();
    }
  });

  it('runs as `npm run central` does: one start-up line, health, clean exit on SIGTERM', async () => {
    const storage = await engine.prepare(true);
    const env: Record<string, string> = { ...process.env, PORT: '0', HOST: '127.0.0.1' } as Record<string, string>;
    delete env.DATABASE_URL;
    if (storage.options.databaseUrl) env.DATABASE_URL = storage.options.databaseUrl;
    if (storage.options.dataDir) env.OUTPOST_DATA_DIR = storage.options.dataDir;
    const root = join(import.meta.dirname, '..', '..', '..', '..');
    const child = spawn(process.execPath, ['--import', 'tsx', 'central/src/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const line = await new Promise<string>((resolve, reject) => {
        // Only turns a hang into a message: compiling and seeding took over 60 s at load 30 on 2 cores.
        const timer = setTimeout(() => reject(new Error(`no start-up line within 180 s: ${output}`)), 180_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Central system listening on .*\n/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[0].trim());
          }
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      const storageText = storage.options.databaseUrl ? 'PostgreSQL' : `PGlite at ${storage.options.dataDir}`;
      const match = /^Central system listening on (http:\/\/127\.0\.0\.1:\d+) \(storage: (.*)\)$/.exec(line);
      expect(match?.[2]).toBe(storageText);
      const health = await fetch(`${match?.[1] ?? ''}/health`);
      expect(await health.json()).toEqual({ ok: true });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await storage.dispose();
    }
  }, 240_000);
});
