import { describe, expect, it } from 'vitest';
import { exceedsDepth } from './bodyDepth';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { a: value };
  return value;
};

describe('exceedsDepth', () => {
  it('counts objects and arrays, not scalars, and stops at the limit', () => {
    expect(exceedsDepth(1, 0)).toBe(false);
    expect(exceedsDepth(null, 0)).toBe(false);
    expect(exceedsDepth(nested(3), 3)).toBe(false);
    expect(exceedsDepth(nested(4), 3)).toBe(true);
    expect(exceedsDepth({ a: [1, { b: 'x' }], c: nested(2) }, 3)).toBe(false);
  });

  it('measures 100 000 levels without overflowing the stack', () => {
    expect(exceedsDepth(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 64)).toBe(true);
  });
});
