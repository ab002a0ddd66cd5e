/**
 * Why the lead processing engine decided what it did, in words a rep understands: for each engine
 * which rule set's guards held or failed, which rule matched with its conditions, and what would
 * change the outcome. It walks the rule sets in the engine's own order and checks each condition
 * with the engine's own `conditionMatches`, so its result is the engine's (explain.property.test.ts).
 */
import type { RuleSetDoc } from '../schemas';
import type { RuleEngine } from '../schemas/ruleSet.schema';
import { processLead, ruleSetsOf, type LeadAttributes, type LeadFacts } from './engine';
import { checkCondition, joinWords, type ConditionCheck } from './conditionText';
import { changesThatWork, outcomePhrase, ruleLabel, ruleOutcome, type OutcomeChange } from './explainChanges';

export interface RuleCheck {
  /** 1-based, as the rule set lists it. */
  number: number;
  name: string;
  conditions: ConditionCheck[];
  matched: boolean;
}

export interface SetCheck {
  id: string;
  name: string;
  guards: ConditionCheck[];
  applies: boolean;
}

export interface EngineExplanation {
  engine: RuleEngine;
  /** False when the engine did not run (rating: the lead is not qualified). */
  ran: boolean;
  /** qualified: 'qualified' | 'not qualified'; rating: the rating; channel: the channel. Undefined = none. */
  outcome?: string;
  /** One sentence: "Rated B: Purchase timeframe is 1-3 months and Budget status is Approved (rule 2 of Vision Hardware rating)". */
  summary: string;
  /** Every rule set of the engine tried, in order, up to the one that applied. */
  sets: SetCheck[];
  /** The rules of the applied set tried, in order, up to the one that matched. */
  rules: RuleCheck[];
  /** Changes to the lead that would give another outcome, each checked by running the engine. */
  changes: OutcomeChange[];
}

export interface LeadExplanation {
  /** The engine's result, as processLead gives it. */
  result: { qualified: boolean; rating?: string; channel?: string };
  qualification: EngineExplanation;
  rating: EngineExplanation;
  channel: EngineExplanation;
  /** For a qualified lead the engine could not route: that it has none, why, and who to ask. */
  noChannel?: string;
}

const NOUN: Record<RuleEngine, string> = { qualification: 'qualification', rating: 'rating', channel: 'channel selection' };

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setName(set: RuleSetDoc): string {
  return textOf(set.name) ?? set.id;
}

function failures(checks: readonly ConditionCheck[]): string {
  return joinWords(
    checks.filter((c) => !c.held).map((c) => c.failure),
    'and',
  );
}

function facts(engine: RuleEngine, lead: LeadAttributes, qualified: boolean, rating: string | undefined): LeadFacts {
  if (engine === 'qualification') return { ...lead };
  if (engine === 'rating') return { ...lead, qualified };
  return { ...lead, qualified, ...(rating === undefined ? {} : { rating }) };
}

/** One engine, walked as the engine walks it. */
function explainEngine(engine: RuleEngine, all: readonly RuleSetDoc[], f: LeadFacts): Omit<EngineExplanation, 'changes'> {
  const candidates = ruleSetsOf(engine, all);
  const sets: SetCheck[] = [];
  for (const set of candidates) {
    const guards = (Array.isArray(set.guards) ? set.guards : [{}]).map((g) => checkCondition(g, f));
    const applies = Array.isArray(set.guards) && guards.every((g) => g.held);
    sets.push({ id: set.id, name: setName(set), guards, applies });
    if (!applies) continue;
    const rules: RuleCheck[] = [];
    const list: unknown[] = Array.isArray(set.rules) ? set.rules : [];
    for (const [index, rule] of list.entries()) {
      const r = isRecord(rule) ? rule : {};
      const conditions = (Array.isArray(r['conditions']) ? (r['conditions'] as unknown[]) : [{}]).map((c) => checkCondition(c, f));
      const matched = isRecord(rule) && Array.isArray(r['conditions']) && conditions.every((c) => c.held);
      const check: RuleCheck = { number: index + 1, name: textOf(r['name']) ?? '', conditions, matched };
      rules.push(check);
      if (!matched) continue;
      const outcome = ruleOutcome(engine, r['outcome']);
      const why =
        conditions.length > 0
          ? joinWords(
              conditions.map((c) => c.text),
              'and',
            )
          : 'the rule has no conditions';
      const summary = `${outcomePhrase(engine, outcome)}: ${capitalised(why)} (${ruleLabel(check.number, check.name, setName(set))})`;
      return { engine, ran: true, ...(outcome === undefined ? {} : { outcome }), summary, sets, rules };
    }
    const tried = rules.map((r) => `rule ${r.number}: ${r.conditions.length === 0 ? 'unreadable' : failures(r.conditions)}`);
    const why = rules.length === 0 ? `${setName(set)} has no rules` : `no rule of ${setName(set)} matched: ${tried.join('; ')}`;
    const outcome = ruleOutcome(engine, undefined);
    return {
      engine,
      ran: true,
      ...(outcome === undefined ? {} : { outcome }),
      summary: `${outcomePhrase(engine, outcome)}: ${why}`,
      sets,
      rules,
    };
  }
  const outcome = ruleOutcome(engine, undefined);
  const head = outcomePhrase(engine, outcome);
  if (sets.length === 0)
    return {
      engine,
      ran: true,
      ...(outcome === undefined ? {} : { outcome }),
      summary: `${head}: there are no ${NOUN[engine]} rules on this laptop`,
      sets,
      rules: [],
    };
  const why = sets.map(
    (s) =>
      `${s.name} covers only leads where ${joinWords(
        s.guards.map((g) => g.text),
        'and',
      )}, but ${failures(s.guards)}`,
  );
  return {
    engine,
    ran: true,
    ...(outcome === undefined ? {} : { outcome }),
    summary: `${head}: no ${NOUN[engine]} rules cover this lead: ${why.join('; ')}`,
    sets,
    rules: [],
  };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ExplainOptions {
  /** Who routes a lead the channel rules miss, e.g. "your manager, Morgan Lee". */
  whoToAsk?: string;
}

export function explainLead(lead: LeadAttributes, ruleSets: readonly RuleSetDoc[], options: ExplainOptions = {}): LeadExplanation {
  const attributes: LeadAttributes = {
    country: lead.country,
    productCategory: lead.productCategory,
    purchaseTimeframe: lead.purchaseTimeframe,
    purchaseAmount: lead.purchaseAmount,
    budgetStatus: lead.budgetStatus,
  };
  const q = explainEngine('qualification', ruleSets, facts('qualification', attributes, false, undefined));
  const qualified = q.outcome === 'qualified';
  const r = qualified
    ? explainEngine('rating', ruleSets, facts('rating', attributes, true, undefined))
    : { engine: 'rating' as const, ran: false, summary: 'Not rated: only qualified leads are rated', sets: [], rules: [] };
  const rating = r.outcome;
  const c = explainEngine('channel', ruleSets, facts('channel', attributes, qualified, rating));
  const current = processLead(attributes, ruleSets);
  const withChanges = (e: Omit<EngineExplanation, 'changes'>): EngineExplanation => ({
    ...e,
    changes: e.ran ? changesThatWork(e.engine, attributes, ruleSets, current) : [],
  });
  const who = options.whoToAsk ?? 'your sales manager or the administrator of the lead rules';
  return {
    result: { qualified, ...(rating === undefined ? {} : { rating }), ...(c.outcome === undefined ? {} : { channel: c.outcome }) },
    qualification: withChanges(q),
    rating: withChanges(r),
    channel: withChanges(c),
    ...(qualified && c.outcome === undefined
      ? {
          noChannel: `This lead is qualified but has no sales channel (${c.summary.replace(/^No sales channel: /, '')}). Ask ${who} to route it.`,
        }
      : {}),
  };
}
