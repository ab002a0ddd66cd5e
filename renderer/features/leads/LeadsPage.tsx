import { useNavigation } from '../../app/navigation';
import { useDocuments } from '../../data/hooks';
import { Loading } from '../common/Loading';
import { newestFirst } from '../common/sort';
import { statusLabel } from '../statusLabels';
import { orDash, qualifiedText } from './leadDisplay';

/** The rep's leads, newest first, with their processing results. */
export function LeadsPage() {
  const { navigate } = useNavigation();
  const leads = useDocuments('leads');
  return (
    <div className="screen">
      <div className="screen-header">
        <h1>Leads</h1>
        <div className="screen-actions">
          <button type="button" className="button button--primary" onClick={() => navigate({ page: 'newLead' })}>
            New lead
          </button>
        </div>
      </div>
      {leads === undefined ? (
        <Loading />
      ) : leads.length === 0 ? (
        <p className="empty">No leads yet. Capture one with “New lead”.</p>
      ) : (
        <table className="data-table" aria-label="Leads">
          <thead>
            <tr>
              <th scope="col">Company</th>
              <th scope="col">Contact</th>
              <th scope="col">Status</th>
              <th scope="col">Qualified</th>
              <th scope="col">Rating</th>
              <th scope="col">Channel</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst(leads).map((lead) => (
              <tr key={lead.id}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => navigate({ page: 'lead', id: lead.id })}>
                    {lead.company}
                  </button>
                </th>
                <td>{lead.contactName}</td>
                <td>{statusLabel(lead.status)}</td>
                <td>{qualifiedText(lead)}</td>
                <td>{orDash(lead.rating)}</td>
                <td>{orDash(lead.channel)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
