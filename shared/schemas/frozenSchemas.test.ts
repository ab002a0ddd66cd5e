/**
 * Every schema change is a version bump with a migration: the current schemas are compared with the
 * latest frozen release (fixtures/v2.schemas.ts). Same version: the schema must be exactly the frozen
 * one. Next version: it needs a migration strategy for it (and the migration test in
 * renderer/data/database.migration.test.ts then migrates a database written by the frozen release).
 */
import { describe, expect, it } from 'vitest';
import { SCHEMAS_V2 } from './fixtures/v2.schemas';
import { COLLECTION_NAMES, COLLECTIONS } from './index';

const LATEST_FROZEN = SCHEMAS_V2;

describe('schemas against the latest frozen release', () => {
  /** Collections added after the frozen release: nothing on a laptop to migrate, so they start at version 0. */
  const NEW_SINCE = ['policies', 'orderAttachments'];
  const frozenNames = COLLECTION_NAMES.filter((name) => !NEW_SINCE.includes(name));

  it('freezes every collection but the new ones, which start at version 0', () => {
    expect(Object.keys(LATEST_FROZEN).sort()).toEqual([...frozenNames].sort());
    for (const name of NEW_SINCE) expect(COLLECTIONS[name as keyof typeof COLLECTIONS].schema.version).toBe(0);
  });

  it.each(frozenNames)('%s changes only with a version bump and a migration strategy', (name) => {
    const { schema, migrationStrategies } = COLLECTIONS[name];
    const frozen = LATEST_FROZEN[name as keyof typeof LATEST_FROZEN];
    if (schema.version === frozen.version) {
      // Changed the schema? Bump its version, add the strategy in shared/schemas/index.ts, and freeze the new release beside v2.schemas.ts.
      expect(JSON.parse(JSON.stringify(schema)), `${name} differs from its frozen version ${frozen.version}`).toEqual(frozen);
    } else {
      expect(schema.version, `${name} may move one version past the frozen release`).toBe(frozen.version + 1);
    }
    for (let version = 1; version <= schema.version; version++) {
      expect(migrationStrategies[version], `${name} has no migration strategy to version ${version}`).toBeTypeOf('function');
    }
  });
});
