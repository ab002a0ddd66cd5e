import { formatCents } from '../../../shared/money';
import { useNavigation } from '../../app/navigation';
import { useDocuments } from '../../data/hooks';
import { Loading } from '../common/Loading';
import { formatWhen, newestFirst } from '../common/sort';
import { statusLabel } from '../statusLabels';

/** The rep's orders: drafts, queued ones waiting to sync, and those the central system owns. */
export function OrdersPage() {
  const { navigate } = useNavigation();
  const orders = useDocuments('orders');
  return (
    <div className="screen">
      <div className="screen-header">
        <h1>Orders</h1>
      </div>
      {orders === undefined ? (
        <Loading />
      ) : orders.length === 0 ? (
        <p className="empty">No orders yet. Create one from an accepted quote.</p>
      ) : (
        <table className="data-table" aria-label="Orders">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">One-time</th>
              <th scope="col" className="num">Monthly</th>
              <th scope="col">Submitted</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst(orders).map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => navigate({ page: 'order', id: o.id })}>
                    {o.accountName}
                  </button>
                </th>
                <td>
                  {statusLabel(o.status)}
                  {o.syncError ? ' (sync refused)' : ''}
                </td>
                <td className="num">{formatCents(o.totals.oneTime, o.totals.currency)}</td>
                <td className="num">{formatCents(o.totals.recurring, o.totals.currency)}</td>
                <td>{formatWhen(o.submittedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
