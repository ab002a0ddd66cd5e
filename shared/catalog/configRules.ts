/**
 * The configurator's rule engine: checks the lines of a quote (or order) against the compatibility
 * rules the catalog carries (offering `relationships`, TMF620 productOfferingRelationship) and the
 * limits of bundle components (`bundledOfferings`, TMF620 bundledProductOfferingOption). The rules
 * are data; this file only knows the three kinds and what each means at one site:
 * - requires: every listed offering must be at the site ("Static IP Block requires a fibre access line");
 * - excludes: no other line at the site may be a listed offering ("one access line per site");
 * - oneOf: exactly one of the listed offerings must be at the site.
 * A bundle at a site brings the components it includes (min 1 or more), so they count as present.
 * Lines without a site form one site together. Same lines in any order give the same violations.
 */
import type { OfferingDoc } from '../schemas';

export type RuleKind = 'requires' | 'excludes' | 'oneOf';
export type OfferingRelationship = NonNullable<OfferingDoc['relationships']>[number];
export type BundleComponent = NonNullable<OfferingDoc['bundledOfferings']>[number];

/** What the engine reads of a line: which offering, at which site. */
export interface RuleLine {
  id: string;
  offeringId: string;
  siteId?: string | undefined;
}

export interface Violation {
  /** The line the violation is shown next to. */
  lineId: string;
  /** The rule broken, in words, e.g. "Static IP Block requires a fibre access line". */
  rule: string;
  /** The rule and what to do about it, e.g. "… at the same site: add Business Fibre Internet". */
  text: string;
}

const siteOf = (line: RuleLine): string => line.siteId ?? '';

function orList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
}

/** The offerings a line puts at its site: its own, and for a bundle the components it includes. */
function providedBy(line: RuleLine, byId: ReadonlyMap<string, OfferingDoc>): string[] {
  const offering = byId.get(line.offeringId);
  const included = (offering?.bundledOfferings ?? []).filter((c) => c.min > 0).map((c) => c.offeringId);
  const legacy = offering?.bundledOfferings ? [] : (offering?.bundledOfferingIds ?? []);
  return [line.offeringId, ...included, ...legacy];
}

function nameOf(id: string, byId: ReadonlyMap<string, OfferingDoc>): string {
  return byId.get(id)?.name ?? id;
}

function checkRelationship(
  line: RuleLine,
  offering: OfferingDoc,
  rule: OfferingRelationship,
  site: readonly RuleLine[],
  byId: ReadonlyMap<string, OfferingDoc>,
): Violation[] {
  const targets = new Set(rule.offerings.map((o) => o.id));
  const names = rule.offerings.map((o) => o.name);
  const name = offering.name;
  const at = (lines: readonly RuleLine[]) => lines.filter((other) => providedBy(other, byId).some((id) => targets.has(id)));
  const others = site.filter((other) => other.id !== line.id);
  switch (rule.kind) {
    case 'requires': {
      const present = new Set(site.flatMap((other) => providedBy(other, byId)));
      const missing = rule.offerings.filter((o) => !present.has(o.id));
      if (missing.length === 0) return [];
      const text = `${name} requires ${rule.role} at the same site: add ${missing.map((o) => o.name).join(' and ')}`;
      return [{ lineId: line.id, rule: `${name} requires ${rule.role}`, text }];
    }
    case 'excludes': {
      const clashing = at(others);
      if (clashing.length === 0) return [];
      const with_ = [...new Set(clashing.map((other) => nameOf(other.offeringId, byId)))].sort();
      const text = `${name} cannot be at the same site as ${with_.join(' and ')} (${rule.role}): remove one of them or move it to another site`;
      return [{ lineId: line.id, rule: `${name} excludes ${orList(names)} (${rule.role})`, text }];
    }
    case 'oneOf': {
      const providing = at(site);
      if (providing.length === 1) return [];
      const rule_ = `${name} needs exactly one of ${orList(names)} (${rule.role})`;
      const text =
        providing.length === 0
          ? `${name} needs ${rule.role} at the same site: add one of ${orList(names)}`
          : `${name} takes only one of ${orList(names)} at the same site (${rule.role}): remove all but one`;
      return [{ lineId: line.id, rule: rule_, text }];
    }
  }
}

/** A bundle's optional components above their upper limit at its site. */
function checkBundleLimits(line: RuleLine, offering: OfferingDoc, site: readonly RuleLine[]): Violation[] {
  return (offering.bundledOfferings ?? []).flatMap((component) => {
    if (component.min > 0) return [];
    const count = site.filter((other) => other.offeringId === component.offeringId).length;
    if (count <= component.max) return [];
    const rule = `${offering.name} takes at most ${component.max} ${component.name}`;
    return [{ lineId: line.id, rule, text: `${rule} at a site; there are ${count}: remove ${count - component.max}` }];
  });
}

/** Every broken rule of the configuration, per line, in line order. */
export function checkConfiguration(lines: readonly RuleLine[], catalog: readonly OfferingDoc[]): Violation[] {
  const byId = new Map(catalog.map((o) => [o.id, o]));
  const sites = new Map<string, RuleLine[]>();
  for (const line of lines) sites.set(siteOf(line), [...(sites.get(siteOf(line)) ?? []), line]);
  return lines.flatMap((line) => {
    const offering = byId.get(line.offeringId);
    if (!offering) return [];
    const site = sites.get(siteOf(line)) ?? [];
    return [
      ...(offering.relationships ?? []).flatMap((rule) => checkRelationship(line, offering, rule, site, byId)),
      ...checkBundleLimits(line, offering, site),
    ];
  });
}

/** Violations grouped by line, for the editor. */
export function violationsByLine(violations: readonly Violation[]): Map<string, Violation[]> {
  const byLine = new Map<string, Violation[]>();
  for (const v of violations) byLine.set(v.lineId, [...(byLine.get(v.lineId) ?? []), v]);
  return byLine;
}

/**
 * The central system's refusal of a configuration that breaks a rule, naming each rule and line
 * ("line 2 (Static IP Block): Static IP Block requires a fibre access line …"); null when none.
 */
export function configurationRefusal(what: string, lines: readonly RuleLine[], catalog: readonly OfferingDoc[]): string | null {
  const violations = checkConfiguration(lines, catalog);
  if (violations.length === 0) return null;
  const lineNo = new Map(lines.map((line, index) => [line.id, index + 1]));
  const byId = new Map(catalog.map((o) => [o.id, o]));
  const described = violations.map((v) => {
    const line = lines.find((l) => l.id === v.lineId);
    return `line ${lineNo.get(v.lineId) ?? '?'} (${nameOf(line?.offeringId ?? '', byId)}): ${v.text}`;
  });
  return `${what} breaks the catalog's configuration rules: ${described.join('; ')}`;
}

/** The optional components of a bundle the rep can add beside it. */
export function optionalComponents(offering: OfferingDoc): BundleComponent[] {
  return (offering.bundledOfferings ?? []).filter((c) => c.min === 0 && c.max > 0);
}

/** The components a bundle includes. */
export function includedComponents(offering: OfferingDoc): BundleComponent[] {
  return (offering.bundledOfferings ?? []).filter((c) => c.min > 0);
}
