import { useState } from 'react';
import { useNavigation } from '../../app/navigation';
import { useOutpost } from '../../app/OutpostContext';
import { useDocument, useDocuments } from '../../data/hooks';
import { saveDocument } from '../../data/writes';
import { Loading } from '../common/Loading';
import { NotFound } from '../common/NotFound';
import { SyncNotices } from '../common/SyncNotices';
import { statusLabel } from '../statusLabels';
import { countryName, orDash, qualifiedText } from './leadDisplay';
import { actorOf } from '../session/actor';
import { convertLeadInStore } from './leadConversion';
import { LeadForm } from './LeadForm';
import { canConvertLead, canEditLead, canProcessLead, processLeadDoc } from './leadProcessing';

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A lead, its processing result and trace; a qualified lead is converted here. */
export function LeadDetail({ id }: { id: string }) {
  const { db, user } = useOutpost();
  const actor = actorOf(user);
  const { navigate } = useNavigation();
  const lead = useDocument('leads', id);
  const ruleSets = useDocuments('ruleSets');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  if (lead === undefined) return <Loading />;
  if (lead === null) return <NotFound what="Lead" />;

  const current = lead;
  if (editing && canEditLead(current, actor)) {
    return (
      <div className="screen">
        <div className="screen-header">
          <h1>{current.company}</h1>
        </div>
        <SyncNotices doc={current} collection="leads" />
        <LeadForm lead={current} onDone={() => setEditing(false)} />
      </div>
    );
  }
  // Processing is offered until the lead qualifies for conversion; a qualified lead is converted instead.
  const processable = canProcessLead(current, actor) && !canConvertLead(current, actor) && (ruleSets?.length ?? 0) > 0;

  async function convert() {
    setBusy(true);
    setError(null);
    try {
      const opportunity = await convertLeadInStore(db, current, new Date().toISOString(), actor);
      navigate({ page: 'opportunity', id: opportunity.id });
    } catch (e) {
      setError(`The lead could not be converted: ${reason(e)}`);
      setBusy(false);
    }
  }

  async function processAgain() {
    setBusy(true);
    setError(null);
    try {
      await saveDocument(db, 'leads', processLeadDoc(current, ruleSets ?? [], new Date().toISOString(), actor));
    } catch (e) {
      setError(`The lead could not be processed: ${reason(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{current.company}</h1>
        <div className="screen-actions">
          {current.opportunityId ? (
            <button type="button" className="button" onClick={() => navigate({ page: 'opportunity', id: current.opportunityId ?? '' })}>
              Open opportunity
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              disabled={busy || !canConvertLead(current, actor)}
              onClick={() => void convert()}
            >
              Convert to opportunity
            </button>
          )}
          {canEditLead(current, actor) ? (
            <button
              type="button"
              className={current.syncError ? 'button button--primary' : 'button'}
              disabled={busy}
              onClick={() => setEditing(true)}
            >
              Edit lead
            </button>
          ) : null}
          {processable ? (
            <button type="button" className="button" disabled={busy} onClick={() => void processAgain()}>
              Process lead
            </button>
          ) : null}
        </div>
      </div>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <SyncNotices doc={current} collection="leads" />
      <section className="section" aria-labelledby="lead-result-heading">
        <h2 id="lead-result-heading">Processing result</h2>
        <ul className="facts" aria-label="Processing result">
          <li>Qualified: {qualifiedText(current)}</li>
          <li>Rating: {orDash(current.rating)}</li>
          <li>Channel: {orDash(current.channel)}</li>
          <li className="status-text">Status: {statusLabel(current.status)}</li>
        </ul>
        {current.processingTrace && current.processingTrace.length > 0 ? (
          <>
            <h3>Processing trace</h3>
            <ol className="trace" aria-label="Processing trace">
              {current.processingTrace.map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ol>
          </>
        ) : (
          <p className="muted">
            This lead has not been processed yet{ruleSets?.length === 0 ? ': the lead rules have not been downloaded.' : '.'}
          </p>
        )}
        {current.qualified === false && canProcessLead(current) ? (
          <p className="muted">The lead did not qualify under the current rules, so it cannot be converted.</p>
        ) : null}
      </section>
      <section className="section" aria-labelledby="lead-details-heading">
        <h2 id="lead-details-heading">Details</h2>
        <ul className="facts" aria-label="Lead details">
          <li>Contact name: {current.contactName}</li>
          <li>Email: {orDash(current.email)}</li>
          <li>Phone: {orDash(current.phone)}</li>
          <li>Country: {countryName(current.country)}</li>
          <li>Product category: {current.productCategory}</li>
          <li>Purchase timeframe: {current.purchaseTimeframe}</li>
          <li>Purchase amount: ${current.purchaseAmount.toLocaleString('en-US')}</li>
          <li>Budget status: {current.budgetStatus}</li>
          <li>Source: {current.source}</li>
        </ul>
      </section>
    </div>
  );
}
