import { useState } from 'react';
import type { LeadDoc } from '../../../shared/schemas';
import { LeadImport } from './LeadImport';
import { useNavigate, type Route } from '../../app/navigation';
import { useCollectionRows } from '../../data/hooks';
import type { ListScreenFilter } from '../common/ListScreen';
import { ListScreen } from '../common/ListScreen';
import { useHeldWhile } from '../common/useHeldWhile';
import type { TableColumn } from '../common/VirtualTable';
import { statusLabel } from '../statusLabels';
import { orDash, qualifiedText } from './leadDisplay';
import { leadListSpec } from './leadList';

const COLUMNS: readonly TableColumn<LeadDoc>[] = [
  { id: 'company', header: 'Company', text: (l) => l.company, sortable: true },
  { id: 'contact', header: 'Contact', text: (l) => l.contactName, sortable: true },
  { id: 'status', header: 'Status', text: (l) => statusLabel(l.status), sortable: true },
  { id: 'qualified', header: 'Qualified', text: qualifiedText, sortable: true },
  { id: 'rating', header: 'Rating', text: (l) => orDash(l.rating), sortable: true },
  { id: 'channel', header: 'Channel', text: (l) => orDash(l.channel), sortable: true },
];

const ROW_ROUTE = (row: LeadDoc): Route => ({ page: 'lead', id: row.id });
const OWNER_OF = (row: LeadDoc): string => row.owner;

const FILTERS: readonly ListScreenFilter[] = [
  { id: 'status', label: 'Status', optionLabel: statusLabel },
  { id: 'rating', label: 'Rating' },
  { id: 'channel', label: 'Channel' },
];

/** The rep's leads, newest first, with their processing results; searchable at any volume. */
export function LeadsPage() {
  const navigate = useNavigate();
  const { rows, loading } = useCollectionRows('leads');
  const [importing, setImporting] = useState(false);
  // While an import stores its leads, the list keeps the rows it shows: re-sorting 60,000 leads on
  // every update of the store made tasks of 150 ms and slowed the import itself.
  const [importBusy, setImportBusy] = useState(false);
  const shown = useHeldWhile(rows, importBusy);
  return (
    <>
      {importing ? (
        <LeadImport
          onClose={() => {
            setImportBusy(false);
            setImporting(false);
          }}
          onBusy={setImportBusy}
        />
      ) : null}
      <ListScreen
        title="Leads"
        noun="leads"
        searchHint="company, contact or email"
        spec={leadListSpec}
        rows={shown}
        loading={loading}
        columns={COLUMNS}
        filters={FILTERS}
        empty="No leads yet. Capture one with “New lead”."
        actions={
          <>
            <button type="button" className="button button--primary" onClick={() => navigate({ page: 'newLead' })}>
              New lead
            </button>
            <button type="button" className="button" aria-expanded={importing} onClick={() => setImporting((open) => !open)}>
              Import leads
            </button>
          </>
        }
        rowRoute={ROW_ROUTE}
        ownerOf={OWNER_OF}
      />
    </>
  );
}
