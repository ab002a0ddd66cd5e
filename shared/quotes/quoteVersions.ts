/**
 * Quote versions. The quotes of one opportunity are the versions of its quote (TMF648 `version`):
 * "Revise" copies the latest as version n+1 with its lines, two versions are compared line by
 * line, and only the latest may be accepted, which the quote machine decides (its `laterVersion`
 * context, quote.machine.ts) from the facts this module derives, here and on the central system.
 */
import type { QuoteVersionFacts } from '../machines/quote.machine';
import type { Actor } from '../machines/send';
import type { QuoteDoc } from '../schemas';
import type { LineItem } from '../schemas/lineItem';

type Versioned = Pick<QuoteDoc, 'id' | 'version' | 'opportunityId'>;

export type { QuoteVersionFacts };

/** `b` comes after `a`: a higher version, or the same number made on another laptop with a later id. */
function isAfter(a: Versioned, b: Versioned): boolean {
  return b.version > a.version || (b.version === a.version && b.id > a.id);
}

/** The versions of the quote's opportunity, oldest first. */
export function versionsOf<Q extends Versioned>(quotes: readonly Q[], opportunityId: string): Q[] {
  return quotes
    .filter((q) => q.opportunityId === opportunityId)
    .sort((a, b) => a.version - b.version || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function latestVersion<Q extends Versioned>(versions: readonly Q[]): Q | undefined {
  return versions.reduce<Q | undefined>((latest, q) => (latest === undefined || isAfter(latest, q) ? q : latest), undefined);
}

/** The facts for `quote` among `others` (any quotes; those of other opportunities are ignored). */
export function versionFacts(quote: Versioned, others: readonly Versioned[]): QuoteVersionFacts {
  const later = others.filter((q) => q.id !== quote.id && q.opportunityId === quote.opportunityId && isAfter(quote, q));
  if (later.length === 0) return {};
  return { laterVersion: Math.max(...later.map((q) => q.version)) };
}

export type ReviseCheck = { ok: true } | { ok: false; reason: string };

/** Whether this actor may revise the quote now: its owner, on the latest version, while no version is accepted (and the acceptance stored). */
export function canRevise(quote: QuoteDoc, versions: readonly QuoteDoc[], actor: Actor): ReviseCheck {
  if (actor.kind !== 'user' || actor.id !== quote.owner) return { ok: false, reason: 'Only the rep who owns this quote can revise it' };
  const { laterVersion } = versionFacts(quote, versions);
  if (laterVersion !== undefined)
    return { ok: false, reason: `Version ${quote.version} is not the latest; revise version ${laterVersion}` };
  // An acceptance the central system refused (syncError) never held: that quote can still be revised.
  const accepted = versions.find((q) => q.opportunityId === quote.opportunityId && q.status === 'accepted' && !q.syncError);
  if (accepted) return { ok: false, reason: `Version ${accepted.version} was accepted by the customer; it is not revised any more` };
  return { ok: true };
}

/**
 * Version n+1: the quote's lines (same line ids, so a comparison pairs them) and totals, priced
 * with the same catalog, in progress again. Throws with the reason when `canRevise` says no.
 */
export function reviseQuote(quote: QuoteDoc, versions: readonly QuoteDoc[], input: { id: string; now: string; actor: Actor }): QuoteDoc {
  const check = canRevise(quote, versions, input.actor);
  if (!check.ok) throw new Error(check.reason);
  const highest = versionsOf(versions, quote.opportunityId).reduce((max, q) => Math.max(max, q.version), quote.version);
  return {
    id: input.id,
    owner: quote.owner,
    createdAt: input.now,
    updatedAt: input.now,
    syncPending: true,
    opportunityId: quote.opportunityId,
    accountId: quote.accountId,
    version: highest + 1,
    status: 'inProgress',
    items: quote.items.map((item) => ({ ...item, characteristics: item.characteristics.map((c) => ({ ...c })) })),
    totals: { ...quote.totals },
    catalogVersion: quote.catalogVersion,
  };
}

export type LineChange = 'added' | 'removed' | 'changed' | 'same';

export interface ComparedLine {
  change: LineChange;
  before?: LineItem;
  after?: LineItem;
  /** What differs, in words: "quantity 1 → 2", "Bandwidth 500 Mbps → 1 Gbps". */
  differences: string[];
}

export interface VersionComparison {
  lines: ComparedLine[];
  oneTimeDelta: number;
  recurringDelta: number;
}

function characteristicDifferences(before: LineItem, after: LineItem): string[] {
  const names = [...new Set([...before.characteristics, ...after.characteristics].map((c) => c.name))];
  const value = (line: LineItem, name: string) => line.characteristics.find((c) => c.name === name)?.value ?? '—';
  return names
    .filter((name) => value(before, name) !== value(after, name))
    .map((name) => `${name} ${value(before, name)} → ${value(after, name)}`);
}

/** What differs between two lines; amounts are left to the caller, which formats money. */
export function lineDifferences(before: LineItem, after: LineItem, money: (cents: number) => string): string[] {
  const differences: string[] = [];
  if (before.offeringId !== after.offeringId) differences.push(`offering ${before.offeringName} → ${after.offeringName}`);
  if (before.quantity !== after.quantity) differences.push(`quantity ${before.quantity} → ${after.quantity}`);
  differences.push(...characteristicDifferences(before, after));
  if (before.oneTime !== after.oneTime) differences.push(`one-time ${money(before.oneTime)} → ${money(after.oneTime)}`);
  if (before.recurring !== after.recurring) differences.push(`monthly ${money(before.recurring)} → ${money(after.recurring)}`);
  return differences;
}

/**
 * Two versions line by line, in the order of `after`, each removed line after the line it followed
 * in `before`. Lines pair by id (a revision keeps its lines' ids), then the rest by offering.
 */
export function compareVersions(before: QuoteDoc, after: QuoteDoc, money: (cents: number) => string): VersionComparison {
  const unmatched = [...before.items];
  const take = (found: (line: LineItem) => boolean): LineItem | undefined => {
    const index = unmatched.findIndex(found);
    return index === -1 ? undefined : unmatched.splice(index, 1)[0];
  };
  const pairs = after.items.map((line) => ({ line, old: take((old) => old.id === line.id) }));
  const paired = pairs.map((pair) => ({ ...pair, old: pair.old ?? take((old) => old.offeringId === pair.line.offeringId) }));
  const lines: ComparedLine[] = paired.map(({ line, old }) => {
    if (!old) return { change: 'added', after: line, differences: [] };
    const differences = lineDifferences(old, line, money);
    return { change: differences.length === 0 ? 'same' : 'changed', before: old, after: line, differences };
  });
  // Removed lines go back where they stood: right after the kept line that preceded them in `before`.
  for (const removed of unmatched) {
    const position = before.items.indexOf(removed);
    const previous = before.items
      .slice(0, position)
      .reverse()
      .find((old) => lines.some((l) => l.before === old));
    const at = previous ? lines.findIndex((l) => l.before === previous) + 1 : 0;
    lines.splice(at, 0, { change: 'removed', before: removed, differences: [] });
  }
  return {
    lines,
    oneTimeDelta: after.totals.oneTime - before.totals.oneTime,
    recurringDelta: after.totals.recurring - before.totals.recurring,
  };
}
