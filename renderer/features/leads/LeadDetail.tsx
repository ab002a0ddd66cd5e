import { useEffect, useRef, useState } from 'react';
import { leadStatusText } from '../../../shared/leads/lead.actions';
import { useOutpost } from '../../app/OutpostContext';
import { useCollectionRows, useDocument, useDocuments } from '../../data/hooks';
import { saveDocument } from '../../data/writes';
import { Loading } from '../common/Loading';
import { NotFound } from '../common/NotFound';
import { SyncNotices } from '../common/SyncNotices';
import { statusLabel } from '../statusLabels';
import { countryName, orDash, qualifiedText } from './leadDisplay';
import { actorOf } from '../session/actor';
import { LeadActions } from './LeadActions';
import { LeadExplanationSection } from './LeadExplanationSection';
import { LeadForm } from './LeadForm';
import { LeadMergeHistory } from './LeadMergeHistory';
import { needsProcessingOnOpen, teamOf } from './leadLifecycle';
import { canEditLead, processLeadDoc } from './leadProcessing';
import { Timeline } from '../timeline/Timeline';
import { ErrorNotice } from '../common/ErrorNotice';

/** A lead, its processing result and why; its lifecycle actions (convert, disqualify, close, reopen, reassign). */
export function LeadDetail({ id }: { id: string }) {
  const { db, user } = useOutpost();
  const actor = actorOf(user);
  const lead = useDocument('leads', id);
  const ruleSets = useDocuments('ruleSets');
  // A manager's laptop holds only their reps' leads: their owners are the team. From the shared
  // list cache: a live query of every lead would read and decrypt 50k leads on each change.
  const leads = useCollectionRows('leads').rows;
  const [editing, setEditing] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  const processedOnOpen = useRef<string | null>(null);

  // Seeded or received leads arrive unprocessed: process them when their owner opens them.
  useEffect(() => {
    if (!lead || !ruleSets || processedOnOpen.current === lead.id || !needsProcessingOnOpen(lead, ruleSets, actor)) return;
    processedOnOpen.current = lead.id;
    saveDocument(db, 'leads', processLeadDoc(lead, ruleSets, new Date().toISOString(), actor)).catch((e: unknown) =>
      setOpenError(`The lead could not be processed: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, [db, lead, ruleSets, actor]);

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
  const status = leadStatusText(current.status) ?? statusLabel(current.status);
  const team = actor.kind === 'user' && actor.role === 'manager' ? teamOf(leads, user.id, current.owner) : [];

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{current.company}</h1>
        <LeadActions lead={current} actor={actor} ruleSets={ruleSets ?? []} team={team} onEdit={() => setEditing(true)} />
      </div>
      {openError ? <ErrorNotice>{openError}</ErrorNotice> : null}
      <SyncNotices doc={current} collection="leads" />
      <section className="section" aria-labelledby="lead-result-heading">
        <h2 id="lead-result-heading">Processing result</h2>
        <ul className="facts" aria-label="Processing result">
          <li>Qualified: {qualifiedText(current)}</li>
          <li>Rating: {orDash(current.rating)}</li>
          <li>Channel: {orDash(current.channel)}</li>
          <li className="status-text">Status: {status}</li>
          {current.statusChangeReason ? <li>Reason: {current.statusChangeReason}</li> : null}
          <li>Owner: {current.owner}</li>
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
      </section>
      <LeadExplanationSection lead={current} ruleSets={ruleSets ?? []} />
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
      <LeadMergeHistory lead={current} />
      <Timeline kind="lead" id={current.id} />
    </div>
  );
}
