import { useEffect, useState } from 'react';
import { useOutpost } from '../../app/OutpostContext';
import type { SyncStatus } from '../../sync/syncStatus';

export function useSyncStatus(): SyncStatus {
  const { sync } = useOutpost();
  const [status, setStatus] = useState<SyncStatus>(sync.getStatus());
  useEffect(() => {
    const sub = sync.status$.subscribe(setStatus);
    return () => sub.unsubscribe();
  }, [sync]);
  return status;
}
