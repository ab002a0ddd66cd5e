import { formatCents } from '../../../shared/money';
import type { CycleStage, PipelineStage } from '../../../shared/dashboard/salesMetrics';

/** The figures as the dashboard's tables and charts print them; "—" where there is nothing to divide. */
export function percentText(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}

export function daysText(days: number | null): string {
  return days === null ? '—' : `${days.toFixed(1)} days`;
}

export function countText(count: number): string {
  return count.toLocaleString('en-US');
}

export function moneyText(cents: number): string {
  return formatCents(cents, 'USD');
}

export const CYCLE_LABELS: Record<CycleStage, string> = {
  leadToOpportunity: 'Lead to opportunity',
  opportunityToQuote: 'Opportunity to first quote',
  quoteToOrder: 'First quote to order',
  leadToOrder: 'Lead to order (whole cycle)',
};

export const PIPELINE_LABELS: Record<PipelineStage, string> = {
  qualifying: 'Qualifying (no open quote)',
  quoting: 'Quoting (in progress or awaiting approval)',
  approved: 'Approved, with the customer',
  accepted: 'Accepted, to be ordered',
};

/** Short stage names for the chart's axis. */
export const PIPELINE_SHORT: Record<PipelineStage, string> = {
  qualifying: 'Qualifying',
  quoting: 'Quoting',
  approved: 'Approved',
  accepted: 'Accepted',
};
