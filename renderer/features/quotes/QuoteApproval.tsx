import { useState } from 'react';
import { requiredApprover } from '../../../shared/machines/quote.machine';
import { approverText, discountDecision, type DiscountPolicy } from '../../../shared/quotes/discountPolicy';
import type { QuoteDoc } from '../../../shared/schemas';
import type { QuoteEditorState } from './useQuoteEditor';

export interface QuoteApprovalProps {
  quote: QuoteDoc;
  editor: Pick<QuoteEditorState, 'decides' | 'canApprove' | 'canSendBack' | 'approve' | 'sendBack'>;
  /** The quote waits in pending for its approver. */
  waiting: boolean;
  /** The discount policy in force (synced, or the default). */
  policy: DiscountPolicy;
}

/** Who must approve the quote and why; the approver's decision with a comment; the answer the rep gets. */
export function QuoteApproval({ quote, editor, waiting, policy }: QuoteApprovalProps) {
  const [comment, setComment] = useState('');
  const needed = requiredApprover(quote, policy);
  const discount = discountDecision(quote, policy);
  const why = discount.approver === needed && discount.depth > 0 ? `: ${discount.text}` : '';
  const answer = quote.approvalDecision;

  return (
    <>
      {waiting && editor.decides ? (
        <div className="section">
          <p className="muted">This quote is above the rep's approval authority and waits for your decision{why}.</p>
          <div className="field">
            <label className="field-label" htmlFor="approval-comment">
              Comment for the rep
            </label>
            <textarea id="approval-comment" className="field-input" value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          <div className="screen-actions">
            <button type="button" className="button button--primary" disabled={!editor.canApprove} onClick={() => editor.approve(comment)}>
              Approve
            </button>
            <button type="button" className="button" disabled={!editor.canSendBack} onClick={() => editor.sendBack(comment)}>
              Send back
            </button>
          </div>
        </div>
      ) : null}
      {waiting && !editor.decides ? (
        <p className="muted">
          {needed === 'director' ? 'Waiting for the sales director to approve this quote' : 'Waiting for a manager to approve this quote.'}
          {needed === 'director' ? `${why || ` (${approverText(needed)})`}.` : null}
        </p>
      ) : null}
      {answer ? (
        <p className="status-text" role="status">
          {answer.outcome === 'approved' ? 'Approved' : 'Sent back'} by {answer.by}
          {answer.comment ? `: “${answer.comment}”` : ''}
        </p>
      ) : null}
    </>
  );
}
