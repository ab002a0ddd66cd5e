import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '.';
import { CHECKED_KEYWORDS, checkSchema, type SchemaNode } from './schemaCheck';
import { leadSchema } from './lead.schema';
import { makeLead } from '../testing/docs.fixture';

/** RxDB's own keys of a schema literal: they describe storage, not validity. */
const RXDB_KEYWORDS = ['title', 'description', 'version', 'primaryKey', 'indexes', 'encrypted'];

function keywordsOf(node: Record<string, unknown>, found: Set<string>): Set<string> {
  for (const key of Object.keys(node)) found.add(key);
  for (const child of Object.values((node.properties ?? {}) as Record<string, Record<string, unknown>>)) keywordsOf(child, found);
  if (node.items) keywordsOf(node.items as Record<string, unknown>, found);
  return found;
}

const lead = makeLead();

describe('the schema check', () => {
  it('checks every keyword the schema literals use: a new one would go unchecked, so this fails first', () => {
    for (const [name, { schema }] of Object.entries(COLLECTIONS)) {
      const unchecked = [...keywordsOf(schema as unknown as Record<string, unknown>, new Set())].filter(
        (k) => !(CHECKED_KEYWORDS as readonly string[]).includes(k) && !RXDB_KEYWORDS.includes(k),
      );
      expect(unchecked, `${name} uses keywords the check ignores`).toEqual([]);
    }
  });

  it('passes a valid lead and names each field that is wrong, with what it must be', () => {
    const schema = leadSchema as unknown as SchemaNode;
    expect(checkSchema(schema, lead)).toEqual([]);
    const problems = checkSchema(schema, { ...lead, company: 7, purchaseAmount: Number.NaN, status: 'sold', owner: undefined });
    expect(problems.map((p) => p.message)).toEqual([
      'document.owner is required',
      'document.company must be string',
      'document.purchaseAmount must be number',
      'document.status must be one of acknowledged, inProgress, pending, accepted, rejected, cancelled',
    ]);
    expect(problems[1]?.field).toBe('document.company');
    expect(checkSchema(schema, { ...lead, owner: undefined }, new Set(['owner']))).toEqual([]);
    // RxDB closes every collection's top level.
    expect(checkSchema({ ...schema, additionalProperties: false }, { ...lead, colour: 'red' })).toEqual([
      { field: 'document.colour', message: 'document.colour is not a field of this record' },
    ]);
    expect(checkSchema(schema, { ...lead, colour: 'red' })).toEqual([]);
  });

  it('never throws and never passes a non-object document, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const problems = checkSchema(leadSchema as unknown as SchemaNode, value);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) expect(problems.length).toBeGreaterThan(0);
        expect(problems.length).toBeLessThanOrEqual(10);
      }),
    );
  });
});
