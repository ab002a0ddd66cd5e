/**
 * Vitest global setup: one migrated, seeded PGlite database dumped to a file, so each suite's
 * central system starts from a copy instead of running PGlite's initdb, the migrations and the
 * seed again (seconds per start on a loaded machine). The harness reads it (`pgliteTemplate`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { migrate } from '../platform/db/migrations';
import { pgliteDb } from '../platform/db/pglite';
import { MIGRATIONS } from '../migrations';
import { seedDemoData } from '../seed';
import './providedContext';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(join(tmpdir(), 'outpost-pglite-template-'));
  const pg = await PGlite.create();
  try {
    const db = pgliteDb(pg, 'PGlite template');
    await migrate(db, MIGRATIONS);
    await seedDemoData(db);
    const file = join(folder, 'seeded.tar');
    await writeFile(file, Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer()));
    project.provide('pgliteTemplate', file);
  } finally {
    await pg.close();
  }
  return () => rm(folder, { recursive: true, force: true });
}
