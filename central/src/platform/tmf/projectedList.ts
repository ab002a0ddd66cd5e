/**
 * TMF630 equality filters over resources projected in memory from synced documents (SalesLead,
 * Quote): their attributes are computed from the documents, so they cannot all become SQL.
 * The caller has already scoped the documents to what the user may see.
 */
import { isObject, type JsonObject } from '../json';
import type { AttributeFilter, ListQuery } from './listing';

/** Scalars compare as text; a reference (e.g. channel) matches on its id or name. */
function matches(resource: JsonObject, filter: AttributeFilter): boolean {
  const value = resource[filter.attribute];
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return filter.values.includes(String(value));
  }
  if (isObject(value)) {
    return [value.id, value.name].some((key) => typeof key === 'string' && filter.values.includes(key));
  }
  return false;
}

/** The matching resources (filters ANDed) and the requested page of them. */
export function pageOf<T extends JsonObject>(resources: readonly T[], query: ListQuery): { total: number; page: T[] } {
  const matching = resources.filter((resource) => query.filters.every((filter) => matches(resource, filter)));
  return { total: matching.length, page: matching.slice(query.offset, query.offset + query.limit) };
}
