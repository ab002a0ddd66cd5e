import type { AppInfo } from '../../../shared/bridge';
import type { UserInfo } from '../../../shared/sync/protocol';
import { deriveStorageKey } from '../../data/storageKey';
import { platform } from '../../platform';
import { CentralUnreachableError, signIn, type Session } from '../../sync/centralClient';
import { isVerifier, makeVerifier, verifierKey, verifyPassword, type VerifierBook } from './unlockVerifier';

/**
 * What a signed-in laptop keeps: the central system's tokens and the key of the local store.
 * It survives restarts (in the OS keychain in the desktop app) so a rep can keep working offline.
 */
export interface LocalSession {
  central: Session;
  storageKey: string;
}

/** As kept in the secrets: a locked session has dropped its key until the password is given again. */
export interface StoredSession {
  central: Session;
  storageKey?: string;
}

export class WrongPasswordError extends Error {
  constructor(username: string) {
    super(`That is not the password of ${username}. Check it and try again.`);
    this.name = 'WrongPasswordError';
  }
}

/**
 * Signs in with the central system and derives the local store's key from the same password.
 * When the central system cannot be reached, a rep who signed in on this laptop before is let in
 * against the password hash kept here; they sync again once they sign in online.
 */
export async function startSession(app: AppInfo, username: string, password: string): Promise<LocalSession> {
  let central: Session;
  try {
    central = await signIn(app.centralUrl, username, password);
  } catch (error) {
    if (!(error instanceof CentralUnreachableError)) throw error;
    const verifier = (await readVerifiers())[verifierKey(username)];
    if (!verifier) {
      throw new Error(
        `${error.message} ${username} has not signed in on this laptop before, so the password cannot be checked offline: connect once to sign in.`,
        {
          cause: error,
        },
      );
    }
    if (!(await verifyPassword(verifier, password))) throw new WrongPasswordError(username);
    return { central: offlineSession(verifier.user), storageKey: await deriveStorageKey(verifier.user.id, password) };
  }
  const storageKey = await deriveStorageKey(central.user.id, password);
  await rememberPassword(central.user, password);
  return { central, storageKey };
}

/** No token: the first request the central system answers asks the rep to sign in again. */
function offlineSession(user: UserInfo): Session {
  return { accessToken: '', expiresAt: 0, user };
}

/**
 * Unlocks a locked session with the rep's password, checked on this laptop only. A session
 * from before offline unlock existed has no hash yet: `verified` is false, and the caller
 * proves the password by opening the store with the derived key, then remembers it.
 */
export async function unlockSession(stored: StoredSession, password: string): Promise<{ session: LocalSession; verified: boolean }> {
  const { user } = stored.central;
  const verifier = (await readVerifiers())[verifierKey(user.username)];
  if (verifier && verifier.user.id === user.id && !(await verifyPassword(verifier, password))) throw new WrongPasswordError(user.username);
  const session = { central: stored.central, storageKey: await deriveStorageKey(user.id, password) };
  return { session, verified: Boolean(verifier && verifier.user.id === user.id) };
}

/** Keeps only a salted, slow hash of the password, for offline unlock. */
export async function rememberPassword(user: UserInfo, password: string): Promise<void> {
  const book = await readVerifiers();
  book[verifierKey(user.username)] = await makeVerifier(user, password);
  await platform.secrets.set('unlock', JSON.stringify(book));
}

async function readVerifiers(): Promise<VerifierBook> {
  const raw = await platform.secrets.get('unlock');
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, VerifierBook[string]] => isVerifier(entry[1])));
  } catch {
    return {};
  }
}

export async function loadSession(): Promise<StoredSession | null> {
  const raw = await platform.secrets.get('session');
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Partial<StoredSession>;
    return session.central?.user?.id && typeof session.central.accessToken === 'string' ? (session as StoredSession) : null;
  } catch {
    return null;
  }
}

export function isUnlocked(session: StoredSession): session is LocalSession {
  return typeof session.storageKey === 'string' && session.storageKey.length > 0;
}

export async function saveSession(session: StoredSession | null): Promise<void> {
  if (session) await platform.secrets.set('session', JSON.stringify(session));
  else await platform.secrets.delete('session');
}
