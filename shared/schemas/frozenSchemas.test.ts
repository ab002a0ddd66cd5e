/**
 * Every schema change is a version bump with a migration: the current schemas are compared with the
 * latest frozen release (fixtures/v2.schemas.ts). Same version: the schema must be exactly the frozen
 * one. Next version: it needs a migration strategy for it (and the migration test in
 * renderer/data/database.migration.test.ts then migrates a database written by the frozen release).
 */
import { describe, expect, it } from 'vitest';
import { SCHEMAS_V2 } from './fixtures/v2.schemas';
import { POLICY_SCHEMA_V1 } from './fixtures/v1.policy.schema';
import { LEAD_SCHEMA_V3 } from './fixtures/v3.lead.schema';
import { COLLECTION_NAMES, COLLECTIONS } from './index';

// Leads shipped a version 3 (statusChangeReason) since: that is the release version 4 moves past.
const LATEST_FROZEN = { ...SCHEMAS_V2, leads: LEAD_SCHEMA_V3 };

describe('schemas against the latest frozen release', () => {
  it('moves policies one version past the frozen v1, only adding optional fields and the kind charges', () => {
    const current = JSON.parse(JSON.stringify(COLLECTIONS.policies.schema)) as typeof POLICY_SCHEMA_V1;
    expect(current.version).toBe(POLICY_SCHEMA_V1.version + 1);
    expect(current.required).toEqual(POLICY_SCHEMA_V1.required);
    const { kind, ...others } = JSON.parse(JSON.stringify(POLICY_SCHEMA_V1.properties)) as Record<string, { enum?: string[] }>;
    expect(current.properties).toMatchObject(others);
    expect(current.properties.kind.enum).toEqual([...(kind?.enum ?? []), 'charges']);
  });

  /**
   * Collections added after the frozen release, at the version they are at now: they started at 0;
   * policies is at 2 (kind `charges`), since builds with v0 and v1 policies already ran on laptops.
   */
  const NEW_SINCE: Record<string, number> = { policies: 2, orderAttachments: 0 };
  const frozenNames = COLLECTION_NAMES.filter((name) => !(name in NEW_SINCE));

  it('freezes every collection but the new ones, each at its version with a strategy for every bump', () => {
    expect(Object.keys(LATEST_FROZEN).sort()).toEqual([...frozenNames].sort());
    for (const [name, version] of Object.entries(NEW_SINCE)) {
      const { schema, migrationStrategies } = COLLECTIONS[name as keyof typeof COLLECTIONS];
      expect(schema.version).toBe(version);
      for (let v = 1; v <= version; v++)
        expect(migrationStrategies[v], `${name} has no migration strategy to version ${v}`).toBeTypeOf('function');
    }
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
