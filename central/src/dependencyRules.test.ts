/**
 * The dependency rules `npm run lint` runs (build/checkDependencies.mjs over
 * .dependency-cruiser.cjs): the real tree passes, and probes in a copy of the tree - an import
 * past a door, a cycle, the platform reaching up into a context - each fail naming their rule.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CHECK = join(ROOT, 'build', 'checkDependencies.mjs');

function check(root: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CHECK, root], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

describe('dependency rules (npm run lint)', () => {
  let copy: string;
  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'outpost-deps-'));
    await cp(join(ROOT, 'central', 'src'), join(copy, 'central', 'src'), { recursive: true });
    await cp(join(ROOT, 'shared'), join(copy, 'shared'), { recursive: true });
    await cp(join(ROOT, 'tsconfig.base.json'), join(copy, 'tsconfig.base.json'));
  });
  afterAll(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it('passes on the real tree', async () => {
    const { code, output } = await check(ROOT);
    expect(output).toContain('no dependency violations found');
    expect(code).toBe(0);
  });

  it('fails on an import past a door, a cycle and the platform importing a context, naming each rule', async () => {
    const src = join(copy, 'central', 'src');
    const probes: Record<string, string> = {
      // Past ordering's door from outside every context, and from another context.
      'seed/probeDoor.ts': "export { ingestQueuedOrder } from '../ordering/ingest/ingest';\n",
      'sales/probeDoor.ts': "export { catalogStore } from '../catalog/catalogStore';\n",
      // Through the door: allowed.
      'seed/probeThroughDoor.ts': "export { registerOrderingRoutes } from '../ordering';\n",
      'platform/probeCycleA.ts': "import { b } from './probeCycleB';\nexport const a = (): unknown => b;\n",
      'platform/probeCycleB.ts': "import { a } from './probeCycleA';\nexport const b = (): unknown => a;\n",
      'platform/probeUp.ts': "export { registerOrderingRoutes } from '../ordering';\n",
      'ordering/ingest/probeSelf.ts': "export { registerOrderingRoutes } from '../index';\n",
    };
    for (const [path, text] of Object.entries(probes)) await writeFile(join(src, path), text);

    const { code, output } = await check(copy);
    expect(code).toBe(1);
    expect(output).toContain('error context-door: central/src/seed/probeDoor.ts → central/src/ordering/ingest/ingest.ts');
    expect(output).toContain('error context-door: central/src/sales/probeDoor.ts → central/src/catalog/catalogStore.ts');
    expect(output).toContain('error no-cycle: central/src/platform/probeCycleA.ts → central/src/platform/probeCycleB.ts');
    expect(output).toContain('error platform-below-contexts: central/src/platform/probeUp.ts → central/src/ordering/index.ts');
    expect(output).toContain('error context-door-self: central/src/ordering/ingest/probeSelf.ts → central/src/ordering/index.ts');
    expect(output).not.toContain('probeThroughDoor');
    // Nothing else: the copy is the real tree plus the probes.
    expect(output).toContain('6 dependency violations (6 errors, 0 warnings)');
  });
});
