/**
 * What would change an engine's outcome: for each rule with another outcome, the lead values
 * that would make it (and its rule set's guards) hold. A change is offered only after running the
 * engine on the changed lead and getting that outcome, so no hint is ever wrong; conditions on
 * other engines' results (qualified, rating) are not the rep's to type and give no hint.
 */
import type { RuleSetDoc } from '../schemas';
import type { RuleEngine } from '../schemas/ruleSet.schema';
import { conditionMatches, processLead, ruleSetsOf, type LeadAttributes, type LeadProcessingResult } from './engine';
import { checkCondition, joinWords } from './conditionText';
import { LEAD_OPTIONS } from './lead.form';

export interface OutcomeChange {
  /** "Rated A if Purchase timeframe is Within 1 month (rule 1 of Vision Hardware rating)". */
  text: string;
  /** The engine's outcome with the change (as EngineExplanation.outcome). */
  outcome?: string;
  /** Lead values that give it; running the engine on the lead with them gives `outcome`. */
  values: Partial<LeadAttributes>;
}

const MAX_CHANGES = 3;

const OPTIONS: Partial<Record<keyof LeadAttributes, readonly string[]>> = {
  country: LEAD_OPTIONS.countries.map((c) => c.code),
  productCategory: LEAD_OPTIONS.productCategories,
  purchaseTimeframe: LEAD_OPTIONS.purchaseTimeframes,
  budgetStatus: LEAD_OPTIONS.budgetStatuses,
};

const TEXT_FIELDS = new Set(['country', 'productCategory', 'purchaseTimeframe', 'budgetStatus']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A value of the lead's own fields that makes the condition hold, or undefined when none is known. */
function satisfying(condition: unknown): Partial<LeadAttributes> | undefined {
  if (!isRecord(condition) || typeof condition['field'] !== 'string') return undefined;
  const field = condition['field'];
  const { op } = condition;
  const values = Array.isArray(condition['values']) ? condition['values'].filter((v): v is string => typeof v === 'string') : [];
  if (TEXT_FIELDS.has(field)) {
    const key = field as 'country' | 'productCategory' | 'purchaseTimeframe' | 'budgetStatus';
    if (op === 'in' && values[0] !== undefined) return { [key]: values[0] };
    if (op === 'notIn') {
      const other = (OPTIONS[key] ?? []).find((option) => !values.some((v) => same(v, option)));
      return other === undefined ? undefined : { [key]: other };
    }
    return undefined;
  }
  const n = condition['number'];
  if (field !== 'purchaseAmount' || typeof n !== 'number' || !Number.isFinite(n)) return undefined;
  const amount =
    op === 'gt' ? Math.floor(n) + 1 : op === 'gte' ? Math.ceil(n) : op === 'lt' ? Math.ceil(n) - 1 : op === 'lte' ? Math.floor(n) : NaN;
  return Number.isFinite(amount) && amount >= 0 ? { purchaseAmount: amount } : undefined;
}

function outcomeIn(engine: RuleEngine, result: LeadProcessingResult): string | undefined {
  if (engine === 'qualification') return result.qualified ? 'qualified' : 'not qualified';
  return engine === 'rating' ? result.rating : result.channel;
}

/** A rule's outcome for one engine: qualification 'qualified' | 'not qualified', else the rating or channel (undefined: none). */
export function ruleOutcome(engine: RuleEngine, outcome: unknown): string | undefined {
  const o = isRecord(outcome) ? outcome : {};
  if (engine === 'qualification') return o['qualified'] === true ? 'qualified' : 'not qualified';
  const value = engine === 'rating' ? o['rating'] : o['channel'];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** "Qualified", "Not qualified", "Rated B", "Not rated", "Routed to Direct", "No sales channel". */
export function outcomePhrase(engine: RuleEngine, outcome: string | undefined): string {
  if (engine === 'qualification') return outcome === 'qualified' ? 'Qualified' : 'Not qualified';
  if (engine === 'rating') return outcome === undefined ? 'Not rated' : `Rated ${outcome}`;
  return outcome === undefined ? 'No sales channel' : `Routed to ${outcome}`;
}

/** "rule 2 of Vision Hardware rating", naming the rule too when its name is more than its number. */
export function ruleLabel(number: number, name: unknown, set: string): string {
  const text = typeof name === 'string' ? name.trim() : '';
  return /^rule\s*#?\s*\d+$/i.test(text) || text === '' ? `rule ${number} of ${set}` : `rule ${number} (${text}) of ${set}`;
}

/** The lead with the values that make every failing condition hold, or undefined when that is not in the rep's hands. */
function makeHold(lead: LeadAttributes, conditions: readonly unknown[], facts: (l: LeadAttributes) => Record<string, unknown>) {
  let changed: Partial<LeadAttributes> = {};
  const needed: unknown[] = [];
  for (const condition of conditions) {
    const changedLead = { ...lead, ...changed };
    if (conditionMatches(condition, facts(changedLead) as never)) continue;
    const value = satisfying(condition);
    if (value === undefined) return undefined;
    changed = { ...changed, ...value };
    needed.push(condition);
  }
  const after = facts({ ...lead, ...changed });
  // A later value for the same field may undo an earlier one: then there is no such lead.
  if (!conditions.every((c) => conditionMatches(c, after as never))) return undefined;
  return { changed, needed };
}

export function changesThatWork(
  engine: RuleEngine,
  lead: LeadAttributes,
  ruleSets: readonly RuleSetDoc[],
  current: LeadProcessingResult,
): OutcomeChange[] {
  const now = outcomeIn(engine, current);
  const found: OutcomeChange[] = [];
  const facts = (l: LeadAttributes): Record<string, unknown> => {
    if (engine === 'qualification') return { ...l };
    const r = processLead(l, ruleSets);
    return engine === 'rating' ? { ...l, qualified: r.qualified } : { ...l, qualified: r.qualified, rating: r.rating };
  };
  for (const set of ruleSetsOf(engine, ruleSets)) {
    const guards: unknown[] = Array.isArray(set.guards) ? set.guards : [];
    const rules: unknown[] = Array.isArray(set.rules) ? set.rules : [];
    const setName = typeof set.name === 'string' && set.name.trim() !== '' ? set.name : set.id;
    for (const [index, rule] of rules.entries()) {
      if (found.length >= MAX_CHANGES) return found;
      if (!isRecord(rule) || !Array.isArray(rule['conditions'])) continue;
      const outcome = ruleOutcome(engine, rule['outcome']);
      if (outcome === now || found.some((f) => f.outcome === outcome)) continue;
      const made = makeHold(lead, [...guards, ...(rule['conditions'] as unknown[])], facts);
      if (made === undefined || made.needed.length === 0) continue;
      const changedLead = { ...lead, ...made.changed };
      if (outcomeIn(engine, processLead(changedLead, ruleSets)) !== outcome) continue;
      const words = joinWords(
        made.needed.map((c) => checkCondition(c, facts(changedLead) as never).text),
        'and',
      );
      found.push({
        text: `${outcomePhrase(engine, outcome)} if ${words} (${ruleLabel(index + 1, rule['name'], setName)})`,
        ...(outcome === undefined ? {} : { outcome }),
        values: made.changed,
      });
    }
  }
  return found;
}
