import { describe, expect, it } from 'vitest';
import { byId, formatWhen, newestFirst } from './sort';

describe('list helpers', () => {
  it('sorts newest first without changing the input', () => {
    const docs = [
      { id: 'a', updatedAt: '2025-01-01' },
      { id: 'b', updatedAt: '2025-03-01' },
      { id: 'c', createdAt: '2025-02-01' },
    ];
    expect(newestFirst(docs).map((d) => d.id)).toEqual(['b', 'c', 'a']);
    expect(docs[0]!.id).toBe('a');
  });
  it('indexes by id and formats missing times as a dash', () => {
    expect(byId([{ id: 'x', n: 1 }]).get('x')).toEqual({ id: 'x', n: 1 });
    expect(byId(undefined).size).toBe(0);
    expect(formatWhen(undefined)).toBe('—');
    expect(formatWhen('nonsense')).toBe('nonsense');
  });
});
