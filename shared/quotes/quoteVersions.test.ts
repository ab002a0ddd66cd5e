import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSendQuote } from '../machines/quote.machine';
import { ownerOf, type Actor } from '../machines/send';
import type { QuoteDoc } from '../schemas';
import type { LineItem } from '../schemas/lineItem';
import { makeLine, makeQuote } from '../testing/docs.fixture';
import { canRevise, compareVersions, latestVersion, reviseQuote, versionFacts, versionsOf } from './quoteVersions';

const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const NOW = '2026-12-01T12:00:00.000Z';
const v1 = makeQuote({ id: 'q1', status: 'approved' });
const rep = ownerOf(v1);

describe('quote versions', () => {
  it('revises the latest version as n+1 with its lines, in progress, leaving the old one as it was', () => {
    const v2 = reviseQuote(v1, [v1], { id: 'q2', now: NOW, actor: rep });
    expect(v2).toMatchObject({ id: 'q2', version: 2, status: 'inProgress', opportunityId: 'opp-1', syncPending: true, createdAt: NOW });
    expect(v2.items).toEqual(v1.items);
    expect(v2.items[0]).not.toBe(v1.items[0]);
    expect(v2.totals).toEqual(v1.totals);
    expect(v2.acceptedAt).toBeUndefined();
    expect(versionsOf([v2, v1, makeQuote({ id: 'other', opportunityId: 'opp-2' })], 'opp-1').map((q) => q.id)).toEqual(['q1', 'q2']);
    expect(latestVersion([v1, v2])?.id).toBe('q2');
  });

  it('only the latest version can be accepted or edited: the quote machine decides with the version facts', () => {
    const v2 = reviseQuote(v1, [v1], { id: 'q2', now: NOW, actor: rep });
    const facts = versionFacts(v1, [v1, v2]);
    expect(facts).toEqual({ laterVersion: 2 });
    expect(canSendQuote(v1, { type: 'quote.accept' }, rep)).toBe(true);
    expect(canSendQuote(v1, { type: 'quote.accept' }, rep, facts)).toBe(false);
    expect(canSendQuote(v1, { type: 'quote.decline' }, rep, facts)).toBe(true);
    const draft = { ...v1, status: 'inProgress' as const };
    expect(canSendQuote(draft, { type: 'quote.update' }, rep, facts)).toBe(false);
    expect(versionFacts(v2, [v1, v2])).toEqual({});
  });

  it('says why a quote cannot be revised', () => {
    const v2 = reviseQuote(v1, [v1], { id: 'q2', now: NOW, actor: rep });
    expect(canRevise(v1, [v1, v2], rep)).toEqual({ ok: false, reason: 'Version 1 is not the latest; revise version 2' });
    const manager: Actor = { kind: 'user', id: 'mgr', role: 'manager', manages: () => true };
    expect(canRevise(v2, [v1, v2], manager)).toEqual({ ok: false, reason: 'Only the rep who owns this quote can revise it' });
    const accepted = { ...v1, status: 'accepted' as const };
    expect(() => reviseQuote(v2, [accepted, v2], { id: 'q3', now: NOW, actor: rep })).toThrow(
      'Version 1 was accepted by the customer; it is not revised any more',
    );
  });

  it('revises an accepted version the central system refused: the fix for a quote that can no longer change', () => {
    const refused: QuoteDoc = { ...v1, status: 'accepted', syncError: { reason: 'Prices do not match the catalog', at: NOW } };
    expect(canRevise(refused, [refused], rep)).toEqual({ ok: true });
    const next = reviseQuote(refused, [refused], { id: 'q2', now: NOW, actor: rep });
    expect(next).toMatchObject({ version: 2, status: 'inProgress', items: refused.items });
    expect(next.syncError).toBeUndefined();
    expect(next.acceptedAt).toBeUndefined();
  });

  it('compares two versions line by line: changed, added and removed lines, totals', () => {
    const before = makeQuote({
      items: [makeLine({ id: 'a' }), makeLine({ id: 'b', offeringId: 'mobile', offeringName: 'Mobile', oneTime: 0, recurring: 1000 })],
    });
    const after = makeQuote({
      items: [
        makeLine({ id: 'a', quantity: 2, characteristics: [{ name: 'bandwidth', value: '10 Gbps' }], recurring: 39800 }),
        makeLine({ id: 'c', offeringId: 'ip', offeringName: 'Static IP', oneTime: 0, recurring: 500 }),
      ],
    });
    const compared = compareVersions(before, after, money);
    expect(compared.lines.map((l) => [l.change, l.before?.id, l.after?.id, l.differences])).toEqual([
      ['changed', 'a', 'a', ['quantity 1 → 2', 'bandwidth 1 Gbps → 10 Gbps', 'monthly $199.00 → $398.00']],
      ['removed', 'b', undefined, []],
      ['added', undefined, 'c', []],
    ]);
    expect(compared.recurringDelta).toBe(after.totals.recurring - before.totals.recurring);
  });

  const line = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    offeringId: fc.constantFrom('fibre', 'mobile', 'ip'),
    quantity: fc.integer({ min: 1, max: 3 }),
    value: fc.constantFrom('1 Gbps', '10 Gbps'),
    recurring: fc.integer({ min: 0, max: 50000 }),
  });
  const quoteOf = (lines: { id: string; offeringId: string; quantity: number; value: string; recurring: number }[]): QuoteDoc => {
    const unique = [...new Map(lines.map((l) => [l.id, l])).values()];
    const items: LineItem[] = unique.map((l) =>
      makeLine({
        id: l.id,
        offeringId: l.offeringId,
        offeringName: l.offeringId,
        quantity: l.quantity,
        characteristics: [{ name: 'bw', value: l.value }],
        recurring: l.recurring,
      }),
    );
    return makeQuote({ items });
  };

  it('shows every line of both versions exactly once, and a version compared with itself has no change', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 5 }), fc.array(line, { maxLength: 5 }), (a, b) => {
        const before = quoteOf(a);
        const after = quoteOf(b);
        const { lines } = compareVersions(before, after, money);
        expect(lines.flatMap((l) => (l.before ? [l.before] : []))).toHaveLength(before.items.length);
        expect(new Set(lines.flatMap((l) => (l.before ? [l.before] : [])))).toEqual(new Set(before.items));
        expect(lines.flatMap((l) => (l.after ? [l.after] : []))).toEqual(after.items);
        for (const l of lines) expect(l.change === 'changed').toBe(l.differences.length > 0);
        expect(compareVersions(before, before, money).lines.every((l) => l.change === 'same')).toBe(true);
      }),
    );
  });
});
