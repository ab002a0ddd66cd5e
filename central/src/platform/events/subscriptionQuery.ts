import { badRequest } from '../http/errors';
import type { JsonObject } from '../json';

/**
 * A hub subscription's `query` as a filter the database evaluates on each event:
 * clauses that must all hold, each a list of alternatives of which one must be contained
 * (`@>`) in the event. `eventType=A,B&event.productOrder.state=completed` becomes
 * `[[{eventType: A}, {eventType: B}], [{event: {productOrder: {state: completed}}}]]`.
 */
export type EventFilter = JsonObject[][];

const SEGMENT = '[A-Za-z@][A-Za-z0-9@_]*';
const PATH = new RegExp(`^${SEGMENT}(\\.${SEGMENT})*$`);
export const MAX_QUERY_LENGTH = 1000;

function containment(path: string, value: string): JsonObject {
  // Built from the innermost key outwards; PATH admits no "__proto__" segment.
  return path
    .split('.')
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as JsonObject;
}

/**
 * TMF630-style equality criteria on event attributes, dotted for nested ones; several values
 * of one attribute (repeated or comma-separated) mean any of them; criteria are ANDed.
 */
export function parseSubscriptionQuery(query: string | undefined): EventFilter {
  if (query === undefined) return [];
  const text = query.trim().replace(/^\?/, '');
  if (text === '') return [];
  const clauses = new Map<string, string[]>();
  for (const [attribute, raw] of new URLSearchParams(text)) {
    if (!PATH.test(attribute) || attribute.length > 200) {
      throw badRequest(
        `query: cannot filter on "${attribute.slice(0, 64)}"; use attribute=value pairs joined by &, e.g. eventType=ProductOrderStateChangeEvent or event.productOrder.state=completed`,
      );
    }
    const values = raw
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean);
    if (values.length === 0) throw badRequest(`query: ${attribute} needs a value, e.g. ${attribute}=something`);
    clauses.set(attribute, [...(clauses.get(attribute) ?? []), ...values]);
  }
  return [...clauses].map(([attribute, values]) => values.map((value) => containment(attribute, value)));
}
