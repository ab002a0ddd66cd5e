/**
 * What an administrator may publish as a new version of a rule set (central API and the app's
 * rule administration screen): every condition names a field the engine knows at that point,
 * with the operator and value its type needs; every rule has the outcome of its engine; and no
 * rule is dead - one that can never match, or one an earlier rule always beats (first match wins).
 * The reachability checks are sound: a rule called unreachable never decides for any lead.
 */
import { RULE_ENGINES, type RuleEngine, type RuleSetDoc } from '../schemas/ruleSet.schema';
import { FIELD_LABELS } from './conditionText';
import { domainOf, implies, isEmptyDomain, type Condition } from './ruleSetDomains';

export type { Condition } from './ruleSetDomains';
export type Rule = RuleSetDoc['rules'][number];

/** What an administrator sends: a set's content without the id, version and stamp the central system gives it. */
export interface RuleSetDraft {
  engine: RuleEngine;
  name: string;
  precedence: number;
  guards: Condition[];
  rules: Rule[];
}

export interface RuleSetIssue {
  /** Where: `name`, `guards[0].field`, `rules[2]`, `rules[1].conditions[0].values`. */
  path: string;
  message: string;
}

export type RuleSetCheck = { ok: true; draft: RuleSetDraft } | { ok: false; issues: RuleSetIssue[] };

type FieldKind = 'text' | 'number' | 'flag';
const ATTRIBUTES: Readonly<Record<string, FieldKind>> = {
  country: 'text',
  productCategory: 'text',
  purchaseTimeframe: 'text',
  purchaseAmount: 'number',
  budgetStatus: 'text',
};

/** Qualification runs first, then rating (on qualified leads), then channel selection: each sees the results before it. */
export function fieldsOf(engine: RuleEngine): Readonly<Record<string, FieldKind>> {
  if (engine === 'qualification') return ATTRIBUTES;
  if (engine === 'rating') return { ...ATTRIBUTES, qualified: 'flag' };
  return { ...ATTRIBUTES, qualified: 'flag', rating: 'text' };
}

type Op = Condition['op'];
const OPS_OF: Readonly<Record<FieldKind, readonly Op[]>> = {
  text: ['in', 'notIn'],
  number: ['gt', 'gte', 'lt', 'lte'],
  flag: ['is'],
};

/** The outcome key each engine decides. */
export const OUTCOME_OF: Readonly<Record<RuleEngine, 'qualified' | 'rating' | 'channel'>> = {
  qualification: 'qualified',
  rating: 'rating',
  channel: 'channel',
};

const ENGINE_NAME: Readonly<Record<RuleEngine, string>> = {
  qualification: 'qualification',
  rating: 'rating',
  channel: 'channel selection',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function label(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

function ruleLabel(index: number, rule: unknown): string {
  const name = isRecord(rule) && typeof rule['name'] === 'string' && rule['name'].trim() !== '' ? ` ("${rule['name'].trim()}")` : '';
  return `Rule ${index + 1}${name}`;
}

function parseCondition(engine: RuleEngine, raw: unknown, path: string, where: string, issues: RuleSetIssue[]): Condition | undefined {
  if (!isRecord(raw)) {
    issues.push({ path, message: `${where}: a condition needs a field, an operator and a value` });
    return undefined;
  }
  const fields = fieldsOf(engine);
  const field = raw['field'];
  const kind = typeof field === 'string' ? fields[field] : undefined;
  if (typeof field !== 'string' || kind === undefined) {
    const known = Object.keys(fields).map((f) => `${f} (${label(f)})`);
    const later = typeof field === 'string' && (field === 'qualified' || field === 'rating');
    const why = later
      ? `"${field}" is not known yet when ${ENGINE_NAME[engine]} runs`
      : `${typeof field === 'string' && field !== '' ? `"${field}"` : 'The field'} is not a lead field`;
    issues.push({ path: `${path}.field`, message: `${where}: ${why}; use one of ${known.join(', ')}` });
    return undefined;
  }
  const op = raw['op'];
  if (typeof op !== 'string' || !(OPS_OF[kind] as readonly string[]).includes(op)) {
    issues.push({
      path: `${path}.op`,
      message: `${where}: ${label(field)} is compared with ${OPS_OF[kind].join(', ')}, not ${String(op)}`,
    });
    return undefined;
  }
  if (kind === 'text') {
    const values = raw['values'];
    const list = Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string').map((v) => v.trim()) : [];
    if (!Array.isArray(values) || list.length !== values.length || list.length === 0 || list.some((v) => v === '')) {
      issues.push({ path: `${path}.values`, message: `${where}: give ${label(field)} one or more values, none of them blank` });
      return undefined;
    }
    return { field, op: op as Op, values: list };
  }
  if (kind === 'number') {
    const number = raw['number'];
    if (typeof number !== 'number' || !Number.isFinite(number)) {
      issues.push({ path: `${path}.number`, message: `${where}: ${label(field)} is compared with a number; enter one (e.g. 50000)` });
      return undefined;
    }
    return { field, op: op as Op, number };
  }
  const flag = raw['flag'];
  if (typeof flag !== 'boolean') {
    issues.push({ path: `${path}.flag`, message: `${where}: say whether ${label(field)} must be yes or no` });
    return undefined;
  }
  return { field, op: op as Op, flag };
}

function parseConditions(engine: RuleEngine, raw: unknown, path: string, where: string, issues: RuleSetIssue[]): Condition[] {
  if (!Array.isArray(raw)) {
    issues.push({ path, message: `${where}: the conditions must be a list (empty for "always")` });
    return [];
  }
  return raw.flatMap((c, i) => parseCondition(engine, c, `${path}[${i}]`, `${where}, condition ${i + 1}`, issues) ?? []);
}

function parseOutcome(engine: RuleEngine, raw: unknown, path: string, where: string, issues: RuleSetIssue[]): Rule['outcome'] | undefined {
  const key = OUTCOME_OF[engine];
  const value = isRecord(raw) ? raw[key] : undefined;
  if (key === 'qualified') {
    if (typeof value === 'boolean') return { qualified: value };
    issues.push({ path: `${path}.qualified`, message: `${where}: say whether a matching lead is qualified (yes or no)` });
    return undefined;
  }
  if (typeof value === 'string' && value.trim() !== '') return { [key]: value.trim() };
  issues.push({
    path: `${path}.${key}`,
    message: `${where}: name the ${key === 'rating' ? 'rating (e.g. A)' : 'channel (e.g. Direct)'} a matching lead gets`,
  });
  return undefined;
}

/** Dead rules: one whose conditions (with the guards) contradict, or one an earlier rule always matches first. */
function deadRules(guards: readonly Condition[], rules: readonly Rule[]): RuleSetIssue[] {
  const issues: RuleSetIssue[] = [];
  rules.forEach((rule, j) => {
    const domain = domainOf([...guards, ...rule.conditions]);
    if (isEmptyDomain(domain)) {
      issues.push({
        path: `rules[${j}]`,
        message: `${ruleLabel(j, rule)} can never match: its conditions contradict each other or the guards; fix them or remove the rule`,
      });
      return;
    }
    const earlier = rules.slice(0, j).findIndex((before) => before.conditions.every((c) => implies(domain, c)));
    if (earlier >= 0) {
      issues.push({
        path: `rules[${j}]`,
        message: `${ruleLabel(j, rule)} is never reached: ${ruleLabel(earlier, rules[earlier]).toLowerCase()} matches every lead it matches and rules are tried in order; move it above, narrow the earlier rule or remove it`,
      });
    }
  });
  return issues;
}

/** Parses and checks a draft from untrusted input (an API body); every problem is reported, not only the first. */
export function validateRuleSetDraft(input: unknown): RuleSetCheck {
  const issues: RuleSetIssue[] = [];
  if (!isRecord(input)) return { ok: false, issues: [{ path: '', message: 'Send the rule set as a JSON object' }] };
  const engine = input['engine'];
  if (typeof engine !== 'string' || !(RULE_ENGINES as readonly string[]).includes(engine)) {
    return { ok: false, issues: [{ path: 'engine', message: `engine must be one of ${RULE_ENGINES.join(', ')}` }] };
  }
  const eng = engine as RuleEngine;
  const name = typeof input['name'] === 'string' ? input['name'].trim() : '';
  if (name === '') issues.push({ path: 'name', message: 'Give the rule set a name' });
  const precedence = input['precedence'];
  if (typeof precedence !== 'number' || !Number.isSafeInteger(precedence)) {
    issues.push({ path: 'precedence', message: 'precedence must be a whole number (lower runs first)' });
  }
  const guards = parseConditions(eng, input['guards'], 'guards', 'Guards', issues);
  const rawRules = input['rules'];
  const rules: Rule[] = [];
  if (!Array.isArray(rawRules) || rawRules.length === 0) {
    issues.push({ path: 'rules', message: 'A rule set needs at least one rule' });
  } else {
    const names = new Set<string>();
    rawRules.forEach((raw, i) => {
      const where = ruleLabel(i, raw);
      const ruleName = isRecord(raw) && typeof raw['name'] === 'string' ? raw['name'].trim() : '';
      if (ruleName === '') issues.push({ path: `rules[${i}].name`, message: `${where}: give the rule a name` });
      else if (names.has(ruleName.toLowerCase()))
        issues.push({
          path: `rules[${i}].name`,
          message: `${where}: another rule has this name; names tell rules apart in the explanation`,
        });
      names.add(ruleName.toLowerCase());
      const conditions = parseConditions(eng, isRecord(raw) ? raw['conditions'] : undefined, `rules[${i}].conditions`, where, issues);
      const outcome = parseOutcome(eng, isRecord(raw) ? raw['outcome'] : undefined, `rules[${i}].outcome`, where, issues);
      if (outcome) rules.push({ name: ruleName, conditions, outcome });
    });
  }
  // Dead rules are judged on a well-formed set only: a malformed condition would change what matches.
  if (issues.length === 0) issues.push(...deadRules(guards, rules));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, draft: { engine: eng, name, precedence: precedence as number, guards, rules } };
}
