/**
 * The leads a list of conditions admits, field by field, to tell dead rules (ruleSetValidation.ts):
 * text as the values allowed minus those excluded, numbers as an interval, flags as a set. Values
 * compare as the engine compares them (trimmed, case-insensitive); an absent value is in no list.
 */
import type { RuleSetDoc } from '../schemas/ruleSet.schema';

export type Condition = RuleSetDoc['guards'][number];

interface TextDomain {
  kind: 'text';
  /** undefined: any value (or none). */
  allowed?: Set<string>;
  excluded: Set<string>;
}
interface NumberDomain {
  kind: 'number';
  lo: number;
  loIncl: boolean;
  hi: number;
  hiIncl: boolean;
}
interface FlagDomain {
  kind: 'flag';
  flags: Set<boolean>;
}
type FieldDomain = TextDomain | NumberDomain | FlagDomain;
export type Domain = ReadonlyMap<string, FieldDomain>;

function norm(values: readonly string[] | undefined): Set<string> {
  return new Set((values ?? []).map((v) => v.trim().toLowerCase()));
}

function intervalOf(c: Condition): NumberDomain {
  const n = c.number ?? Number.NaN;
  switch (c.op) {
    case 'gt':
      return { kind: 'number', lo: n, loIncl: false, hi: Infinity, hiIncl: false };
    case 'gte':
      return { kind: 'number', lo: n, loIncl: true, hi: Infinity, hiIncl: false };
    case 'lt':
      return { kind: 'number', lo: -Infinity, loIncl: false, hi: n, hiIncl: false };
    default:
      return { kind: 'number', lo: -Infinity, loIncl: false, hi: n, hiIncl: true };
  }
}

function remaining(d: TextDomain): Set<string> | undefined {
  return d.allowed && new Set([...d.allowed].filter((v) => !d.excluded.has(v)));
}

function restrict(d: FieldDomain | undefined, c: Condition): FieldDomain | undefined {
  if (c.op === 'in' || c.op === 'notIn') {
    const text: TextDomain = d?.kind === 'text' ? d : { kind: 'text', excluded: new Set() };
    const values = norm(c.values);
    if (c.op === 'notIn') return { ...text, excluded: new Set([...text.excluded, ...values]) };
    return { ...text, allowed: text.allowed ? new Set([...text.allowed].filter((v) => values.has(v))) : values };
  }
  if (c.op === 'is') {
    const flags = d?.kind === 'flag' ? d.flags : new Set([true, false]);
    return { kind: 'flag', flags: new Set([...flags].filter((f) => f === c.flag)) };
  }
  const i = intervalOf(c);
  if (d?.kind !== 'number') return i;
  const lo = i.lo > d.lo || (i.lo === d.lo && !i.loIncl) ? i : d;
  const hi = i.hi < d.hi || (i.hi === d.hi && !i.hiIncl) ? i : d;
  return { kind: 'number', lo: lo.lo, loIncl: lo.loIncl, hi: hi.hi, hiIncl: hi.hiIncl };
}

/** The field domains every condition together allows (conditions of mixed kinds on one field: the last kind). */
export function domainOf(conditions: readonly Condition[]): Domain {
  const domain = new Map<string, FieldDomain>();
  for (const c of conditions) {
    const next = restrict(domain.get(c.field), c);
    if (next) domain.set(c.field, next);
  }
  return domain;
}

function emptyField(d: FieldDomain): boolean {
  if (d.kind === 'text') return remaining(d)?.size === 0;
  if (d.kind === 'flag') return d.flags.size === 0;
  return d.lo > d.hi || (d.lo === d.hi && !(d.loIncl && d.hiIncl));
}

/** No lead can satisfy all the conditions. */
export function isEmptyDomain(domain: Domain): boolean {
  return [...domain.values()].some(emptyField);
}

/** Every lead in the domain satisfies `c` (false when unsure: only a certain claim counts). */
export function implies(domain: Domain, c: Condition): boolean {
  const d = domain.get(c.field);
  if (!d) return false;
  if (d.kind === 'text' && (c.op === 'in' || c.op === 'notIn')) {
    const values = norm(c.values);
    const left = remaining(d);
    if (c.op === 'in') return left !== undefined && [...left].every((v) => values.has(v));
    return (left !== undefined && [...left].every((v) => !values.has(v))) || [...values].every((v) => d.excluded.has(v));
  }
  if (d.kind === 'flag' && c.op === 'is') return [...d.flags].every((f) => f === c.flag);
  if (d.kind === 'number' && (c.op === 'gt' || c.op === 'gte' || c.op === 'lt' || c.op === 'lte')) {
    const i = intervalOf(c);
    const loInside = d.lo > i.lo || (d.lo === i.lo && (!d.loIncl || i.loIncl));
    const hiInside = d.hi < i.hi || (d.hi === i.hi && (!d.hiIncl || i.hiIncl));
    return loInside && hiInside;
  }
  return false;
}
