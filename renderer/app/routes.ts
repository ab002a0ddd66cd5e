/**
 * Every screen of the app and the URL path that names it. The path is what the router matches
 * (`router.tsx` builds its route tree from PATHS), what links point at (`#/quotes/<id>`) and what
 * survives a reload, so a record's id is always part of it.
 */
export type Route =
  | { page: 'leads' }
  | { page: 'newLead' }
  | { page: 'lead'; id: string }
  | { page: 'accounts' }
  | { page: 'newAccount' }
  | { page: 'account'; id: string }
  | { page: 'catalog' }
  | { page: 'offering'; id: string }
  | { page: 'opportunities' }
  | { page: 'opportunity'; id: string }
  | { page: 'quotes' }
  | { page: 'quote'; id: string }
  | { page: 'orders' }
  | { page: 'order'; id: string }
  | { page: 'dashboard' }
  | { page: 'ruleAdmin' }
  | { page: 'outbox' }
  | { page: 'about' };

export type Page = Route['page'];

/** Path templates in TanStack Router syntax; `$id` is the record's id. */
export const PATHS = {
  leads: '/leads',
  newLead: '/leads/new',
  lead: '/leads/$id',
  accounts: '/accounts',
  newAccount: '/accounts/new',
  account: '/accounts/$id',
  catalog: '/catalog',
  offering: '/catalog/$id',
  opportunities: '/opportunities',
  opportunity: '/opportunities/$id',
  quotes: '/quotes',
  quote: '/quotes/$id',
  orders: '/orders',
  order: '/orders/$id',
  dashboard: '/dashboard',
  ruleAdmin: '/admin/rules',
  outbox: '/outbox',
  about: '/about',
} as const satisfies Record<Page, string>;

export const HOME: Route = { page: 'leads' };

/** The sections of the app chrome; a record's screen belongs to the section of its list. */
export const SECTIONS = [
  { label: 'Leads', route: { page: 'leads' } },
  { label: 'Accounts', route: { page: 'accounts' } },
  { label: 'Opportunities', route: { page: 'opportunities' } },
  { label: 'Quotes', route: { page: 'quotes' } },
  { label: 'Orders', route: { page: 'orders' } },
  { label: 'Catalog', route: { page: 'catalog' } },
  { label: 'Dashboard', route: { page: 'dashboard' } },
  { label: 'Rules', route: { page: 'ruleAdmin' }, adminOnly: true },
] as const satisfies readonly { label: string; route: Route; adminOnly?: true }[];

export type Section = (typeof SECTIONS)[number];

/** The sections a user sees: rule administration only for administrators. */
export function sectionsFor(role: string): Section[] {
  return SECTIONS.filter((section) => !('adminOnly' in section) || role === 'admin');
}

const SECTION_OF: Record<Page, Section['route']['page'] | null> = {
  leads: 'leads',
  newLead: 'leads',
  lead: 'leads',
  accounts: 'accounts',
  newAccount: 'accounts',
  account: 'accounts',
  catalog: 'catalog',
  offering: 'catalog',
  opportunities: 'opportunities',
  opportunity: 'opportunities',
  quotes: 'quotes',
  quote: 'quotes',
  orders: 'orders',
  order: 'orders',
  dashboard: 'dashboard',
  ruleAdmin: 'ruleAdmin',
  outbox: null,
  about: null,
};

/** The section a screen belongs to; null for screens outside the sections (the outbox, about). */
export function sectionOf(route: Route): Section | null {
  const page = SECTION_OF[route.page];
  return SECTIONS.find((s) => s.route.page === page) ?? null;
}

/**
 * TanStack Router decodes the path before matching, and a path holding `[`, `]` (its escape syntax),
 * `^` or `|` then matches no route at all. Those four, and `%` so that no id can pose as one of
 * them, are escaped once more: the router hands back `%5B` for `[`, which `decodeId` undoes.
 */
const ROUTER_UNSAFE = /[%[\]^|]/g;
const ROUTER_ESCAPED = /%(25|5B|5D|5E|7C)/gi;

function encodeId(id: string): string {
  return encodeURIComponent(id.replace(ROUTER_UNSAFE, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`));
}

/** A record's id from the router's (already decoded) `$id` param. */
export function decodeId(param: string): string {
  return param.replace(ROUTER_ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The URL path of a screen. The id is one encoded segment, so any id (even with `/` or `#`) round-trips. */
export function routePath(route: Route): string {
  const template: string = PATHS[route.page];
  return 'id' in route ? template.replace('$id', encodeId(route.id)) : template;
}

/** An in-app link: the hash history keeps the path after `#`. */
export function routeHref(route: Route): string {
  return `#${routePath(route)}`;
}

/**
 * The screen a router match names, from its route id (the path template) and decoded params;
 * null for a match that is no screen (the root, or a record route without an id).
 */
export function routeFromMatch(routeId: string, params: Readonly<Record<string, string | undefined>>): Route | null {
  const page = (Object.keys(PATHS) as Page[]).find((p) => PATHS[p] === routeId);
  if (!page) return null;
  if (!PATHS[page].includes('$id')) return { page } as Route;
  const id = params.id;
  if (!id) return null;
  return { page, id: decodeId(id) } as Route;
}

/** What the router says about one matched route (TanStack's RouteMatch has these fields). */
export interface MatchLike {
  routeId: string;
  params: unknown;
  /** Set on the route that renders "not found" for an address no route matches in full. */
  _notFound?: boolean;
}

/** The screen the router's matches show; null while they show "not found" (even under a record's path). */
export function routeOfMatches(matches: readonly MatchLike[]): Route | null {
  if (matches.some((m) => m._notFound)) return null;
  const leaf = matches.at(-1);
  return leaf ? routeFromMatch(leaf.routeId, (leaf.params ?? {}) as Record<string, string | undefined>) : null;
}
