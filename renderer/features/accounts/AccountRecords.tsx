import { formatCents } from '../../../shared/money';
import type { AccountDoc } from '../../../shared/schemas';
import { useNavigation } from '../../app/navigation';
import type { Route } from '../../app/routes';
import { useDocuments } from '../../data/hooks';
import { Loading } from '../common/Loading';
import { newestFirst } from '../common/sort';
import { quoteTitle } from '../quotes/quoteTitle';
import { statusLabel } from '../statusLabels';

/** Opportunities that are still being worked on (TMF699: not yet won, lost or cancelled). */
const CLOSED_OPPORTUNITY = new Set(['accepted', 'rejected', 'cancelled']);

interface Row {
  id: string;
  name: string;
  route: Route;
  cells: string[];
}

function RecordTable({
  id,
  title,
  label,
  empty,
  headers,
  rows,
}: {
  id: string;
  title: string;
  label: string;
  empty: string;
  headers: string[];
  rows: Row[] | undefined;
}) {
  const { navigate } = useNavigation();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows === undefined ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <table className="data-table" aria-label={label}>
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => navigate(row.route)}>
                    {row.name}
                  </button>
                </th>
                {row.cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The account's open opportunities, its quotes and its orders, each opening its own screen. */
export function AccountRecords({ account }: { account: AccountDoc }) {
  const selector = { selector: { accountId: account.id } };
  const opportunities = useDocuments('opportunities', selector);
  const quotes = useDocuments('quotes', selector);
  const orders = useDocuments('orders', selector);
  const money = (cents: number, currency: string) => formatCents(cents, currency);
  return (
    <>
      <RecordTable
        id="account-opportunities"
        title="Open opportunities"
        label="Open opportunities of this account"
        empty="No open opportunities."
        headers={['Opportunity', 'Status']}
        rows={opportunities
          ?.filter((o) => !CLOSED_OPPORTUNITY.has(o.status))
          .map((o) => ({ id: o.id, name: o.name, route: { page: 'opportunity', id: o.id }, cells: [statusLabel(o.status)] }))}
      />
      <RecordTable
        id="account-quotes"
        title="Quotes"
        label="Quotes of this account"
        empty="No quotes yet."
        headers={['Quote', 'Status', 'One-time', 'Monthly']}
        rows={
          quotes &&
          newestFirst(quotes).map((q) => ({
            id: q.id,
            name: quoteTitle(q, account.name),
            route: { page: 'quote', id: q.id },
            cells: [statusLabel(q.status), money(q.totals.oneTime, q.totals.currency), money(q.totals.recurring, q.totals.currency)],
          }))
        }
      />
      <RecordTable
        id="account-orders"
        title="Orders"
        label="Orders of this account"
        empty="No orders yet."
        headers={['Order', 'Status', 'One-time', 'Monthly']}
        rows={
          orders &&
          newestFirst(orders).map((o) => ({
            id: o.id,
            name: `Order of ${o.createdAt.slice(0, 10)}`,
            route: { page: 'order', id: o.id },
            cells: [statusLabel(o.status), money(o.totals.oneTime, o.totals.currency), money(o.totals.recurring, o.totals.currency)],
          }))
        }
      />
    </>
  );
}
