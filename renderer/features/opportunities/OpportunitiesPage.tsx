import { useMemo } from 'react';
import type { ListSpec } from '../../../shared/lists/listView';
import type { OpportunityDoc } from '../../../shared/schemas';
import type { Route } from '../../app/navigation';
import { useCollectionRows } from '../../data/hooks';
import { ListScreen, type ListScreenFilter } from '../common/ListScreen';
import { byId } from '../common/sort';
import type { TableColumn } from '../common/VirtualTable';
import { newestKey } from '../leads/leadList';
import { statusLabel } from '../statusLabels';

/** An opportunity with the names of its account and contact, as the table shows them. */
interface OpportunityRow {
  id: string;
  doc: OpportunityDoc;
  account: string;
  contact: string;
}

const SPEC: ListSpec<OpportunityRow> = {
  searchText: (r) => [r.doc.name, r.account, r.contact],
  filters: { status: (r) => r.doc.status },
  sortValues: {
    name: (r) => r.doc.name,
    account: (r) => r.account,
    contact: (r) => r.contact,
    status: (r) => statusLabel(r.doc.status),
  },
  defaultOrder: (r) => newestKey(r.doc),
  defaultDescending: true,
};

const COLUMNS: readonly TableColumn<OpportunityRow>[] = [
  { id: 'name', header: 'Opportunity', text: (r) => r.doc.name, sortable: true },
  { id: 'account', header: 'Account', text: (r) => r.account || '—', sortable: true },
  { id: 'contact', header: 'Contact', text: (r) => r.contact || '—', sortable: true },
  { id: 'status', header: 'Status', text: (r) => statusLabel(r.doc.status), sortable: true },
];

const ROW_ROUTE = (row: OpportunityRow): Route => ({ page: 'opportunity', id: row.id });
const OWNER_OF = (row: OpportunityRow): string => row.doc.owner;

const FILTERS: readonly ListScreenFilter[] = [{ id: 'status', label: 'Status', optionLabel: statusLabel }];

/** Opportunities converted from the rep's leads. */
export function OpportunitiesPage() {
  const opportunities = useCollectionRows('opportunities');
  const accounts = useCollectionRows('accounts').rows;
  const contacts = useCollectionRows('contacts').rows;
  const rows = useMemo(() => {
    const accountById = byId(accounts);
    const contactById = byId(contacts);
    return opportunities.rows.map((doc) => ({
      id: doc.id,
      doc,
      account: accountById.get(doc.accountId)?.name ?? '',
      contact: (doc.contactId && contactById.get(doc.contactId)?.name) || '',
    }));
  }, [opportunities.rows, accounts, contacts]);
  return (
    <ListScreen
      title="Opportunities"
      noun="opportunities"
      searchHint="opportunity, account or contact"
      spec={SPEC}
      rows={rows}
      loading={opportunities.loading}
      columns={COLUMNS}
      filters={FILTERS}
      empty="No opportunities yet. Convert a qualified lead to create one."
      rowRoute={ROW_ROUTE}
      ownerOf={OWNER_OF}
    />
  );
}
