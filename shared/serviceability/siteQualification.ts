/**
 * Serviceability on the laptop (TMF645 checkServiceQualification): which access technologies reach
 * each site of a quote, asked of the central system while online and kept on the laptop with the
 * date it was checked. Pure: building the request, reading the answer, what changed since the
 * last answer, and whether a kept answer may still be used.
 */

/** TMF645 v4's task resource on the central system. */
export const CHECK_SERVICE_QUALIFICATION_PATH = '/tmf-api/serviceQualificationManagement/v4/checkServiceQualification';

/** The access technologies the network inventory knows, and the catalog offering each is sold as. */
export const ACCESS_TECHNOLOGIES = ['fibre', '5g'] as const;
export type AccessTechnology = (typeof ACCESS_TECHNOLOGIES)[number];
export const ACCESS_OFFERING_OF: Readonly<Record<AccessTechnology, string>> = { fibre: 'off-fibre-internet', '5g': 'off-5g-access' };
const TECHNOLOGY_NAME: Readonly<Record<AccessTechnology, string>> = { fibre: 'Fibre', '5g': '5G' };

export interface SiteAddress {
  street: string;
  city: string;
  postcode: string;
  country: string;
}

/** A site a quote's lines can be delivered to: a site of the account or of one of its child accounts. */
export interface QuoteSite {
  id: string;
  /** How the rep knows it: "Head office, 12 High St, Boulder". */
  label: string;
  address: SiteAddress;
}

/** What reaches one address, as the central system answered on `checkedAt`. */
export interface Qualification {
  address: SiteAddress;
  checkedAt: string;
  expiresAt: string;
  available: { technology: AccessTechnology; maxMbps: number }[];
  /** Why nothing is available, in the network inventory's words. */
  reason?: string;
}

/** One difference between two answers for the same address, in words. */
export interface QualificationChange {
  technology: AccessTechnology;
  since: string;
  text: string;
}

/** What the laptop keeps per address: the latest answer and what it changed against the one before. */
export interface KeptQualification {
  current: Qualification;
  changes: QualificationChange[];
}

/** The same address however it is typed (case, spacing): the cache key. */
export function addressKey(address: SiteAddress): string {
  const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  return [norm(address.street), norm(address.postcode).replace(/ /g, ''), norm(address.country)].join('|');
}

/** The sites of the quote's account and its child accounts that have a service address. */
export function quoteSites(
  accounts: readonly { id: string; name: string; sites?: readonly ({ id: string; name?: string } & SiteAddress)[] }[],
): QuoteSite[] {
  const many = accounts.length > 1;
  return accounts.flatMap((account) =>
    (account.sites ?? []).map((site) => {
      const where = [site.name, site.street, site.city].filter((part): part is string => !!part && part.trim() !== '').join(', ');
      return {
        id: site.id,
        label: many ? `${where} (${account.name})` : where,
        address: { street: site.street, city: site.city, postcode: site.postcode, country: site.country },
      };
    }),
  );
}

/** The TMF645 CheckServiceQualification_Create body for these sites (one item per address). */
export function qualificationRequest(sites: readonly QuoteSite[], externalId: string): Record<string, unknown> {
  return {
    externalId,
    description: 'Serviceability of the sites of a quote',
    serviceQualificationItem: sites.map((site) => ({
      id: site.id,
      service: {
        place: [
          {
            '@type': 'GeographicAddress',
            role: 'installationAddress',
            streetName: site.address.street,
            city: site.address.city,
            postcode: site.address.postcode,
            country: site.address.country,
          },
        ],
      },
    })),
  };
}

type Json = Record<string, unknown>;
const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTechnology = (value: string): value is AccessTechnology => (ACCESS_TECHNOLOGIES as readonly string[]).includes(value);

/**
 * The answer per site id. An item the answer lacks, or one that is not `done`, gives nothing for
 * its site (the kept answer stays). Bandwidths come from `<technology>MaxBandwidthMbps`.
 */
export function qualificationsFromAnswer(answer: unknown, sites: readonly QuoteSite[], now: Date): Map<string, Qualification> {
  const found = new Map<string, Qualification>();
  if (!isJson(answer) || !Array.isArray(answer.serviceQualificationItem)) return found;
  const checkedAt = typeof answer.checkServiceQualificationDate === 'string' ? answer.checkServiceQualificationDate : now.toISOString();
  const expiresAt =
    typeof answer.expirationDate === 'string' ? answer.expirationDate : new Date(now.getTime() + 30 * 86_400_000).toISOString();
  for (const item of answer.serviceQualificationItem) {
    if (!isJson(item) || item.state !== 'done') continue;
    const site = sites.find((s) => s.id === item.id);
    if (!site) continue;
    const service = isJson(item.service) ? item.service : {};
    const characteristics = Array.isArray(service.serviceCharacteristic) ? service.serviceCharacteristic.filter(isJson) : [];
    const available = characteristics.flatMap((c) => {
      const technology = typeof c.name === 'string' ? c.name.replace(/MaxBandwidthMbps$/, '') : '';
      return isTechnology(technology) && typeof c.value === 'number' ? [{ technology, maxMbps: c.value }] : [];
    });
    const reasons = Array.isArray(item.eligibilityUnavailabilityReason) ? item.eligibilityUnavailabilityReason.filter(isJson) : [];
    const reason = reasons.map((r) => r.label).find((label): label is string => typeof label === 'string');
    found.set(site.id, { address: site.address, checkedAt, expiresAt, available, ...(reason === undefined ? {} : { reason }) });
  }
  return found;
}

const day = (iso: string) => iso.slice(0, 10);

/** The new answer kept with what it changed against the kept one (an unchanged answer keeps the earlier changes). */
export function keepQualification(kept: KeptQualification | undefined, next: Qualification): KeptQualification {
  if (!kept) return { current: next, changes: [] };
  const where = next.address.street;
  const since = day(next.checkedAt);
  const changes: QualificationChange[] = [];
  for (const technology of ACCESS_TECHNOLOGIES) {
    const before = kept.current.available.find((a) => a.technology === technology);
    const after = next.available.find((a) => a.technology === technology);
    const name = TECHNOLOGY_NAME[technology];
    if (before && !after) changes.push({ technology, since, text: `${name} no longer available at ${where} since ${since}` });
    else if (!before && after)
      changes.push({ technology, since, text: `${name} now available at ${where} (up to ${after.maxMbps} Mbps) since ${since}` });
    else if (before && after && before.maxMbps !== after.maxMbps)
      changes.push({
        technology,
        since,
        text: `${name} at ${where} now up to ${after.maxMbps} Mbps (was ${before.maxMbps}) since ${since}`,
      });
  }
  return { current: next, changes: changes.length > 0 ? changes : kept.changes };
}

/** Ask again after this long even when the answer has not expired: coverage changes as the network is built. */
export const RECHECK_AFTER_MS = 24 * 3_600_000;

export interface Freshness {
  /** `none`: never checked; `kept`: a kept answer in force; `expired`: past its expirationDate. */
  state: 'none' | 'kept' | 'expired';
  /** Whether to ask the central system now (only ever while online). */
  check: boolean;
  /** "checked today", "checked 3 days ago, offline", "not checked yet (offline)". */
  text: string;
}

/** Whether the kept answer may be used, whether to check again, and how to say its age. */
export function qualificationFreshness(kept: Qualification | undefined, now: Date, online: boolean): Freshness {
  const offline = online ? '' : ', offline';
  if (!kept) return { state: 'none', check: online, text: online ? 'not checked yet' : 'not checked yet (offline: checked when online)' };
  const age = now.getTime() - Date.parse(kept.checkedAt);
  const days = Math.max(0, Math.floor(age / 86_400_000));
  const when = days === 0 ? 'checked today' : days === 1 ? 'checked yesterday' : `checked ${days} days ago`;
  const expired = now.getTime() >= Date.parse(kept.expiresAt);
  return {
    state: expired ? 'expired' : 'kept',
    check: online && (expired || !(age < RECHECK_AFTER_MS)),
    text: expired ? `${when}${offline}; expired on ${day(kept.expiresAt)}, check again` : `${when}${offline}`,
  };
}

/** What reaches the address, in words: "Fibre up to 1000 Mbps, 5G up to 300 Mbps" or the reason nothing does. */
export function availabilityText(q: Qualification): string {
  if (q.available.length === 0) return q.reason ?? 'Nothing can be delivered here';
  return q.available.map((a) => `${TECHNOLOGY_NAME[a.technology]} up to ${a.maxMbps} Mbps`).join(', ');
}

/**
 * A line's access offering that the kept answer says does not reach its site, in words; undefined
 * when the line is no access line, has no site, or its site has no answer yet.
 */
export function undeliverableText(
  line: { offeringName: string; offeringId: string },
  site: QuoteSite | undefined,
  q: Qualification | undefined,
): string | undefined {
  if (!site || !q) return undefined;
  const technology = ACCESS_TECHNOLOGIES.find((t) => ACCESS_OFFERING_OF[t] === line.offeringId);
  if (!technology || q.available.some((a) => a.technology === technology)) return undefined;
  return `${line.offeringName} cannot be delivered at ${site.address.street} (${TECHNOLOGY_NAME[technology]} does not reach it, checked ${day(q.checkedAt)})`;
}
