/**
 * A rule-set condition in the words a rep uses ("Purchase amount is $50,000 or more"), checked
 * against one lead: whether it held and what the lead has instead. Whether it holds is always the
 * engine's own `conditionMatches`, so the words can never disagree with the engine.
 */
import { conditionMatches, type LeadFacts } from './engine';
import { LEAD_OPTIONS } from './lead.form';

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  country: 'Country',
  productCategory: 'Product category',
  purchaseTimeframe: 'Purchase timeframe',
  purchaseAmount: 'Purchase amount',
  budgetStatus: 'Budget status',
  qualified: 'Qualified',
  rating: 'Lead rating',
};

export interface ConditionCheck {
  /** The lead field it looks at, when it names a known one. */
  field?: string;
  held: boolean;
  /** As a fact that holds: "Budget status is Approved". */
  text: string;
  /** As what is wrong with this lead: "Budget status is missing (needs Approved)". */
  failure: string;
  /** The condition's demand alone: "Approved", "$50,000 or more". */
  expectation: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function dollars(amount: number): string {
  return `$${amount.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
}

/** "a", "a or b", "a, b or c". */
export function joinWords(words: readonly string[], last: 'and' | 'or'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1] ?? ''}`;
}

function shown(field: string, value: string): string {
  if (field === 'country') return LEAD_OPTIONS.countries.find((c) => c.code.toLowerCase() === value.trim().toLowerCase())?.name ?? value;
  return value;
}

function actualText(field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return field === 'purchaseAmount' ? dollars(value) : String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = String(value);
  return text.trim() === '' ? undefined : shown(field, text);
}

function factOf(facts: LeadFacts, field: string): unknown {
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, field) ? (facts as unknown as Record<string, unknown>)[field] : undefined;
}

const UNREADABLE: Omit<ConditionCheck, 'held'> = {
  text: 'an unreadable condition (it never holds; ask the administrator of the lead rules to fix it)',
  failure: 'an unreadable condition that never holds (ask the administrator of the lead rules to fix it)',
  expectation: 'a readable condition',
};

function expectationOf(condition: Record<string, unknown>, field: string): string | undefined {
  const { op } = condition;
  const money = (n: number) => (field === 'purchaseAmount' ? dollars(n) : String(n));
  if (op === 'in' || op === 'notIn') {
    const values = condition['values'];
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return undefined;
    const words = joinWords(
      values.map((v) => shown(field, v)),
      'or',
    );
    if (op === 'in') return values.length === 0 ? 'one of no values' : words;
    return values.length === 0 ? 'anything' : `anything but ${words}`;
  }
  if (op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') {
    const n = condition['number'];
    if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
    return { gt: `more than ${money(n)}`, gte: `${money(n)} or more`, lt: `less than ${money(n)}`, lte: `${money(n)} or less` }[op];
  }
  if (op === 'is') {
    const flag = condition['flag'];
    return typeof flag === 'boolean' ? (flag ? 'yes' : 'no') : undefined;
  }
  return undefined;
}

/** The condition checked against the facts, in words. Anything malformed is named as such and never holds. */
export function checkCondition(condition: unknown, facts: LeadFacts): ConditionCheck {
  const held = conditionMatches(condition, facts);
  if (!isRecord(condition) || typeof condition['field'] !== 'string' || !(condition['field'] in FIELD_LABELS))
    return { ...UNREADABLE, held };
  const field = condition['field'];
  const expectation = expectationOf(condition, field);
  if (expectation === undefined) return { ...UNREADABLE, field, held };
  const label = FIELD_LABELS[field] ?? field;
  const actual = actualText(field, factOf(facts, field));
  if (field === 'qualified' && condition['op'] === 'is') {
    const wanted = condition['flag'] === true;
    const text = wanted ? 'the lead is qualified' : 'the lead is not qualified';
    return { field, held, text, failure: wanted ? 'the lead is not qualified' : 'the lead is qualified', expectation };
  }
  const but = 'anything but ';
  const text = expectation.startsWith(but) ? `${label} is not ${expectation.slice(but.length)}` : `${label} is ${expectation}`;
  const failure = `${label} is ${actual ?? 'missing'} (needs ${expectation})`;
  return { field, held, text, failure, expectation };
}
