/**
 * Test support: fast-check generators of the unsafe text of shared/text/unsafeText.ts (NUL,
 * other control characters, DEL, lone surrogates) placed in a string value or in a key.
 */
import fc from 'fast-check';

const UNSAFE_CHARS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001B',
  '\u001F',
  '\u007F',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
];

/** Ordinary text around one or more unsafe characters; spaced, as a high and a low surrogate side by side make a valid character. */
export const unsafeString: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ maxLength: 6 }),
    fc.array(fc.constantFrom(...UNSAFE_CHARS), { minLength: 1, maxLength: 3 }),
    fc.string({ maxLength: 6 }),
  )
  .map(([before, chars, after]) => `${before}${chars.join(' ')}${after}`);

export type Injection = { where: 'value'; field: string; text: string } | { where: 'key'; text: string };

/** An unsafe string as the value of one of `fields`, or as a new key. */
export function injection(fields: readonly string[]): fc.Arbitrary<Injection> {
  return fc.oneof(
    fc.record({ where: fc.constant('value' as const), field: fc.constantFrom(...fields), text: unsafeString }),
    fc.record({ where: fc.constant('key' as const), text: unsafeString }),
  );
}

/** The document with the injection applied; `path` is the field the server must name. */
export function inject<T extends object>(doc: T, how: Injection): { doc: T; path: string } {
  if (how.where === 'value') return { doc: { ...doc, [how.field]: how.text }, path: how.field };
  return { doc: { ...doc, [how.text]: 'x' }, path: how.text };
}

export function leafCount(value: unknown): number {
  if (typeof value === 'string') return 1;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + leafCount(item), 0);
  if (typeof value === 'object' && value !== null) return Object.values(value).reduce((sum: number, item) => sum + leafCount(item), 0);
  return 0;
}

/**
 * The JSON value with `text` appended to its string leaf number `pick` (modulo their count),
 * the rest intact, so the body stays valid enough to reach deep code; `pick` < 0 adds a key.
 */
export function taintOne(value: unknown, text: string, pick: number): unknown {
  let left = pick < 0 ? -1 : pick % Math.max(leafCount(value), 1);
  let keyAdded = false;
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return left-- === 0 ? node + text : node;
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null) {
      const entries = Object.entries(node).map(([key, item]): [string, unknown] => [key, walk(item)]);
      if (pick < 0 && !keyAdded) {
        keyAdded = true;
        entries.push([`k${text}`, 'x']);
      }
      return Object.fromEntries(entries);
    }
    return node;
  };
  return walk(value);
}
