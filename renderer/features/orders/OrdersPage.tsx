import type { ListSpec } from '../../../shared/lists/listView';
import { formatCents } from '../../../shared/money';
import type { OrderDoc } from '../../../shared/schemas';
import type { Route } from '../../app/navigation';
import { useCollectionRows } from '../../data/hooks';
import { ListScreen, type ListScreenFilter } from '../common/ListScreen';
import { formatWhen } from '../common/sort';
import type { TableColumn } from '../common/VirtualTable';
import { newestKey } from '../leads/leadList';
import { statusLabel } from '../statusLabels';

function statusText(order: OrderDoc): string {
  return `${statusLabel(order.status)}${order.syncError ? ' (sync refused)' : ''}`;
}

const SPEC: ListSpec<OrderDoc> = {
  searchText: (o) => [o.accountName],
  filters: { status: (o) => o.status },
  sortValues: {
    account: (o) => o.accountName,
    status: statusText,
    oneTime: (o) => o.totals.oneTime,
    recurring: (o) => o.totals.recurring,
    submitted: (o) => o.submittedAt,
  },
  defaultOrder: newestKey,
  defaultDescending: true,
};

const COLUMNS: readonly TableColumn<OrderDoc>[] = [
  { id: 'account', header: 'Account', text: (o) => o.accountName, sortable: true },
  { id: 'status', header: 'Status', text: statusText, sortable: true },
  { id: 'oneTime', header: 'One-time', numeric: true, text: (o) => formatCents(o.totals.oneTime, o.totals.currency), sortable: true },
  { id: 'recurring', header: 'Monthly', numeric: true, text: (o) => formatCents(o.totals.recurring, o.totals.currency), sortable: true },
  { id: 'submitted', header: 'Submitted', text: (o) => formatWhen(o.submittedAt), sortable: true },
];

const ROW_ROUTE = (row: OrderDoc): Route => ({ page: 'order', id: row.id });
const OWNER_OF = (row: OrderDoc): string => row.owner;

const FILTERS: readonly ListScreenFilter[] = [{ id: 'status', label: 'Status', optionLabel: statusLabel }];

/** The rep's orders: drafts, queued ones waiting to sync, and those the central system owns. */
export function OrdersPage() {
  const { rows, loading } = useCollectionRows('orders');
  return (
    <ListScreen
      title="Orders"
      noun="orders"
      searchHint="account"
      spec={SPEC}
      rows={rows}
      loading={loading}
      columns={COLUMNS}
      filters={FILTERS}
      empty="No orders yet. Create one from an accepted quote."
      rowRoute={ROW_ROUTE}
      ownerOf={OWNER_OF}
    />
  );
}
