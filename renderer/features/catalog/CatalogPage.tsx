import { useMemo } from 'react';
import { offeringSearchText, priceSummary, type PriceSummary } from '../../../shared/catalog/catalogView';
import type { ListSpec } from '../../../shared/lists/listView';
import { formatCents } from '../../../shared/money';
import type { OfferingDoc } from '../../../shared/schemas';
import type { Route } from '../../app/navigation';
import { useCollectionRows } from '../../data/hooks';
import { ListScreen, type ListScreenFilter } from '../common/ListScreen';
import type { TableColumn } from '../common/VirtualTable';

interface OfferingRow {
  id: string;
  doc: OfferingDoc;
  summary: PriceSummary;
}

const from = (cents: number | null, currency: string) => (cents === null ? '—' : `from ${formatCents(cents, currency)}`);
const amountKey = (cents: number | null) => String(cents ?? -1).padStart(14, '0');

const SPEC: ListSpec<OfferingRow> = {
  searchText: (r) => offeringSearchText(r.doc),
  filters: { category: (r) => r.doc.category, lifecycle: (r) => r.doc.lifecycleStatus },
  sortValues: {
    name: (r) => r.doc.name,
    category: (r) => r.doc.category,
    oneTime: (r) => amountKey(r.summary.oneTimeFrom),
    monthly: (r) => amountKey(r.summary.recurringFrom),
  },
  // By category, then name: the catalog as a rep browses it.
  defaultOrder: (r) => `${r.doc.category}\u0001${r.doc.name}`.toLowerCase(),
  defaultDescending: false,
};

const COLUMNS: readonly TableColumn<OfferingRow>[] = [
  { id: 'name', header: 'Offering', text: (r) => `${r.doc.name}${r.doc.isBundle ? ' (bundle)' : ''}`, sortable: true },
  { id: 'category', header: 'Category', text: (r) => r.doc.category, sortable: true },
  { id: 'oneTime', header: 'One-time', text: (r) => from(r.summary.oneTimeFrom, r.summary.currency), sortable: true },
  { id: 'monthly', header: 'Monthly', text: (r) => from(r.summary.recurringFrom, r.summary.currency), sortable: true },
  { id: 'lifecycle', header: 'Status', text: (r) => r.doc.lifecycleStatus },
];

const FILTERS: readonly ListScreenFilter[] = [
  { id: 'category', label: 'Category' },
  { id: 'lifecycle', label: 'Status' },
];

/** The local catalog copy by category: searchable, with from-prices; works offline. */
const ROW_ROUTE = (row: OfferingRow): Route => ({ page: 'offering', id: row.id });

export function CatalogPage() {
  const offerings = useCollectionRows('offerings');
  const rows = useMemo(() => offerings.rows.map((doc) => ({ id: doc.id, doc, summary: priceSummary(doc) })), [offerings.rows]);
  const version = offerings.rows[0]?.catalogVersion;
  return (
    <ListScreen
      title="Catalog"
      noun="offerings"
      searchHint="offering, category, description or option"
      spec={SPEC}
      rows={rows}
      loading={offerings.loading}
      columns={COLUMNS}
      filters={FILTERS}
      empty="The product catalog has not synced to this laptop yet."
      actions={version ? <p className="muted">Catalog version {version}</p> : undefined}
      rowRoute={ROW_ROUTE}
    />
  );
}
