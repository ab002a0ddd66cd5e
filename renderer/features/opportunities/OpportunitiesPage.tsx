import { useNavigation } from '../../app/navigation';
import { useDocuments } from '../../data/hooks';
import { Loading } from '../common/Loading';
import { byId, newestFirst } from '../common/sort';
import { statusLabel } from '../statusLabels';

/** Opportunities converted from the rep's leads. */
export function OpportunitiesPage() {
  const { navigate } = useNavigation();
  const opportunities = useDocuments('opportunities');
  const accounts = byId(useDocuments('accounts'));
  const contacts = byId(useDocuments('contacts'));
  return (
    <div className="screen">
      <div className="screen-header">
        <h1>Opportunities</h1>
      </div>
      {opportunities === undefined ? (
        <Loading />
      ) : opportunities.length === 0 ? (
        <p className="empty">No opportunities yet. Convert a qualified lead to create one.</p>
      ) : (
        <table className="data-table" aria-label="Opportunities">
          <thead>
            <tr>
              <th scope="col">Opportunity</th>
              <th scope="col">Account</th>
              <th scope="col">Contact</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst(opportunities).map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => navigate({ page: 'opportunity', id: o.id })}>
                    {o.name}
                  </button>
                </th>
                <td>{accounts.get(o.accountId)?.name ?? '—'}</td>
                <td>{(o.contactId && contacts.get(o.contactId)?.name) || '—'}</td>
                <td>{statusLabel(o.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
