import { useMemo } from 'react';
import type { ListSpec } from '../../../shared/lists/listView';
import { formatCents } from '../../../shared/money';
import type { QuoteDoc } from '../../../shared/schemas';
import type { Route } from '../../app/navigation';
import { useCollectionRows } from '../../data/hooks';
import { ListScreen, type ListScreenFilter } from '../common/ListScreen';
import { byId } from '../common/sort';
import type { TableColumn } from '../common/VirtualTable';
import { newestKey } from '../leads/leadList';
import { statusLabel } from '../statusLabels';
import { ApprovalInbox } from './ApprovalInbox';
import { quoteTitle } from './quoteTitle';

/** A quote with its title and opportunity name, as the table shows them. */
interface QuoteRow {
  id: string;
  doc: QuoteDoc;
  title: string;
  opportunity: string;
}

const SPEC: ListSpec<QuoteRow> = {
  searchText: (r) => [r.title, r.opportunity],
  filters: { status: (r) => r.doc.status },
  sortValues: {
    title: (r) => r.title,
    opportunity: (r) => r.opportunity,
    status: (r) => statusLabel(r.doc.status),
    oneTime: (r) => r.doc.totals.oneTime,
    recurring: (r) => r.doc.totals.recurring,
  },
  defaultOrder: (r) => newestKey(r.doc),
  defaultDescending: true,
};

const COLUMNS: readonly TableColumn<QuoteRow>[] = [
  { id: 'title', header: 'Quote', text: (r) => r.title, sortable: true },
  { id: 'opportunity', header: 'Opportunity', text: (r) => r.opportunity || '—', sortable: true },
  { id: 'status', header: 'Status', text: (r) => statusLabel(r.doc.status), sortable: true },
  {
    id: 'oneTime',
    header: 'One-time',
    numeric: true,
    text: (r) => formatCents(r.doc.totals.oneTime, r.doc.totals.currency),
    sortable: true,
  },
  {
    id: 'recurring',
    header: 'Monthly',
    numeric: true,
    text: (r) => formatCents(r.doc.totals.recurring, r.doc.totals.currency),
    sortable: true,
  },
];

const ROW_ROUTE = (row: QuoteRow): Route => ({ page: 'quote', id: row.id });
const OWNER_OF = (row: QuoteRow): string => row.doc.owner;

const FILTERS: readonly ListScreenFilter[] = [{ id: 'status', label: 'Status', optionLabel: statusLabel }];

/** The rep's quotes with their status and totals. */
export function QuotesPage() {
  const quotes = useCollectionRows('quotes');
  const accounts = useCollectionRows('accounts').rows;
  const opportunities = useCollectionRows('opportunities').rows;
  const rows = useMemo(() => {
    const accountById = byId(accounts);
    const opportunityById = byId(opportunities);
    return quotes.rows.map((doc) => ({
      id: doc.id,
      doc,
      title: quoteTitle(doc, accountById.get(doc.accountId)?.name),
      opportunity: opportunityById.get(doc.opportunityId)?.name ?? '',
    }));
  }, [quotes.rows, accounts, opportunities]);
  return (
    <ListScreen
      title="Quotes"
      noun="quotes"
      searchHint="quote or opportunity"
      spec={SPEC}
      rows={rows}
      loading={quotes.loading}
      columns={COLUMNS}
      filters={FILTERS}
      empty="No quotes yet. Create one from an opportunity."
      rowRoute={ROW_ROUTE}
      intro={<ApprovalInbox quotes={rows} />}
      ownerOf={OWNER_OF}
    />
  );
}
