/**
 * The rule administration screen's draft of a rule set: what the administrator types, kept as
 * typed (a half-entered amount or list stays on screen), turned into the API body only on
 * publish, where the shared validation (shared/leads/ruleSetValidation.ts) says what to fix.
 */
import { fieldsOf, OUTCOME_OF } from '../../../shared/leads/ruleSetValidation';
import { FIELD_LABELS } from '../../../shared/leads/conditionText';
import type { PublishRuleSet } from '../../../shared/leads/ruleAdmin';
import type { RuleEngine, RuleSetDoc } from '../../../shared/schemas/ruleSet.schema';

export interface ConditionDraft {
  field: string;
  op: string;
  /** Values separated by commas, a number, or `yes`/`no`, as the field takes. */
  value: string;
}

export interface RuleDraft {
  /** Keeps React's identity of a rule while rules move. */
  key: number;
  name: string;
  conditions: ConditionDraft[];
  /** `yes`/`no` for qualification, the rating or channel otherwise. */
  outcome: string;
}

export interface SetDraft {
  id: string;
  engine: RuleEngine;
  basedOn: number;
  name: string;
  precedence: string;
  guards: ConditionDraft[];
  rules: RuleDraft[];
}

type Condition = RuleSetDoc['guards'][number];

export const OP_LABELS: Readonly<Record<string, string>> = {
  in: 'is one of',
  notIn: 'is none of',
  gt: 'more than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
  is: 'is',
};

const OPS: Readonly<Record<string, readonly string[]>> = { text: ['in', 'notIn'], number: ['gte', 'gt', 'lte', 'lt'], flag: ['is'] };

export function fieldOptions(engine: RuleEngine): { value: string; label: string }[] {
  return Object.keys(fieldsOf(engine)).map((field) => ({ value: field, label: FIELD_LABELS[field] ?? field }));
}

/** The operators a field takes (an unknown field: all, so what was loaded is still shown). */
export function opOptions(engine: RuleEngine, field: string): { value: string; label: string }[] {
  const kind = fieldsOf(engine)[field];
  const ops = kind ? (OPS[kind] ?? []) : Object.keys(OP_LABELS);
  return ops.map((op) => ({ value: op, label: OP_LABELS[op] ?? op }));
}

function valueText(c: Condition): string {
  if (c.values !== undefined) return c.values.join(', ');
  if (c.number !== undefined) return String(c.number);
  if (c.flag !== undefined) return c.flag ? 'yes' : 'no';
  return '';
}

function conditionDraft(c: Condition): ConditionDraft {
  return { field: c.field, op: c.op, value: valueText(c) };
}

let nextKey = 1;

export function draftFromRuleSet(set: RuleSetDoc): SetDraft {
  const outcomeKey = OUTCOME_OF[set.engine];
  return {
    id: set.id,
    engine: set.engine,
    basedOn: set.version,
    name: set.name,
    precedence: String(set.precedence),
    guards: set.guards.map(conditionDraft),
    rules: set.rules.map((rule) => {
      const outcome = rule.outcome[outcomeKey];
      return {
        key: nextKey++,
        name: rule.name,
        conditions: rule.conditions.map(conditionDraft),
        outcome: typeof outcome === 'boolean' ? (outcome ? 'yes' : 'no') : (outcome ?? ''),
      };
    }),
  };
}

/** A new condition on the engine's first field, with that field's first operator. */
export function newCondition(engine: RuleEngine): ConditionDraft {
  return { field: 'country', op: opOptions(engine, 'country')[0]?.value ?? 'in', value: '' };
}

export function newRule(engine: RuleEngine, count: number): RuleDraft {
  return { key: nextKey++, name: `Rule ${count + 1}`, conditions: [], outcome: engine === 'qualification' ? 'yes' : '' };
}

/** A field change keeps the operator when the new field takes it, else takes the field's first one. */
export function withField(engine: RuleEngine, c: ConditionDraft, field: string): ConditionDraft {
  const ops = opOptions(engine, field).map((o) => o.value);
  return { field, op: ops.includes(c.op) ? c.op : (ops[0] ?? c.op), value: c.field === field ? c.value : '' };
}

/** Moves item `index` by `delta` (-1 up, +1 down); out of range: unchanged. */
export function move<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

/** The typed value as the condition's operand; what does not parse is passed on for the validation to name. */
function operand(c: ConditionDraft): Record<string, unknown> {
  if (c.op === 'in' || c.op === 'notIn') {
    return {
      values: c.value
        .split(',')
        .map((v) => v.trim())
        .filter((v, _i, all) => v !== '' || all.length === 1),
    };
  }
  if (c.op === 'is') {
    const text = c.value.trim().toLowerCase();
    return { flag: text === 'yes' ? true : text === 'no' ? false : c.value };
  }
  const text = c.value.trim();
  const number = text === '' ? Number.NaN : Number(text.replace(/[$,\s]/g, ''));
  return { number: Number.isFinite(number) ? number : c.value };
}

function condition(c: ConditionDraft): Record<string, unknown> {
  return { field: c.field, op: c.op, ...operand(c) };
}

function outcome(engine: RuleEngine, text: string): Record<string, unknown> {
  if (engine !== 'qualification') return { [OUTCOME_OF[engine]]: text };
  const t = text.trim().toLowerCase();
  return { qualified: t === 'yes' ? true : t === 'no' ? false : text };
}

/** The body of POST /admin/ruleSets/{id}/versions, unchecked: validate it before sending. */
export function publishBody(draft: SetDraft): PublishRuleSet & Record<string, unknown> {
  const precedence = Number(draft.precedence.trim());
  return {
    engine: draft.engine,
    name: draft.name,
    precedence: draft.precedence.trim() === '' ? Number.NaN : precedence,
    guards: draft.guards.map(condition) as PublishRuleSet['guards'],
    rules: draft.rules.map((rule) => ({
      name: rule.name,
      conditions: rule.conditions.map(condition) as PublishRuleSet['guards'],
      outcome: outcome(draft.engine, rule.outcome),
    })),
    basedOn: draft.basedOn,
  };
}
