import { createMemoryHistory } from '@tanstack/react-router';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAppRouter } from './router';
import { PATHS, routeFromMatch, routeOfMatches, routeHref, routePath, sectionOf, type Page, type Route } from './routes';

const RECORD_PAGES = ['lead', 'account', 'offering', 'opportunity', 'quote', 'order'] as const;
const PLAIN_PAGES = (Object.keys(PATHS) as Page[]).filter((p) => !(RECORD_PAGES as readonly Page[]).includes(p));

/** Where the real router (the app's route tree, in memory) lands for a URL path, and the screen that names. */
async function resolve(path: string): Promise<{ pathname: string; route: Route | null }> {
  const router = createAppRouter(createMemoryHistory({ initialEntries: [path] }));
  await router.load();
  return { pathname: router.state.location.pathname, route: routeOfMatches(router.state.matches) };
}

describe('routes', () => {
  it('puts the record id in the path of every record screen', () => {
    expect(routePath({ page: 'quote', id: 'q-1' })).toBe('/quotes/q-1');
    expect(routeHref({ page: 'lead', id: '0b6c6f3e-1a2b-4c5d-8e9f-0123456789ab' })).toBe('#/leads/0b6c6f3e-1a2b-4c5d-8e9f-0123456789ab');
    expect(routePath({ page: 'newLead' })).toBe('/leads/new');
    expect(routePath({ page: 'outbox' })).toBe('/outbox');
  });

  it('opens the record whose id holds a character the router would otherwise not match, or its escape', async () => {
    for (const id of ['a|b', '^', '[x]', '%7C', 'a%255Eb', '100%']) {
      expect({ id, route: (await resolve(routePath({ page: 'order', id }))).route }).toEqual({ id, route: { page: 'order', id } });
    }
  });

  it('opens every screen the router is given the path of', async () => {
    for (const page of PLAIN_PAGES) expect((await resolve(routePath({ page } as Route))).route).toEqual({ page });
    for (const page of RECORD_PAGES) expect((await resolve(routePath({ page, id: 'abc-123' }))).route).toEqual({ page, id: 'abc-123' });
  });

  // TanStack Router matches no route for a decoded path holding [ ] ^ or |; routePath escapes them.
  it('round-trips any record id through the URL, whatever characters it has', async () => {
    const id = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }), fc.stringMatching(/^[a-z%[\]^|0-9A-F]{1,12}$/));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...RECORD_PAGES), id, async (page, id) => {
        expect((await resolve(routePath({ page, id }))).route).toEqual({ page, id });
      }),
      { numRuns: 150 },
    );
  });

  it('names no screen for an unknown address or a record route without an id', async () => {
    for (const path of ['/nowhere', '/quotes/q-1/extra', '/lead/abc', '/leads/new/x']) {
      expect({ path, route: (await resolve(path)).route }).toEqual({ path, route: null });
    }
    expect(routeFromMatch('/quotes/$id', {})).toBeNull();
    expect(routeFromMatch('__root__', {})).toBeNull();
  });

  it('puts each record screen in the section of its list, and the outbox in none', () => {
    expect(sectionOf({ page: 'quote', id: 'x' })?.label).toBe('Quotes');
    expect(sectionOf({ page: 'newLead' })?.label).toBe('Leads');
    expect(sectionOf({ page: 'order', id: 'x' })?.label).toBe('Orders');
    expect(sectionOf({ page: 'opportunities' })?.label).toBe('Opportunities');
    expect(sectionOf({ page: 'outbox' })).toBeNull();
  });
});
