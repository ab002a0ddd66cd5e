import type { AccountDoc, OrderDoc } from '../../../shared/schemas';
import { useNavigation } from '../../app/navigation';
import type { QuoteEditorState } from './useQuoteEditor';

/**
 * "Create order" on an accepted quote (or "Open order" once it has one, so a quote is not
 * ordered twice by a second click). Enabled when the quote editor machine accepts `editor.createOrder`.
 */
export function CreateOrderButton({
  editor,
  account,
  existing,
}: {
  editor: QuoteEditorState;
  account: AccountDoc | null | undefined;
  existing: OrderDoc | undefined;
}) {
  const { navigate } = useNavigation();

  if (existing) {
    return (
      <button type="button" className="button button--primary" onClick={() => navigate({ page: 'order', id: existing.id })}>
        Open order
      </button>
    );
  }

  return (
    <>
      <button type="button" className="button button--primary" disabled={!editor.canCreateOrder} onClick={editor.createOrder}>
        Create order
      </button>
      {account === null ? <p className="notice notice--warning">The quote's account is not on this laptop yet.</p> : null}
    </>
  );
}
