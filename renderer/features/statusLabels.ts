import type { LeadStatus } from '../../shared/schemas/lead.schema';
import type { OpportunityStatus } from '../../shared/schemas/opportunity.schema';
import type { OrderStatus } from '../../shared/schemas/order.schema';
import type { QuoteStatus } from '../../shared/schemas/quote.schema';

export type AnyStatus = LeadStatus | OpportunityStatus | QuoteStatus | OrderStatus;

/** Every status of every lifecycle, as a rep reads it. One table so all screens agree. */
const LABELS: Record<AnyStatus, string> = {
  draft: 'Draft',
  validated: 'Validated',
  queued: 'Queued',
  acknowledged: 'Acknowledged',
  inProgress: 'In progress',
  pending: 'Pending',
  held: 'Held',
  approved: 'Approved',
  accepted: 'Accepted',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  completed: 'Completed',
  failed: 'Failed',
  partial: 'Partial',
  assessingCancellation: 'Assessing cancellation',
  pendingCancellation: 'Pending cancellation',
};

/**
 * A status value in words ("inProgress" -> "In progress"). Unknown values (e.g. a state
 * a newer central system sends) are split at capitals rather than shown raw.
 */
export function statusLabel(status: string | undefined | null): string {
  if (!status) return '—';
  if (Object.prototype.hasOwnProperty.call(LABELS, status)) return LABELS[status as AnyStatus];
  const words = status
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
