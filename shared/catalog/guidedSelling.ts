/**
 * Guided selling: a few answers about the customer's needs (sites, users, bandwidth, budget) give a
 * proposed configuration from the local catalog, which the rep then edits like any lines. It reads
 * offerings by what they are (a Bandwidth choice = an access line, SIP channels = voice, the Cloud
 * category = per-user seats, Networking = a per-site edge) so a catalog change needs no code change,
 * and it keeps to the catalog's rules: one access line per site, so per-site lines carry the number
 * of sites as their quantity. The proposal is checked with the rule engine and priced with the
 * pricing engine before it is offered.
 */
import { priceItems, defaultCharacteristics, type ConfiguredItem } from '../pricing/engine';
import type { OfferingDoc } from '../schemas';
import { checkConfiguration } from './configRules';

export interface Needs {
  /** Customer sites to connect, 1 or more. */
  sites: number;
  /** People working at all sites together, 0 or more. */
  users: number;
  /** Bandwidth each site needs, Mbps. */
  bandwidthMbps: number;
  /** Monthly budget in cents; null = none given. */
  monthlyBudget: number | null;
}

export interface Proposal {
  items: ConfiguredItem[];
  monthly: number;
  /** What the proposal says about itself in words, e.g. why something was left out. */
  notes: string[];
}

const USERS_PER_SIP_CHANNEL = 4;

/** "500 Mbps" -> 500, "1 Gbps" -> 1000; null when the value is no bandwidth. */
export function mbpsOf(value: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(Mbps|Gbps)$/i.exec(value.trim());
  if (!match) return null;
  return Number(match[1]) * (match[2]?.toLowerCase() === 'gbps' ? 1000 : 1);
}

export type NeedsForm = Record<'sites' | 'users' | 'bandwidth' | 'budget', string>;

/** The guided-selling form's texts as needs (budget in whole currency units), or what to fix per field. */
export function needsFromForm(form: NeedsForm): { ok: true; needs: Needs } | { ok: false; errors: Partial<NeedsForm> } {
  const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);
  const errors: Partial<NeedsForm> = {};
  const sites = whole(form.sites);
  const users = whole(form.users);
  const bandwidth = whole(form.bandwidth);
  const budgetText = form.budget.replace(/[$,\s]/g, '');
  const budget = budgetText === '' ? null : /^\d+(\.\d{1,2})?$/.test(budgetText) ? Math.round(Number(budgetText) * 100) : NaN;
  if (!Number.isSafeInteger(sites) || sites < 1 || sites > 500) errors.sites = 'Enter a whole number of sites from 1 to 500';
  if (!Number.isSafeInteger(users) || users > 100_000) errors.users = 'Enter the number of users, 0 or more';
  if (!Number.isSafeInteger(bandwidth) || bandwidth < 1) errors.bandwidth = 'Enter the Mbps each site needs, 1 or more';
  if (budget !== null && !Number.isFinite(budget)) errors.budget = 'Enter an amount such as 1500 or 1500.50, or leave it empty';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, needs: { sites, users, bandwidthMbps: bandwidth, monthlyBudget: budget } };
}

/** The answers checked; each problem names the field to fix. */
export function needsProblems(needs: Needs): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(needs.sites) || needs.sites < 1 || needs.sites > 500)
    problems.push('Sites: enter a whole number from 1 to 500');
  if (!Number.isSafeInteger(needs.users) || needs.users < 0 || needs.users > 100_000)
    problems.push('Users: enter a whole number of 0 or more');
  if (!Number.isFinite(needs.bandwidthMbps) || needs.bandwidthMbps < 1)
    problems.push('Bandwidth: enter the Mbps each site needs, 1 or more');
  if (needs.monthlyBudget !== null && (!Number.isFinite(needs.monthlyBudget) || needs.monthlyBudget < 0)) {
    problems.push('Monthly budget: enter an amount of 0 or more, or leave it empty');
  }
  return problems;
}

const launched = (catalog: readonly OfferingDoc[]) => catalog.filter((o) => o.lifecycleStatus === 'Launched' && !o.isBundle);
const characteristic = (o: OfferingDoc, name: string) => o.characteristics.find((c) => c.name === name);

function line(offering: OfferingDoc, quantity: number, set: Record<string, string>, index: number): ConfiguredItem {
  const characteristics = defaultCharacteristics(offering).map((c) => (set[c.name] ? { name: c.name, value: set[c.name] ?? c.value } : c));
  return { id: `proposed-${index}`, offeringId: offering.id, quantity, characteristics };
}

function monthlyOf(items: readonly ConfiguredItem[], catalog: readonly OfferingDoc[]): number {
  return priceItems(items, catalog).totals.recurring;
}

/** The cheapest access line and bandwidth that meets the need, else the fastest there is. */
function accessLine(needs: Needs, catalog: readonly OfferingDoc[]): ConfiguredItem | null {
  const candidates = launched(catalog).flatMap((offering) =>
    (characteristic(offering, 'Bandwidth')?.values ?? []).flatMap((value) => {
      const mbps = mbpsOf(value);
      if (mbps === null) return [];
      const item = line(offering, needs.sites, { Bandwidth: value }, 0);
      return [{ item, mbps, monthly: monthlyOf([item], catalog) }];
    }),
  );
  const meeting = candidates.filter((c) => c.mbps >= needs.bandwidthMbps).sort((a, b) => a.monthly - b.monthly || a.mbps - b.mbps);
  const fastest = [...candidates].sort((a, b) => b.mbps - a.mbps || a.monthly - b.monthly);
  return (meeting[0] ?? fastest[0])?.item ?? null;
}

/** Voice: the fewest SIP channels per site that cover its users. */
function voiceLine(needs: Needs, catalog: readonly OfferingDoc[], index: number): ConfiguredItem | null {
  const offering = launched(catalog).find((o) => characteristic(o, 'SIP channels'));
  const spec = offering ? characteristic(offering, 'SIP channels') : undefined;
  if (!offering || !spec || needs.users === 0) return null;
  const needed = Math.ceil(needs.users / needs.sites / USERS_PER_SIP_CHANNEL);
  const values = spec.values.filter((v) => Number.isFinite(Number(v))).sort((a, b) => Number(a) - Number(b));
  const value = values.find((v) => Number(v) >= needed) ?? values.at(-1);
  return value ? line(offering, needs.sites, { 'SIP channels': value }, index) : null;
}

function byCategory(catalog: readonly OfferingDoc[], category: string): OfferingDoc | undefined {
  return launched(catalog).find((o) => o.category === category && o.characteristics.length > 0);
}

/** A proposed configuration for the needs; the items break no catalog rule and can be priced. */
export function proposeConfiguration(needs: Needs, catalog: readonly OfferingDoc[]): Proposal {
  const notes: string[] = [];
  const access = accessLine(needs, catalog);
  if (!access) return { items: [], monthly: 0, notes: ['The local catalog has no access line to propose; sync the catalog'] };
  const fastest = mbpsOf(access.characteristics.find((c) => c.name === 'Bandwidth')?.value ?? '') ?? 0;
  if (fastest < needs.bandwidthMbps) notes.push(`No access line reaches ${needs.bandwidthMbps} Mbps; the fastest is proposed`);
  const wanted: { item: ConfiguredItem; what: string }[] = [];
  const edge = needs.sites > 1 ? byCategory(catalog, 'Networking') : undefined;
  if (edge) wanted.push({ item: line(edge, needs.sites, {}, 1), what: `${edge.name} to join the ${needs.sites} sites` });
  const voice = voiceLine(needs, catalog, 2);
  if (voice) wanted.push({ item: voice, what: 'voice' });
  const seats = needs.users > 0 ? byCategory(catalog, 'Cloud') : undefined;
  if (seats) wanted.push({ item: line(seats, needs.users, {}, 3), what: `${seats.name} seats` });

  // Never propose what the rules refuse (e.g. a catalog whose edge needs another kind of access line).
  const fits = (item: ConfiguredItem) => checkConfiguration([access, item], catalog).length === 0;
  let items = [access, ...wanted.map((w) => w.item).filter(fits)];
  // Over budget: leave out the extras, last first, and say so.
  for (const extra of [...wanted].reverse()) {
    if (needs.monthlyBudget === null || monthlyOf(items, catalog) <= needs.monthlyBudget) break;
    if (!items.includes(extra.item)) continue;
    items = items.filter((item) => item !== extra.item);
    notes.push(`Left out ${extra.what} to stay within the budget`);
  }
  const monthly = monthlyOf(items, catalog);
  if (needs.monthlyBudget !== null && monthly > needs.monthlyBudget) notes.push('Even the access line alone is above the budget');
  return { items, monthly, notes };
}
