import { useMemo, useState } from 'react';
import { formatCents } from '../../../shared/money';
import { canRevise, compareVersions, reviseQuote, type ComparedLine } from '../../../shared/quotes/quoteVersions';
import { newId } from '../../../shared/ids';
import type { QuoteDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { useNavigation } from '../../app/navigation';
import { insertDocument } from '../../data/writes';
import { SelectField } from '../common/SelectField';
import { actorOf } from '../session/actor';
import { statusLabel } from '../statusLabels';
import { ErrorNotice } from '../common/ErrorNotice';

const CHANGE_TEXT: Record<ComparedLine['change'], string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  same: 'Unchanged',
};

/**
 * The versions of a quote (the quotes of its opportunity), Revise, and two versions compared line
 * by line. `versions` is oldest first and holds `quote`.
 */
export function QuoteVersions({ quote, versions }: { quote: QuoteDoc; versions: readonly QuoteDoc[] }) {
  const { db, user } = useOutpost();
  const { navigate } = useNavigation();
  const actor = useMemo(() => actorOf(user), [user]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revise = canRevise(quote, versions, actor);
  const latest = versions.at(-1);
  const previous = versions[versions.findIndex((v) => v.id === quote.id) - 1];
  const [beforeId, setBeforeId] = useState(previous?.id ?? versions[0]?.id ?? quote.id);
  const [afterId, setAfterId] = useState(quote.id);
  const money = (cents: number) => formatCents(cents, quote.totals.currency);

  async function onRevise() {
    setBusy(true);
    setError(null);
    try {
      const next = reviseQuote(quote, versions, { id: newId(), now: new Date().toISOString(), actor });
      await insertDocument(db, 'quotes', next);
      navigate({ page: 'quote', id: next.id });
    } catch (e) {
      setError(`The quote could not be revised: ${e instanceof Error ? e.message : String(e)}`);
      setBusy(false);
    }
  }

  const before = versions.find((v) => v.id === beforeId);
  const after = versions.find((v) => v.id === afterId);
  const options = versions.map((v) => ({ value: v.id, label: `Version ${v.version} (${statusLabel(v.status)})` }));
  return (
    <section className="section" aria-labelledby="quote-versions-heading">
      <h2 id="quote-versions-heading">Versions</h2>
      {latest && latest.id !== quote.id ? (
        <p className="notice notice--warning">
          This is version {quote.version}; version {latest.version} supersedes it. Only the latest version can be edited or accepted.
        </p>
      ) : null}
      <table className="data-table" aria-label="Versions of this quote">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              One-time
            </th>
            <th scope="col" className="num">
              Monthly
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} aria-current={v.id === quote.id ? 'true' : undefined}>
              <th scope="row">
                {v.id === quote.id ? (
                  `Version ${v.version} (shown)`
                ) : (
                  <button type="button" className="link-button" onClick={() => navigate({ page: 'quote', id: v.id })}>
                    Version {v.version}
                  </button>
                )}
                {v.id === latest?.id ? ' — latest' : ''}
              </th>
              <td>{statusLabel(v.status)}</td>
              <td className="num">{formatCents(v.totals.oneTime, v.totals.currency)}</td>
              <td className="num">{formatCents(v.totals.recurring, v.totals.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="screen-actions">
        <button type="button" className="button" disabled={busy || !revise.ok} onClick={() => void onRevise()}>
          Revise
        </button>
      </div>
      {!revise.ok && quote.owner === user.id ? <p className="muted">{revise.reason}</p> : null}
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {versions.length > 1 ? (
        <>
          <h3>Compare versions</h3>
          <div className="form-row">
            <SelectField id="compare-before" label="Compare version" value={beforeId} options={options} onChange={setBeforeId} />
            <SelectField id="compare-after" label="with version" value={afterId} options={options} onChange={setAfterId} />
          </div>
          {before && after ? <Comparison before={before} after={after} money={money} /> : null}
        </>
      ) : null}
    </section>
  );
}

function Comparison({ before, after, money }: { before: QuoteDoc; after: QuoteDoc; money: (cents: number) => string }) {
  const compared = compareVersions(before, after, money);
  const delta = (cents: number) => (cents === 0 ? 'no change' : `${cents > 0 ? '+' : '−'}${money(Math.abs(cents))}`);
  return (
    <>
      <table className="data-table" aria-label={`Version ${before.version} compared with version ${after.version}`}>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Change</th>
            <th scope="col">What differs</th>
          </tr>
        </thead>
        <tbody>
          {compared.lines.map((line, index) => {
            const shown = line.after ?? line.before;
            return (
              <tr key={`${shown?.id ?? ''}-${index}`}>
                <th scope="row">
                  {shown?.offeringName}
                  {shown && shown.quantity > 1 ? ` × ${shown.quantity}` : ''}
                </th>
                <td>{CHANGE_TEXT[line.change]}</td>
                <td>{line.differences.join('; ') || '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="status-text">
        One-time: {delta(compared.oneTimeDelta)}. Monthly: {delta(compared.recurringDelta)}.
      </p>
    </>
  );
}
