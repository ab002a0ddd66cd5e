import { useState } from 'react';
import { describeChange, type DiscardedRecord } from '../../../shared/sync/outbox';
import { useOutpost } from '../../app/OutpostContext';
import { useNavigation } from '../../app/navigation';
import { Loading } from '../common/Loading';
import { formatWhen } from '../common/sort';
import { DiscardDialog } from './DiscardDialog';
import { DiscardedList } from './DiscardedList';
import { discardRecord, restoreRecord, retryRecord } from './outboxActions';
import { useOutbox, type OutboxEntry } from './useOutbox';

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Every local change waiting for the central system or refused by it: the record, what changed,
 * since when and the central system's answer, with Retry, Fix and Discard; then what was discarded.
 */
export function OutboxPage() {
  const { db, sync } = useOutpost();
  const { navigate } = useNavigation();
  const { entries, discarded, discardedProblem } = useOutbox();
  const [confirming, setConfirming] = useState<OutboxEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);

  const run = async (work: () => Promise<void>, done: string, failed: string) => {
    setBusy(true);
    try {
      await work();
      setMessage({ kind: 'done', text: done });
    } catch (e) {
      setMessage({ kind: 'error', text: `${failed}: ${reasonOf(e)}` });
    } finally {
      setBusy(false);
    }
  };

  if (entries === undefined) return <Loading />;
  const refused = entries.filter((e) => e.state === 'refused').length;

  const retry = (e: OutboxEntry) =>
    void run(() => retryRecord(db, e.collection, e.id), `${e.title} will be sent again.`, `${e.title} could not be retried`);
  const discard = (e: OutboxEntry) =>
    void run(
      () => discardRecord(db, sync, e.collection, e.id, e.title),
      `The change to ${e.title} was discarded; a copy is kept under Discarded.`,
      `${e.title} could not be discarded`,
    ).then(() => setConfirming(null));
  const restore = (r: DiscardedRecord) =>
    void run(() => restoreRecord(db, r), `${r.title} was restored and will be sent again.`, `${r.title} could not be restored`);

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>Outbox</h1>
      </div>
      <div role="status" aria-live="polite">
        <p className="status-text">
          {entries.length === 0
            ? 'Nothing is waiting to sync.'
            : `${entries.length === 1 ? '1 change' : `${entries.length} changes`} waiting to sync${refused > 0 ? `, ${refused} refused by the central system` : ''}.`}
        </p>
        {message ? <p className={message.kind === 'error' ? 'notice notice--error' : 'notice notice--success'}>{message.text}</p> : null}
      </div>
      {entries.length > 0 ? (
        <table className="data-table">
          <caption>Changes waiting to sync</caption>
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">What changed</th>
              <th scope="col">Since</th>
              <th scope="col">Central system</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={`${e.collection}:${e.id}`}>
                <th scope="row">
                  {e.type}:{' '}
                  {e.route ? (
                    <button type="button" className="link-button" onClick={() => e.route && navigate(e.route)}>
                      {e.title}
                    </button>
                  ) : (
                    e.title
                  )}
                </th>
                <td>{describeChange(e.change)}</td>
                <td>{formatWhen(e.since)}</td>
                <td>{e.state === 'refused' ? `Refused: ${e.reason ?? 'no reason given'}` : 'Waiting to be sent'}</td>
                <td className="row-actions">
                  {e.state === 'refused' ? (
                    <button type="button" className="button" disabled={busy} onClick={() => retry(e)}>
                      Retry
                    </button>
                  ) : null}
                  {e.route ? (
                    <button type="button" className="button" disabled={busy} onClick={() => e.route && navigate(e.route)}>
                      Fix
                    </button>
                  ) : null}
                  <button type="button" className="button button--danger" disabled={busy} onClick={() => setConfirming(e)}>
                    Discard
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <section className="section" aria-labelledby="outbox-discarded-heading">
        <h2 id="outbox-discarded-heading">Discarded</h2>
        {discardedProblem ? (
          <p className="notice notice--error">{discardedProblem}</p>
        ) : discarded === undefined ? (
          <Loading />
        ) : (
          <DiscardedList records={discarded} busy={busy} onRestore={restore} />
        )}
      </section>
      {confirming ? (
        <DiscardDialog title={confirming.title} busy={busy} onConfirm={() => discard(confirming)} onCancel={() => setConfirming(null)} />
      ) : null}
    </div>
  );
}
