/**
 * The lead processing engine (Oracle Leads Management model, seed 001): qualification, then
 * rating (qualified leads only), then channel selection. Rule sets are reference data synced
 * from the central system, so a malformed set or condition must never crash the app: it just
 * never matches.
 */
import type { RuleSetDoc } from '../schemas';
import type { RuleEngine, RuleSetVersionRef } from '../schemas/ruleSet.schema';

export interface LeadAttributes {
  country: string;
  productCategory: string;
  purchaseTimeframe: string;
  purchaseAmount: number;
  budgetStatus: string;
}

export interface LeadProcessingResult {
  qualified: boolean;
  rating?: string;
  channel?: string;
  trace: string[];
  /** Every rule set the engine was given, by id and version: what the lead records it was processed with. */
  ruleSetVersions?: RuleSetVersionRef[];
}

/** What a condition may look at: the lead's attributes plus the results so far. */
export type LeadFacts = LeadAttributes & { qualified?: boolean; rating?: string };
type FactValue = string | number | boolean | undefined;

const CONDITION_FIELDS: ReadonlySet<string> = new Set([
  'country',
  'productCategory',
  'purchaseTimeframe',
  'purchaseAmount',
  'budgetStatus',
  'qualified',
  'rating',
]);

const ENGINE_LABEL: Record<RuleEngine, string> = {
  qualification: 'Qualification',
  rating: 'Rating',
  channel: 'Channel selection',
};

function normalize(text: string): string {
  return text.trim().toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) return undefined;
  return value;
}

function factOf(facts: LeadFacts, field: string): FactValue {
  switch (field) {
    case 'country':
      return facts.country;
    case 'productCategory':
      return facts.productCategory;
    case 'purchaseTimeframe':
      return facts.purchaseTimeframe;
    case 'purchaseAmount':
      return facts.purchaseAmount;
    case 'budgetStatus':
      return facts.budgetStatus;
    case 'qualified':
      return facts.qualified;
    case 'rating':
      return facts.rating;
    default:
      return undefined;
  }
}

/** Typed as unknown on purpose: the synced data is not trusted to match the schema. */
export function conditionMatches(condition: unknown, facts: LeadFacts): boolean {
  if (!isRecord(condition)) return false;
  const { field, op } = condition;
  if (typeof field !== 'string' || !CONDITION_FIELDS.has(field)) return false;
  const value = factOf(facts, field);
  switch (op) {
    case 'in':
    case 'notIn': {
      const values = stringList(condition['values']);
      if (values === undefined) return false;
      // An absent value (no rating yet) is in no list, hence "not in" any list.
      const found = value !== undefined && values.some((v) => normalize(v) === normalize(String(value)));
      return op === 'in' ? found : !found;
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const limit = condition['number'];
      if (typeof limit !== 'number' || !Number.isFinite(limit)) return false;
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (op === 'gt') return value > limit;
      if (op === 'gte') return value >= limit;
      if (op === 'lt') return value < limit;
      return value <= limit;
    }
    case 'is': {
      const flag = condition['flag'];
      return typeof flag === 'boolean' && typeof value === 'boolean' && value === flag;
    }
    default:
      return false;
  }
}

function allMatch(conditions: unknown, facts: LeadFacts): boolean {
  return Array.isArray(conditions) && conditions.every((c) => conditionMatches(c, facts));
}

function nameOf(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

/** Precedence first; id breaks ties so the input order of the array never matters. */
function byPrecedence(a: RuleSetDoc, b: RuleSetDoc): number {
  const pa = Number.isFinite(a.precedence) ? a.precedence : Number.MAX_SAFE_INTEGER;
  const pb = Number.isFinite(b.precedence) ? b.precedence : Number.MAX_SAFE_INTEGER;
  if (pa !== pb) return pa - pb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface EngineDecision {
  outcome?: Record<string, unknown>;
  /** Words for the trace, before the arrow. */
  source: string;
}

/** The rule sets of one engine in the order they are tried (the explanation walks the same order). */
export function ruleSetsOf(engine: RuleEngine, ruleSets: readonly RuleSetDoc[]): RuleSetDoc[] {
  return ruleSets.filter((s) => isRecord(s) && s.engine === engine).sort(byPrecedence);
}

function runEngine(engine: RuleEngine, ruleSets: readonly RuleSetDoc[], facts: LeadFacts): EngineDecision {
  const candidates = ruleSetsOf(engine, ruleSets);
  const applicable = candidates.find((s) => allMatch(s.guards, facts));
  if (applicable === undefined) return { source: 'no rule set applied' };
  const setName = `'${nameOf(applicable.name, applicable.id)}'`;
  const rules: unknown[] = Array.isArray(applicable.rules) ? applicable.rules : [];
  for (const [index, rule] of rules.entries()) {
    if (!isRecord(rule) || !allMatch(rule['conditions'], facts)) continue;
    const outcome = isRecord(rule['outcome']) ? rule['outcome'] : {};
    return { outcome, source: `${setName} rule '${nameOf(rule['name'], `#${index + 1}`)}'` };
  }
  return { source: `${setName} applied but no rule matched` };
}

/** The versions of the sets given (whichever applied), sorted by id; a set without a valid version is left out. */
export function ruleSetVersionsOf(ruleSets: readonly RuleSetDoc[]): RuleSetVersionRef[] {
  return ruleSets
    .filter((s) => isRecord(s) && typeof s.id === 'string' && Number.isSafeInteger(s.version) && s.version >= 1)
    .map((s) => ({ id: s.id, version: s.version }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Runs qualification -> rating -> channel selection. Within each engine only the first
 * applicable rule set (by precedence) decides, and within it the first matching rule.
 */
export function processLead(lead: LeadAttributes, ruleSets: readonly RuleSetDoc[]): LeadProcessingResult {
  const attributes: LeadAttributes = {
    country: lead.country,
    productCategory: lead.productCategory,
    purchaseTimeframe: lead.purchaseTimeframe,
    purchaseAmount: lead.purchaseAmount,
    budgetStatus: lead.budgetStatus,
  };
  const trace: string[] = [];

  const q = runEngine('qualification', ruleSets, attributes);
  const qualified = q.outcome?.['qualified'] === true;
  trace.push(`${ENGINE_LABEL.qualification}: ${q.source} -> ${qualified ? 'qualified' : 'not qualified'}`);

  let rating: string | undefined;
  if (qualified) {
    const r = runEngine('rating', ruleSets, { ...attributes, qualified });
    rating = text(r.outcome?.['rating']);
    trace.push(`${ENGINE_LABEL.rating}: ${r.source} -> ${rating ?? 'no rating'}`);
  } else {
    trace.push(`${ENGINE_LABEL.rating}: skipped, the lead is not qualified (graded NULL)`);
  }

  const c = runEngine('channel', ruleSets, { ...attributes, qualified, ...(rating === undefined ? {} : { rating }) });
  const channel = text(c.outcome?.['channel']);
  trace.push(`${ENGINE_LABEL.channel}: ${c.source} -> ${channel ?? 'no channel'}`);

  return {
    qualified,
    ...(rating === undefined ? {} : { rating }),
    ...(channel === undefined ? {} : { channel }),
    trace,
  };
}

/**
 * processLead plus the versions of the rule sets it was given: what the app and the central
 * system record on a lead, so the central system can re-run exactly these later (drift).
 */
export function processLeadWithVersions(lead: LeadAttributes, ruleSets: readonly RuleSetDoc[]): LeadProcessingResult {
  return { ...processLead(lead, ruleSets), ruleSetVersions: ruleSetVersionsOf(ruleSets) };
}
