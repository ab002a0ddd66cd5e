/** Test support for the conformance-profile suites: request bodies that break one rule each. */
import type { ProfileRule } from '../../platform/tmf/profileRules';

/**
 * A value for `path` (below the resource) whose last node lacks `missing` and carries the
 * rule's other attributes. Segments named in `arrays` are arrays of one; `fill` gives the
 * attributes a node at that segment needs anyway (a characteristic value use needs its name).
 */
export function bodyBreaking(
  rule: ProfileRule,
  missing: string,
  arrays: ReadonlySet<string>,
  fill: Readonly<Record<string, Record<string, unknown>>> = {},
): Record<string, unknown> {
  const segments = rule.at.split('.').map((segment) => segment.replace(/\*$/, ''));
  const leaf: Record<string, unknown> = {};
  for (const name of rule.required ?? []) if (name !== missing) leaf[name] = name === 'product' ? { id: 'p-1' } : `x-${name}`;
  const node: Record<string, unknown> = { ...fill[segments.at(-1) ?? ''], ...leaf };
  delete node[missing];
  let value: unknown = node;
  for (let index = segments.length - 1; index >= 0; index--) {
    const segment = segments[index] ?? '';
    const wrapped = arrays.has(segment) ? [value] : value;
    const parent = index > 0 ? fill[segments[index - 1] ?? ''] : undefined;
    value = index === 0 ? { [segment]: wrapped } : { ...parent, [segment]: wrapped };
  }
  return value as Record<string, unknown>;
}

/** Each nested rule that requests must meet too, with each attribute it requires. */
export function nestedRequestRules(rules: readonly ProfileRule[]): { rule: ProfileRule; missing: string }[] {
  return rules
    .filter((rule) => rule.scope === 'both' && rule.at !== '' && !rule.when)
    .flatMap((rule) => (rule.required ?? []).map((missing) => ({ rule, missing })));
}
