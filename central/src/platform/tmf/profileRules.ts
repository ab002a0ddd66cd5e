/**
 * The TM Forum conformance profiles (TMF620B, TMF622B, TMF637B v4) as data: which attributes
 * must be present and not blank, at which place in a resource, and under which condition.
 * The profiles are stricter than the swaggers' `required` lists. The same tables check what
 * the server accepts (input rules) and, in the conformance suite, what it answers.
 */
import { isObject, type JsonObject } from '../json';

export interface ProfileRule {
  /** Stable id used by tests and docs/conformance.md, e.g. `TMF620-PO-04`. */
  id: string;
  /**
   * Where the rule applies: '' is the resource itself, otherwise a dotted path; arrays on the
   * way are entered item by item. A segment ending in `*` also descends into the same key
   * of what it finds (TMF622 items nested in items).
   */
  at: string;
  /** Attributes that must be present and not blank (null, '', [] are blank). */
  required?: readonly string[];
  /** Attributes that must be absent or empty. */
  empty?: readonly string[];
  /** Only where this holds for the node at `at`. */
  when?: (node: JsonObject) => boolean;
  /** Wording of the condition, for messages and the docs. */
  condition?: string;
  /** `response`: the provider must fill it in its answers; `both`: also refused in requests. */
  scope: 'response' | 'both';
}

export function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Every node at `path` below `root`, each with the path it was found at (`a[0].b`). */
export function nodesAt(root: JsonObject, path: string): { node: JsonObject; where: string }[] {
  let current: { node: unknown; where: string }[] = [{ node: root, where: '' }];
  for (const raw of path === '' ? [] : path.split('.')) {
    const deep = raw.endsWith('*');
    const key = deep ? raw.slice(0, -1) : raw;
    const next: { node: unknown; where: string }[] = [];
    const visit = (parent: unknown, where: string): void => {
      if (!isObject(parent) || parent[key] === undefined || parent[key] === null) return;
      const value = parent[key];
      const found = Array.isArray(value)
        ? value.map((item, index) => ({ node: item as unknown, where: `${where}${where ? '.' : ''}${key}[${index}]` }))
        : [{ node: value, where: `${where}${where ? '.' : ''}${key}` }];
      next.push(...found);
      if (deep) for (const child of found) visit(child.node, child.where);
    };
    for (const { node, where } of current) visit(node, where);
    current = next;
  }
  return current.filter((entry): entry is { node: JsonObject; where: string } => isObject(entry.node));
}

/** What `resource` lacks under `rules`, one sentence per problem naming the attribute to fix. */
export function profileProblems(rules: readonly ProfileRule[], resource: JsonObject, scope: 'request' | 'response'): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    if (scope === 'request' && rule.scope === 'response') continue;
    for (const { node, where } of nodesAt(resource, rule.at)) {
      if (rule.when && !rule.when(node)) continue;
      const prefix = where === '' ? '' : `${where}.`;
      const because = rule.condition ? ` (${rule.condition})` : '';
      for (const name of rule.required ?? []) {
        if (isBlank(node[name])) problems.push(`${prefix}${name} is required${because} [${rule.id}]`);
      }
      for (const name of rule.empty ?? []) {
        if (!isBlank(node[name])) problems.push(`${prefix}${name} must be empty${because} [${rule.id}]`);
      }
    }
  }
  return problems;
}

/** The same rules again below each prefix (a nested product has the product's rules). */
export function nestedUnder(prefixes: readonly string[], rules: readonly ProfileRule[], idSuffix: string): ProfileRule[] {
  return prefixes.flatMap((prefix, index) =>
    rules.map((rule) => ({ ...rule, id: `${rule.id}${idSuffix}${index + 1}`, at: rule.at === '' ? prefix : `${prefix}.${rule.at}` })),
  );
}
