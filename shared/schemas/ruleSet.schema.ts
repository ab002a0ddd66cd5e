import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';

/**
 * A condition on one lead attribute. Exactly one of `values`, `number` or `flag` is used,
 * depending on `op`: `in`/`notIn` compare text with `values`; `gt`/`gte`/`lt`/`lte` compare
 * numbers with `number`; `is` compares a yes/no attribute with `flag`.
 */
const conditionSchema = {
  type: 'object',
  properties: {
    field: { type: 'string' },
    op: { type: 'string', enum: ['in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'is'] },
    values: { type: 'array', items: { type: 'string' } },
    number: { type: 'number' },
    flag: { type: 'boolean' },
  },
  required: ['field', 'op'],
} as const;

export const RULE_ENGINES = ['qualification', 'rating', 'channel'] as const;
export type RuleEngine = (typeof RULE_ENGINES)[number];

/**
 * A rule set of the lead processing engine (Oracle Leads Management model): guards define the
 * domain (which leads the set applies to), ordered rules decide the outcome; first match wins.
 */
export const ruleSetSchemaLiteral = {
  title: 'ruleSet',
  /** v1 adds `version`: the published version of the set (central keeps every version, immutable). */
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    engine: { type: 'string', enum: RULE_ENGINES },
    name: { type: 'string' },
    /** Lower runs first when several sets of one engine guard the same lead. */
    precedence: { type: 'integer' },
    guards: { type: 'array', items: conditionSchema },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          conditions: { type: 'array', items: conditionSchema },
          outcome: {
            type: 'object',
            properties: { qualified: { type: 'boolean' }, rating: { type: 'string' }, channel: { type: 'string' } },
          },
        },
        required: ['name', 'conditions', 'outcome'],
      },
    },
    /** 1, 2, ...: a lead records the versions it was processed with, so central can re-run them (drift). */
    version: { type: 'integer', minimum: 1 },
    updatedAt: { type: 'string', maxLength: 40 },
  },
  required: ['id', 'engine', 'name', 'precedence', 'guards', 'rules', 'version', 'updatedAt'],
} as const;

export type RuleSetDoc = ExtractDocumentTypeFromTypedRxJsonSchema<typeof ruleSetSchemaLiteral>;
export const ruleSetSchema: RxJsonSchema<RuleSetDoc> = ruleSetSchemaLiteral;

/** A rule set as one version of it: what a lead records it was processed with. */
export interface RuleSetVersionRef {
  id: string;
  version: number;
}
