import type { Session } from '../../sync/centralClient';
import { platform } from '../../platform';

/** The signed-in session survives restarts so a rep can keep working offline. */
export async function loadSession(): Promise<Session | null> {
  const raw = await platform.secrets.get('session');
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return session.user?.id && session.accessToken ? session : null;
  } catch {
    return null;
  }
}

export async function saveSession(session: Session | null): Promise<void> {
  if (session) await platform.secrets.set('session', JSON.stringify(session));
  else await platform.secrets.delete('session');
}
