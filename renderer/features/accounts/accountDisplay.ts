import type { AccountDoc } from '../../../shared/schemas';

type Site = NonNullable<AccountDoc['sites']>[number];

/** "Oakland, Stockton": the cities of an account's sites, each once. */
export function siteCities(account: Pick<AccountDoc, 'sites'>): string {
  return [...new Set((account.sites ?? []).map((s) => s.city))].join(', ');
}

/** The credit limit in whole currency units as the central system records it; a new account has none yet. */
export function creditLimitText(account: Pick<AccountDoc, 'creditLimit'>): string {
  return account.creditLimit === undefined ? 'Not set yet' : `$${account.creditLimit.toLocaleString('en-US')}`;
}

/** "1200 Pier Avenue, Oakland 94607, US": a site's service address on one line. */
export function serviceAddress(site: Site): string {
  return `${site.street}, ${site.city} ${site.postcode}, ${site.country}`;
}

/** A site's name, or its street for a site from before sites had names. */
export function siteName(site: Site): string {
  return site.name || site.street;
}
