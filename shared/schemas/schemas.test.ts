import { describe, expect, it } from 'vitest';
import {
  COLLECTIONS,
  COLLECTION_NAMES,
  OWNED_COLLECTIONS,
  REFERENCE_COLLECTIONS,
  SERVER_OWNED_COLLECTIONS,
  isOwnedCollection,
  isRepWritableCollection,
} from './index';
import { syncedRequired } from './common';

describe('collection schemas', () => {
  it('stays within the RxDB free edition budget (13 open collections per process)', () => {
    // 11 with orderAttachments (issue 10 item 4); the database opens them all (database.migration.test.ts, e2e).
    expect(COLLECTION_NAMES.length).toBeLessThanOrEqual(11);
    expect(new Set(COLLECTION_NAMES).size).toBe(OWNED_COLLECTIONS.length + SERVER_OWNED_COLLECTIONS.length + REFERENCE_COLLECTIONS.length);
  });

  it('scopes server-owned collections to their owner but never lets the app push them', () => {
    for (const name of SERVER_OWNED_COLLECTIONS) {
      expect(isOwnedCollection(name)).toBe(true);
      expect(isRepWritableCollection(name)).toBe(false);
    }
    for (const name of REFERENCE_COLLECTIONS) expect(isOwnedCollection(name) || isRepWritableCollection(name)).toBe(false);
  });

  it.each(COLLECTION_NAMES)('%s has one migration strategy for every version bump', (name) => {
    const { schema, migrationStrategies } = COLLECTIONS[name];
    const expected = Array.from({ length: schema.version }, (_, i) => String(i + 1));
    expect(Object.keys(migrationStrategies).sort()).toEqual(expected);
  });

  it.each(COLLECTION_NAMES)('%s has a bounded string id and only declared required fields', (name) => {
    const { schema } = COLLECTIONS[name];
    expect(schema.primaryKey).toBe('id');
    const properties = schema.properties as Record<string, { type?: string; maxLength?: number }>;
    expect(properties.id).toMatchObject({ type: 'string' });
    expect(properties.id?.maxLength).toBeGreaterThan(0);
    for (const field of schema.required ?? []) expect(Object.keys(properties)).toContain(field);
  });

  it.each([...OWNED_COLLECTIONS, ...SERVER_OWNED_COLLECTIONS])('%s carries the sync fields the central system relies on', (name) => {
    const { schema } = COLLECTIONS[name];
    for (const field of syncedRequired) expect(schema.required).toContain(field);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['syncError', 'conflictCopy']));
  });
});
