import { jsonEqual, type JsonObject } from '../json';

/**
 * The first-level attributes that differ between two projections of one resource, for the
 * `fieldPath` of an AttributeValueChangeEvent (comma-separated, as TMF688 examples write it).
 * `ignore` names what another event already announces (the state and its date).
 */
export function changedAttributes(before: JsonObject, after: JsonObject, ignore: readonly string[]): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => !ignore.includes(name) && !jsonEqual(before[name], after[name])).sort();
}
