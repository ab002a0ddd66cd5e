import { formatCents } from '../../../shared/money';
import { useNavigation } from '../../app/navigation';
import { useDocuments } from '../../data/hooks';
import { Loading } from '../common/Loading';
import { byId, newestFirst } from '../common/sort';
import { statusLabel } from '../statusLabels';
import { quoteTitle } from './quoteTitle';

/** The rep's quotes with their status and totals. */
export function QuotesPage() {
  const { navigate } = useNavigation();
  const quotes = useDocuments('quotes');
  const accounts = byId(useDocuments('accounts'));
  const opportunities = byId(useDocuments('opportunities'));
  return (
    <div className="screen">
      <div className="screen-header">
        <h1>Quotes</h1>
      </div>
      {quotes === undefined ? (
        <Loading />
      ) : quotes.length === 0 ? (
        <p className="empty">No quotes yet. Create one from an opportunity.</p>
      ) : (
        <table className="data-table" aria-label="Quotes">
          <thead>
            <tr>
              <th scope="col">Quote</th>
              <th scope="col">Opportunity</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">One-time</th>
              <th scope="col" className="num">Monthly</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst(quotes).map((q) => (
              <tr key={q.id}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => navigate({ page: 'quote', id: q.id })}>
                    {quoteTitle(q, accounts.get(q.accountId)?.name)}
                  </button>
                </th>
                <td>{opportunities.get(q.opportunityId)?.name ?? '—'}</td>
                <td>{statusLabel(q.status)}</td>
                <td className="num">{formatCents(q.totals.oneTime, q.totals.currency)}</td>
                <td className="num">{formatCents(q.totals.recurring, q.totals.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
