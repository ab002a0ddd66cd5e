import { createContext, useContext } from 'react';
import type { AppInfo } from '../../shared/bridge';
import type { UserInfo } from '../../shared/sync/protocol';
import type { OutpostDatabase } from '../data/database';
import type { CentralClient } from '../sync/centralClient';
import type { SyncEngine } from '../sync/syncEngine';

/** What every feature screen may use once a rep is signed in. */
export interface OutpostServices {
  db: OutpostDatabase;
  user: UserInfo;
  sync: SyncEngine;
  /** Requests to the central system beside sync (rule administration, the timeline); they fail while offline, so a screen keeps what it has. */
  central: CentralClient;
  app: AppInfo;
  /** Closes the workspace and drops the storage key until the rep's password is given again. */
  lock(): Promise<void>;
  /** Closes the workspace (the local store stays), ends the session centrally unless told not to. */
  signOut(options?: { revoke?: boolean; notice?: string }): Promise<void>;
}

export const OutpostContext = createContext<OutpostServices | null>(null);

export function useOutpost(): OutpostServices {
  const services = useContext(OutpostContext);
  if (!services) throw new Error('useOutpost() used outside a signed-in session');
  return services;
}
