import { useMemo } from 'react';
import type { ListSpec } from '../../../shared/lists/listView';
import type { AccountDoc } from '../../../shared/schemas';
import { useNavigate, type Route } from '../../app/navigation';
import { useCollectionRows } from '../../data/hooks';
import { ListScreen, type ListScreenFilter } from '../common/ListScreen';
import { byId } from '../common/sort';
import type { TableColumn } from '../common/VirtualTable';
import { creditLimitText, siteCities } from './accountDisplay';

/** An account with what the list shows and searches beside its own fields. */
interface AccountRow {
  id: string;
  doc: AccountDoc;
  parent: string;
  cities: string;
  contacts: string[];
}

const SPEC: ListSpec<AccountRow> = {
  searchText: (r) => [r.doc.name, r.doc.industry ?? '', r.parent, r.cities, ...r.contacts],
  filters: { industry: (r) => r.doc.industry ?? '', country: (r) => r.doc.country },
  sortValues: {
    name: (r) => r.doc.name,
    industry: (r) => r.doc.industry ?? '',
    parent: (r) => r.parent,
    sites: (r) => r.cities,
    credit: (r) => String(r.doc.creditLimit ?? -1).padStart(16, '0'),
  },
  defaultOrder: (r) => r.doc.name.toLowerCase(),
  defaultDescending: false,
};

const COLUMNS: readonly TableColumn<AccountRow>[] = [
  { id: 'name', header: 'Account', text: (r) => r.doc.name, sortable: true },
  { id: 'industry', header: 'Industry', text: (r) => r.doc.industry || '—', sortable: true },
  { id: 'parent', header: 'Parent account', text: (r) => r.parent || '—', sortable: true },
  { id: 'sites', header: 'Sites', text: (r) => r.cities || '—', sortable: true },
  { id: 'credit', header: 'Credit limit', text: (r) => creditLimitText(r.doc), sortable: true },
];

const FILTERS: readonly ListScreenFilter[] = [
  { id: 'industry', label: 'Industry', optionLabel: (v) => v || 'Not given' },
  { id: 'country', label: 'Country' },
];

/** The rep's customer accounts, searchable by name, industry, parent, site city or contact. */
const ROW_ROUTE = (row: AccountRow): Route => ({ page: 'account', id: row.id });
const OWNER_OF = (row: AccountRow): string => row.doc.owner;

export function AccountsPage() {
  const navigate = useNavigate();
  const accounts = useCollectionRows('accounts');
  const contacts = useCollectionRows('contacts').rows;
  const rows = useMemo(() => {
    const accountById = byId(accounts.rows);
    const contactsOf = new Map<string, string[]>();
    for (const c of contacts) contactsOf.set(c.accountId, [...(contactsOf.get(c.accountId) ?? []), c.name]);
    return accounts.rows.map((doc) => ({
      id: doc.id,
      doc,
      parent: (doc.parentAccountId && accountById.get(doc.parentAccountId)?.name) || '',
      cities: siteCities(doc),
      contacts: contactsOf.get(doc.id) ?? [],
    }));
  }, [accounts.rows, contacts]);
  return (
    <ListScreen
      title="Accounts"
      noun="accounts"
      searchHint="account, industry, parent, city or contact"
      spec={SPEC}
      rows={rows}
      loading={accounts.loading}
      columns={COLUMNS}
      filters={FILTERS}
      empty="No accounts yet. Create one with “New account”, or convert a qualified lead."
      actions={
        <button type="button" className="button button--primary" onClick={() => navigate({ page: 'newAccount' })}>
          New account
        </button>
      }
      rowRoute={ROW_ROUTE}
      ownerOf={OWNER_OF}
    />
  );
}
