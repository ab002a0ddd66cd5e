import { describe, expect, it } from 'vitest';
import { countText } from './ListControls';

describe('list result count', () => {
  it('says how many of how many rows are shown, and that more are still loading', () => {
    expect(countText({ noun: 'leads', shown: 50_000, total: 50_000, loading: false })).toBe(`${(50_000).toLocaleString()} leads`);
    expect(countText({ noun: 'leads', shown: 12, total: 50_000, loading: false })).toBe(`12 of ${(50_000).toLocaleString()} leads`);
    expect(countText({ noun: 'leads', shown: 100, total: 100, loading: true })).toBe('100 leads so far, still loading…');
  });
});
