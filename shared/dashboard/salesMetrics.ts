/**
 * The dashboard's figures (seed 000: conversion rates, cycle times, order accuracy, pipeline),
 * computed from the records on the laptop. Pure: the screen hands in plain documents and gets
 * numbers back. One pass over each collection with Map look-ups, so 50k leads cost a few
 * milliseconds, not a join per lead.
 */
import type { LeadDoc, OpportunityDoc, OrderDoc, QuoteDoc } from '../schemas';
import { ORDER_TMF_STATES } from '../schemas/order.schema';

export type LeadFacts = Pick<LeadDoc, 'id' | 'owner' | 'createdAt' | 'opportunityId'>;
export type OpportunityFacts = Pick<OpportunityDoc, 'id' | 'owner' | 'createdAt' | 'leadId' | 'status' | 'expectedAmount'>;
export type QuoteFacts = Pick<QuoteDoc, 'id' | 'owner' | 'createdAt' | 'opportunityId' | 'version' | 'status' | 'totals'>;
export type OrderFacts = Pick<
  OrderDoc,
  'id' | 'owner' | 'createdAt' | 'opportunityId' | 'quoteId' | 'status' | 'submittedAt' | 'syncError' | 'partialAcceptanceNoted'
>;

export interface SalesRecords {
  leads: readonly LeadFacts[];
  opportunities: readonly OpportunityFacts[];
  quotes: readonly QuoteFacts[];
  orders: readonly OrderFacts[];
}

/** Lead → opportunity → quote → order, counted over the leads: each stage is a subset of the one before. */
export interface Funnel {
  leads: number;
  opportunities: number;
  quoted: number;
  ordered: number;
}

export const CYCLE_STAGES = ['leadToOpportunity', 'opportunityToQuote', 'quoteToOrder', 'leadToOrder'] as const;
export type CycleStage = (typeof CYCLE_STAGES)[number];

/** Median days of one stage over the records that went through it; null when none did. */
export interface StageTime {
  medianDays: number | null;
  count: number;
}

export interface OrderAccuracy {
  /** Orders the central system has answered (acknowledged onwards, or refused). */
  judged: number;
  rejected: number;
  /** Acknowledged, then failed in fulfillment (failed, partial unless the central system noted its acceptance). */
  fallOut: number;
  /** (judged − rejected − fall-out) / judged; null while nothing is judged. */
  share: number | null;
}

export const PIPELINE_STAGES = ['qualifying', 'quoting', 'approved', 'accepted'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export interface PipelineRow {
  stage: PipelineStage;
  count: number;
  /** Cents (USD). */
  value: number;
}

export interface SalesMetrics {
  funnel: Funnel;
  cycle: Record<CycleStage, StageTime>;
  accuracy: OrderAccuracy;
  pipeline: PipelineRow[];
}

const DAY_MS = 86_400_000;
/** An order the rep has not submitted yet is no order of the funnel. */
const UNSUBMITTED = new Set<string>(['draft', 'validated']);
const CENTRAL_ANSWERED = new Set<string>(ORDER_TMF_STATES);
const FALL_OUT = new Set<string>(['failed', 'partial']);
const CLOSED_OPPORTUNITY = new Set<string>(['accepted', 'rejected', 'cancelled']);

/** Median of the values (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
};

/**
 * Milliseconds of a timestamp. The records' own form (`2026-11-20T10:00:00.000Z`, what toISOString
 * writes) is read digit by digit: Date.parse was most of the time at 50k records. Anything else
 * goes to Date.parse.
 */
function time(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  if (iso.length === 24 && iso[4] === '-' && iso[10] === 'T' && iso[19] === '.' && iso[23] === 'Z') {
    const t = Date.UTC(
      digits(iso, 0, 4),
      digits(iso, 5, 7) - 1,
      digits(iso, 8, 10),
      digits(iso, 11, 13),
      digits(iso, 14, 16),
      digits(iso, 17, 19),
      digits(iso, 20, 23),
    );
    if (!Number.isNaN(t)) return t;
  }
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/** Days from one moment to a later one; a negative span (clocks disagreeing) is left out. */
function pushDays(into: number[], from: number | undefined, to: number | undefined): void {
  if (from === undefined || to === undefined || to < from) return;
  into.push((to - from) / DAY_MS);
}

/** Orders that count as placed: submitted by the rep (queued or answered by the central system). */
export function isPlaced(order: Pick<OrderFacts, 'status'>): boolean {
  return !UNSUBMITTED.has(order.status);
}

/** An opportunity's value: its latest quote's first-year value (one-time + 12 × monthly), else the expected amount. */
export function opportunityValue(opportunity: OpportunityFacts, latestQuote: QuoteFacts | undefined): number {
  if (latestQuote) return latestQuote.totals.oneTime + 12 * latestQuote.totals.recurring;
  return Math.round((opportunity.expectedAmount ?? 0) * 100);
}

interface OpportunityIndex {
  firstQuoteAt: Map<string, number>;
  latestQuote: Map<string, QuoteFacts>;
  firstOrderAt: Map<string, number>;
  ordered: Set<string>;
}

/** Records handled between two pauses of the sliced computation. */
const SLICE = 250;

function* indexByOpportunity(quotes: readonly QuoteFacts[], orders: readonly OrderFacts[]): Generator<void, OpportunityIndex> {
  let step = 0;
  const firstQuoteAt = new Map<string, number>();
  const latestQuote = new Map<string, QuoteFacts>();
  const quoteOpportunity = new Map<string, string>();
  for (const quote of quotes) {
    if (++step % SLICE === 0) yield;
    quoteOpportunity.set(quote.id, quote.opportunityId);
    const at = time(quote.createdAt);
    const first = firstQuoteAt.get(quote.opportunityId);
    if (at !== undefined && (first === undefined || at < first)) firstQuoteAt.set(quote.opportunityId, at);
    const latest = latestQuote.get(quote.opportunityId);
    if (!latest || quote.version > latest.version) latestQuote.set(quote.opportunityId, quote);
  }
  const firstOrderAt = new Map<string, number>();
  const ordered = new Set<string>();
  for (const order of orders) {
    if (++step % SLICE === 0) yield;
    if (!isPlaced(order)) continue;
    // A direct order has no quote: it counts for the funnel only through its own opportunity, if any.
    const opportunityId = order.opportunityId ?? (order.quoteId === undefined ? undefined : quoteOpportunity.get(order.quoteId));
    if (!opportunityId) continue;
    ordered.add(opportunityId);
    const at = time(order.submittedAt ?? order.createdAt);
    const first = firstOrderAt.get(opportunityId);
    if (at !== undefined && (first === undefined || at < first)) firstOrderAt.set(opportunityId, at);
  }
  return { firstQuoteAt, latestQuote, firstOrderAt, ordered };
}

/** Pipeline stage of an open opportunity, from its latest quote. */
function stageOf(latest: QuoteFacts | undefined): PipelineStage | null {
  if (!latest) return 'qualifying';
  switch (latest.status) {
    case 'inProgress':
    case 'pending':
      return 'quoting';
    case 'approved':
      return 'approved';
    case 'accepted':
      return 'accepted';
    default:
      // A rejected or cancelled latest quote leaves the opportunity to be quoted again.
      return 'qualifying';
  }
}

/** Share of answered orders that were acknowledged and did not fall out. */
export function orderAccuracy(orders: readonly OrderFacts[]): OrderAccuracy {
  let judged = 0;
  let rejected = 0;
  let fallOut = 0;
  for (const order of orders) {
    // A queued order the central system refused (validation) is a rejection it answered.
    const refused = order.status === 'queued' && order.syncError !== undefined;
    if (!CENTRAL_ANSWERED.has(order.status) && !refused) continue;
    judged++;
    if (refused || order.status === 'rejected') rejected++;
    // A partial delivery the rep accepted (and the central system noted) is what the customer wanted now.
    else if (FALL_OUT.has(order.status) && order.partialAcceptanceNoted === undefined) fallOut++;
  }
  return { judged, rejected, fallOut, share: judged === 0 ? null : (judged - rejected - fallOut) / judged };
}

/** Every figure of the dashboard over one set of records (one rep's, or a team's), in one go. */
export function salesMetrics(records: SalesRecords): SalesMetrics {
  const steps = salesMetricsSteps(records);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The same, pausing every SLICE records, so a screen can spread it over several short tasks
 * (`runSliced`) instead of one long one at tier M.
 */
export function* salesMetricsSteps(records: SalesRecords): Generator<void, SalesMetrics> {
  const index = yield* indexByOpportunity(records.quotes, records.orders);
  let step = 0;
  const opportunityById = new Map<string, OpportunityFacts>();
  const createdAt = new Map<string, number | undefined>();
  for (const opportunity of records.opportunities) {
    if (++step % SLICE === 0) yield;
    opportunityById.set(opportunity.id, opportunity);
    createdAt.set(opportunity.id, time(opportunity.createdAt));
  }

  const funnel: Funnel = { leads: 0, opportunities: 0, quoted: 0, ordered: 0 };
  const days: Record<CycleStage, number[]> = { leadToOpportunity: [], opportunityToQuote: [], quoteToOrder: [], leadToOrder: [] };
  for (const lead of records.leads) {
    if (++step % SLICE === 0) yield;
    funnel.leads++;
    const opportunity = lead.opportunityId ? opportunityById.get(lead.opportunityId) : undefined;
    if (!opportunity) continue;
    funnel.opportunities++;
    if (index.firstQuoteAt.has(opportunity.id)) funnel.quoted++;
    if (index.firstQuoteAt.has(opportunity.id) && index.ordered.has(opportunity.id)) funnel.ordered++;
    const leadAt = time(lead.createdAt);
    pushDays(days.leadToOpportunity, leadAt, createdAt.get(opportunity.id));
    pushDays(days.leadToOrder, leadAt, index.firstOrderAt.get(opportunity.id));
  }
  // Opportunity and quote stages also count opportunities started from an account (no lead).
  const pipeline = new Map<PipelineStage, PipelineRow>(PIPELINE_STAGES.map((stage) => [stage, { stage, count: 0, value: 0 }]));
  for (const opportunity of records.opportunities) {
    if (++step % SLICE === 0) yield;
    const created = createdAt.get(opportunity.id);
    const quoted = index.firstQuoteAt.get(opportunity.id);
    pushDays(days.opportunityToQuote, created, quoted);
    pushDays(days.quoteToOrder, quoted, index.firstOrderAt.get(opportunity.id));
    if (CLOSED_OPPORTUNITY.has(opportunity.status) || index.ordered.has(opportunity.id)) continue;
    const latest = index.latestQuote.get(opportunity.id);
    const stage = stageOf(latest);
    if (!stage) continue;
    const row = pipeline.get(stage)!;
    row.count++;
    row.value += opportunityValue(opportunity, latest);
  }
  const cycle = Object.fromEntries(
    CYCLE_STAGES.map((stage) => [stage, { medianDays: median(days[stage]), count: days[stage].length }]),
  ) as Record<CycleStage, StageTime>;
  return { funnel, cycle, accuracy: orderAccuracy(records.orders), pipeline: [...pipeline.values()] };
}

/** Conversion rates of the funnel: each stage over the one before, and orders over leads; null over zero. */
export function conversionRates(funnel: Funnel): {
  toOpportunity: number | null;
  toQuote: number | null;
  toOrder: number | null;
  overall: number | null;
} {
  const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    toOpportunity: rate(funnel.opportunities, funnel.leads),
    toQuote: rate(funnel.quoted, funnel.opportunities),
    toOrder: rate(funnel.ordered, funnel.quoted),
    overall: rate(funnel.ordered, funnel.leads),
  };
}

/** The records split by owner, for a manager's per-rep figures. */
export function byOwner(records: SalesRecords): Map<string, SalesRecords> {
  const split = new Map<string, { leads: LeadFacts[]; opportunities: OpportunityFacts[]; quotes: QuoteFacts[]; orders: OrderFacts[] }>();
  const of = (owner: string) => {
    let bucket = split.get(owner);
    if (!bucket) {
      bucket = { leads: [], opportunities: [], quotes: [], orders: [] };
      split.set(owner, bucket);
    }
    return bucket;
  };
  for (const lead of records.leads) of(lead.owner).leads.push(lead);
  for (const opportunity of records.opportunities) of(opportunity.owner).opportunities.push(opportunity);
  for (const quote of records.quotes) of(quote.owner).quotes.push(quote);
  for (const order of records.orders) of(order.owner).orders.push(order);
  return new Map([...split.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
