import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  byOwner,
  conversionRates,
  median,
  orderAccuracy,
  salesMetricsSteps,
  salesMetrics,
  type LeadFacts,
  type OpportunityFacts,
  type OrderFacts,
  type QuoteFacts,
  type SalesRecords,
} from './salesMetrics';
import { runSliced } from '../slicing';

const day = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 86_400_000).toISOString();
const lead = (id: string, owner: string, created: number, opportunityId?: string): LeadFacts => ({
  id,
  owner,
  createdAt: day(created),
  ...(opportunityId ? { opportunityId } : {}),
});
const opportunity = (id: string, owner: string, created: number, extra: Partial<OpportunityFacts> = {}): OpportunityFacts => ({
  id,
  owner,
  createdAt: day(created),
  status: 'inProgress',
  ...extra,
});
const quote = (id: string, owner: string, opportunityId: string, created: number, extra: Partial<QuoteFacts> = {}): QuoteFacts => ({
  id,
  owner,
  opportunityId,
  createdAt: day(created),
  version: 1,
  status: 'inProgress',
  totals: { oneTime: 100_00, recurring: 10_00, currency: 'USD' },
  ...extra,
});
const order = (
  id: string,
  owner: string,
  quoteId: string,
  submitted: number,
  status: OrderFacts['status'],
  extra: Partial<OrderFacts> = {},
): OrderFacts => ({
  id,
  owner,
  quoteId,
  createdAt: day(submitted),
  submittedAt: day(submitted),
  status,
  ...extra,
});

/**
 * Hand-made: alex has 5 leads; 3 converted (o1, o2, o3), o1 and o2 quoted, o1 ordered.
 * o4 was started from an account (no lead) and quoted. sam has 1 lead, not converted, and one
 * order of his own that was rejected.
 */
const RECORDS: SalesRecords = {
  leads: [
    lead('l1', 'alex', 0, 'o1'),
    lead('l2', 'alex', 0, 'o2'),
    lead('l3', 'alex', 2, 'o3'),
    lead('l4', 'alex', 3),
    lead('l5', 'alex', 4),
    lead('l6', 'sam', 1),
  ],
  opportunities: [
    opportunity('o1', 'alex', 2, { leadId: 'l1', expectedAmount: 60_000 }),
    opportunity('o2', 'alex', 4, { leadId: 'l2', expectedAmount: 70_000 }),
    opportunity('o3', 'alex', 3, { leadId: 'l3', expectedAmount: 50_000 }),
    opportunity('o4', 'alex', 10, { expectedAmount: 1_000 }),
    opportunity('o5', 'alex', 1, { status: 'cancelled', expectedAmount: 9_999 }),
    opportunity('o6', 'sam', 1, { expectedAmount: 5_000 }),
  ],
  quotes: [
    quote('q1', 'alex', 'o1', 3, { status: 'accepted' }),
    quote('q2a', 'alex', 'o2', 5, { status: 'rejected' }),
    quote('q2b', 'alex', 'o2', 9, { version: 2, status: 'approved', totals: { oneTime: 1_000_00, recurring: 50_00, currency: 'USD' } }),
    quote('q4', 'alex', 'o4', 11, { status: 'pending' }),
    quote('q6', 'sam', 'o6', 2, { status: 'accepted' }),
  ],
  orders: [
    order('r1', 'alex', 'q1', 7, 'completed', { opportunityId: 'o1' }),
    // A draft is no order yet: it counts nowhere.
    order('r2', 'alex', 'q4', 12, 'draft', { opportunityId: 'o4' }),
    order('r6', 'sam', 'q6', 3, 'rejected', { opportunityId: 'o6' }),
  ],
};

describe('salesMetrics over hand-computed records', () => {
  const alex = byOwner(RECORDS).get('alex')!;
  const metrics = salesMetrics(alex);

  it('counts the lead funnel: 5 leads, 3 opportunities, 2 quoted, 1 ordered', () => {
    expect(metrics.funnel).toEqual({ leads: 5, opportunities: 3, quoted: 2, ordered: 1 });
    expect(conversionRates(metrics.funnel)).toEqual({ toOpportunity: 0.6, toQuote: 2 / 3, toOrder: 0.5, overall: 0.2 });
  });

  it('takes the median days of each stage', () => {
    // Lead → opportunity: l1 2 days, l2 4, l3 1 → median 2.
    expect(metrics.cycle.leadToOpportunity).toEqual({ medianDays: 2, count: 3 });
    // Opportunity → first quote: o1 1 day, o2 1 (q2a), o4 1 → 1 (o3 and o5 have no quote).
    expect(metrics.cycle.opportunityToQuote).toEqual({ medianDays: 1, count: 3 });
    // First quote → order: o1 day 3 → day 7 = 4 (the draft on o4 is no order).
    expect(metrics.cycle.quoteToOrder).toEqual({ medianDays: 4, count: 1 });
    expect(metrics.cycle.leadToOrder).toEqual({ medianDays: 7, count: 1 });
  });

  it('values the open pipeline by stage from the latest quote, else the expected amount', () => {
    expect(metrics.pipeline).toEqual([
      // o3: no quote, $50,000 expected.
      { stage: 'qualifying', count: 1, value: 50_000_00 },
      // o4: pending quote, $100 + 12 × $10.
      { stage: 'quoting', count: 1, value: 220_00 },
      // o2: version 2 approved, $1,000 + 12 × $50 (the rejected version 1 does not count).
      { stage: 'approved', count: 1, value: 1_600_00 },
      // o1 is ordered and o5 cancelled: out of the pipeline.
      { stage: 'accepted', count: 0, value: 0 },
    ]);
  });

  it('gives the share of orders acknowledged without rejection or fall-out', () => {
    expect(metrics.accuracy).toEqual({ judged: 1, rejected: 0, fallOut: 0, share: 1 });
    expect(salesMetrics(byOwner(RECORDS).get('sam')!).accuracy).toEqual({ judged: 1, rejected: 1, fallOut: 0, share: 0 });
    const refused = order('r9', 'alex', 'q1', 1, 'queued', { syncError: { reason: 'no price', at: day(1) } });
    const waiting = order('r10', 'alex', 'q1', 1, 'queued');
    expect(orderAccuracy([refused, waiting, order('r11', 'alex', 'q1', 1, 'failed'), order('r12', 'alex', 'q1', 1, 'held')])).toEqual({
      judged: 3,
      rejected: 1,
      fallOut: 1,
      share: 1 / 3,
    });
    // A partial delivery counts as fall-out until its acceptance is noted by the central system.
    const partial = order('r13', 'alex', 'q1', 1, 'partial');
    expect(orderAccuracy([partial]).fallOut).toBe(1);
    expect(orderAccuracy([{ ...partial, partialAcceptanceNoted: { by: 'Alex Rivera', at: day(2) } }])).toEqual({
      judged: 1,
      rejected: 0,
      fallOut: 0,
      share: 1,
    });
  });

  it('says "none" rather than dividing by zero', () => {
    const empty = salesMetrics({ leads: [], opportunities: [], quotes: [], orders: [] });
    expect(conversionRates(empty.funnel).overall).toBeNull();
    expect(empty.cycle.leadToOrder).toEqual({ medianDays: null, count: 0 });
    expect(empty.accuracy.share).toBeNull();
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('has as many values at or below it as at or above it (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1_000, noNaN: true }), { minLength: 1, maxLength: 50 }), (values) => {
        const m = median(values)!;
        expect(values.filter((v) => v <= m).length).toBeGreaterThanOrEqual(values.length / 2);
        expect(values.filter((v) => v >= m).length).toBeGreaterThanOrEqual(values.length / 2);
      }),
    );
  });
});

/** Generated records of a few owners, with references that may or may not resolve. */
const owners = fc.constantFrom('alex', 'sam', 'kim');
const ref = (prefix: string) =>
  fc.option(
    fc.integer({ min: 0, max: 7 }).map((n) => `${prefix}${n}`),
    { nil: undefined },
  );
const recordsArb: fc.Arbitrary<SalesRecords> = fc.record({
  leads: fc
    .array(fc.tuple(owners, fc.integer({ min: 0, max: 30 }), ref('o')), { maxLength: 12 })
    .map((rows) => rows.map(([owner, at, opp], i) => lead(`l${i}`, owner, at, opp))),
  opportunities: fc
    .array(fc.tuple(owners, fc.integer({ min: 0, max: 30 }), fc.constantFrom('inProgress', 'accepted', 'cancelled' as const)), {
      maxLength: 8,
    })
    .map((rows) => rows.map(([owner, at, status], i) => opportunity(`o${i}`, owner, at, { status, expectedAmount: 1_000 * i }))),
  quotes: fc
    .array(
      fc.tuple(
        owners,
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom('inProgress', 'approved', 'accepted' as const),
      ),
      {
        maxLength: 8,
      },
    )
    .map((rows) => rows.map(([owner, opp, at, status], i) => quote(`q${i}`, owner, `o${opp}`, at, { status, version: 1 + (i % 3) }))),
  orders: fc
    .array(
      fc.tuple(
        owners,
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom('draft', 'queued', 'acknowledged', 'rejected', 'failed' as const),
      ),
      {
        maxLength: 8,
      },
    )
    .map((rows) => rows.map(([owner, q, at, status], i) => order(`r${i}`, owner, `q${q}`, at, status))),
});

describe('salesMetrics properties', () => {
  it('keeps each funnel stage within the one before and every share between 0 and 1', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const { funnel, accuracy, cycle } = salesMetrics(records);
        expect(funnel.opportunities).toBeLessThanOrEqual(funnel.leads);
        expect(funnel.quoted).toBeLessThanOrEqual(funnel.opportunities);
        expect(funnel.ordered).toBeLessThanOrEqual(funnel.quoted);
        if (accuracy.share !== null) expect(accuracy.share).toBeGreaterThanOrEqual(0);
        if (accuracy.share !== null) expect(accuracy.share).toBeLessThanOrEqual(1);
        for (const stage of Object.values(cycle)) if (stage.medianDays !== null) expect(stage.medianDays).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('adds up per rep to the team: funnel counts, judged orders and pipeline value', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        // Each owner's references resolve among that owner's records only, as on a rep's laptop.
        const scoped: SalesRecords = {
          ...records,
          leads: records.leads.filter(
            (l) => !l.opportunityId || records.opportunities.some((o) => o.id === l.opportunityId && o.owner === l.owner),
          ),
          quotes: records.quotes.filter((q) => records.opportunities.some((o) => o.id === q.opportunityId && o.owner === q.owner)),
          orders: records.orders.filter((r) => records.quotes.some((q) => q.id === r.quoteId && q.owner === r.owner)),
        };
        const team = salesMetrics(scoped);
        const reps = [...byOwner(scoped).values()].map(salesMetrics);
        const sum = (pick: (m: (typeof reps)[number]) => number) => reps.reduce((total, m) => total + pick(m), 0);
        expect(sum((m) => m.funnel.leads)).toBe(team.funnel.leads);
        expect(sum((m) => m.funnel.ordered)).toBe(team.funnel.ordered);
        expect(sum((m) => m.accuracy.judged)).toBe(team.accuracy.judged);
        expect(sum((m) => m.pipeline.reduce((v, row) => v + row.value, 0))).toBe(team.pipeline.reduce((v, row) => v + row.value, 0));
      }),
    );
  });
});

describe('runSliced', () => {
  it('gives the figures of the one-go computation, pausing between slices', async () => {
    const many: SalesRecords = { ...RECORDS, leads: Array.from({ length: 2_500 }, (_, i) => lead(`m${i}`, 'alex', i % 9)) };
    let pauses = 0;
    // A clock that moves a millisecond per look with a 0 ms budget: a pause at every slice of records.
    let clock = 0;
    const sliced = await runSliced(
      salesMetricsSteps(many),
      async () => void pauses++,
      () => clock++,
      0,
    );
    expect(sliced).toEqual(salesMetrics(many));
    expect(pauses).toBe(10);
    expect(
      await runSliced(
        salesMetricsSteps(many),
        async () => undefined,
        () => clock++,
        0,
        () => true,
      ),
    ).toBeUndefined();
  });
});
