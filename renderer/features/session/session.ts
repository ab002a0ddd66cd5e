import type { AppInfo } from '../../../shared/bridge';
import { deriveStorageKey } from '../../data/storageKey';
import { platform } from '../../platform';
import { signIn, type Session } from '../../sync/centralClient';

/**
 * What a signed-in laptop keeps: the central system's tokens and the key of the local store.
 * It survives restarts (in the OS keychain in the desktop app) so a rep can keep working offline.
 */
export interface LocalSession {
  central: Session;
  storageKey: string;
}

/** Signs in with the central system and derives the local store's key from the same password. */
export async function startSession(app: AppInfo, username: string, password: string): Promise<LocalSession> {
  const central = await signIn(app.centralUrl, username, password);
  return { central, storageKey: await deriveStorageKey(central.user.id, password) };
}

export async function loadSession(): Promise<LocalSession | null> {
  const raw = await platform.secrets.get('session');
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Partial<LocalSession>;
    return session.central?.user?.id && session.central.accessToken && session.storageKey ? (session as LocalSession) : null;
  } catch {
    return null;
  }
}

export async function saveSession(session: LocalSession | null): Promise<void> {
  if (session) await platform.secrets.set('session', JSON.stringify(session));
  else await platform.secrets.delete('session');
}
