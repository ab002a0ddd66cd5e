import { useId, useState } from 'react';
import type { RepWritableCollectionName } from '../../../shared/schemas';
import { parseConflictCopy } from '../../../shared/sync/conflictMerge';
import { ConflictResolver } from './ConflictResolver';

interface SyncedFields {
  syncError?: { reason: string; at: string } | undefined;
  conflictCopy?: string | undefined;
  syncPending?: boolean;
}

/**
 * What sync has to say about one record: a push the central system refused ("Sync refused:
 * <reason>") and the other side of a conflict, which the rep can open, compare and resolve.
 */
export function SyncNotices({ doc, collection }: { doc: SyncedFields & object; collection: RepWritableCollectionName }) {
  const [showCopy, setShowCopy] = useState(false);
  const copyId = useId();
  const { syncError, conflictCopy } = doc;
  if (!syncError && !conflictCopy) return null;
  const parsed = conflictCopy ? parseConflictCopy(conflictCopy) : null;
  return (
    <div className="sync-notices">
      {syncError ? <p className="notice notice--error">Sync refused: {syncError.reason}</p> : null}
      {parsed ? (
        <div className="notice notice--warning">
          <p>Another version of this record exists: a change made elsewhere conflicted with this one, and both were kept.</p>
          <button type="button" className="button" aria-expanded={showCopy} aria-controls={copyId} onClick={() => setShowCopy((v) => !v)}>
            {showCopy ? 'Hide other version' : 'Show other version'}
          </button>
          <div id={copyId} hidden={!showCopy}>
            {parsed.ok ? (
              <ConflictResolver collection={collection} doc={doc as Record<string, unknown>} mine={parsed.mine} base={parsed.base} />
            ) : (
              <pre className="conflict-raw">{parsed.raw}</pre>
            )}
          </div>
        </div>
      ) : null}
    </div>
  );
}
