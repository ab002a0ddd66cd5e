import { useId, useState } from 'react';
import { conflictDifferences, fieldLabel } from './conflict';

interface SyncedFields {
  syncError?: { reason: string; at: string } | undefined;
  conflictCopy?: string | undefined;
  syncPending?: boolean;
}

/**
 * What sync has to say about one record: a push the central system refused ("Sync refused:
 * <reason>") and the other side of a conflict, which the rep can open and compare.
 */
export function SyncNotices({ doc }: { doc: SyncedFields & object }) {
  const [showCopy, setShowCopy] = useState(false);
  const copyId = useId();
  const { syncError, conflictCopy } = doc;
  if (!syncError && !conflictCopy) return null;
  const comparison = conflictCopy ? conflictDifferences(doc as Record<string, unknown>, conflictCopy) : null;
  return (
    <div className="sync-notices">
      {syncError ? (
        <p className="notice notice--error">
          Sync refused: {syncError.reason}
        </p>
      ) : null}
      {comparison ? (
        <div className="notice notice--warning">
          <p>Another version of this record exists: a change made elsewhere conflicted with this one, and both were kept.</p>
          <button type="button" className="button" aria-expanded={showCopy} aria-controls={copyId} onClick={() => setShowCopy((v) => !v)}>
            {showCopy ? 'Hide other version' : 'Show other version'}
          </button>
          <div id={copyId} hidden={!showCopy}>
            {comparison.ok ? (
              comparison.differences.length === 0 ? (
                <p>The other version has the same values.</p>
              ) : (
                <table className="data-table">
                  <caption>Differences from the other version</caption>
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Other version</th>
                      <th scope="col">This version</th>
                    </tr>
                  </thead>
                  <tbody>
                    {comparison.differences.map((d) => (
                      <tr key={d.field}>
                        <th scope="row">{fieldLabel(d.field)}</th>
                        <td>{d.other}</td>
                        <td>{d.current}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )
            ) : (
              <pre className="conflict-raw">{comparison.raw}</pre>
            )}
          </div>
        </div>
      ) : null}
    </div>
  );
}
