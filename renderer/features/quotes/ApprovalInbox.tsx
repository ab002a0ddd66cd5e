import { useMemo } from 'react';
import { requiredApprover } from '../../../shared/machines/quote.machine';
import { formatCents } from '../../../shared/money';
import { approverText, discountDecision } from '../../../shared/quotes/discountPolicy';
import type { QuoteDoc } from '../../../shared/schemas';
import { RouteLink } from '../../app/navigation';
import { useOutpost } from '../../app/OutpostContext';
import { actorOf } from '../session/actor';
import { canQuote } from './quoteActions';
import { useDiscountPolicy } from './useDiscountPolicy';

/**
 * A manager's approval requests: the reps' pending quotes this user may decide (the quote
 * machine's role rules and the discount policy say who), with why each needs them. Works offline;
 * decisions sync like any change. Nothing is shown to a user who decides nothing.
 */
export function ApprovalInbox({ quotes }: { quotes: readonly { id: string; doc: QuoteDoc; title: string }[] }) {
  const { user } = useOutpost();
  const actor = useMemo(() => actorOf(user), [user]);
  const inForce = useDiscountPolicy();
  const policy = inForce?.policy;
  const requests = useMemo(
    () => quotes.filter((q) => canQuote(q.doc, { type: 'quote.approve' }, actor, policy ? { policy } : undefined)),
    [quotes, actor, policy],
  );
  if (user.role !== 'manager' || !policy) return null;
  return (
    <section className="section" aria-labelledby="approval-inbox-heading">
      <h2 id="approval-inbox-heading">Approval requests</h2>
      {requests.length === 0 ? (
        <p className="muted">No quotes wait for your approval.</p>
      ) : (
        <ul aria-label="Approval requests">
          {requests.map(({ id, doc, title }) => {
            const decision = discountDecision(doc, policy);
            const why =
              decision.depth > 0
                ? decision.text
                : `monthly total ${formatCents(doc.totals.recurring, doc.totals.currency)} needs ${approverText(requiredApprover(doc, policy))}`;
            return (
              <li key={id}>
                <RouteLink route={{ page: 'quote', id }}>{title}</RouteLink> — from {doc.owner}: {why}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
