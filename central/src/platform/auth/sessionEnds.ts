import type { FastifyInstance } from 'fastify';

/** Why a long-lived answer (the event stream) is cut short. */
export type SessionEndReason = 'revoked' | 'wipe';

export interface WatchedSession {
  /** The sign-in (token chain) the request's access token belongs to. */
  chainId: string;
  userId: string;
  /** The installation that opened it (DEVICE_HEADER), when it said. */
  deviceId?: string;
}

type Watcher = { session: WatchedSession; end(reason: SessionEndReason): void };

/**
 * In-process notice that a sign-in ended (revoked on sign-out, refresh-token reuse) or that a
 * wipe was asked for, so open event streams end at once rather than at token expiry. Several
 * instances of the central system would need this over PostgreSQL NOTIFY, like the change hub.
 */
export class SessionEnds {
  private readonly watchers = new Set<Watcher>();

  /** Calls `end` (once) when the session ends; the returned function stops watching. */
  watch(session: WatchedSession, end: (reason: SessionEndReason) => void): () => void {
    const watcher: Watcher = {
      session,
      end: (reason) => {
        this.watchers.delete(watcher);
        end(reason);
      },
    };
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private endWhere(match: (session: WatchedSession) => boolean, reason: SessionEndReason): void {
    for (const watcher of [...this.watchers]) if (match(watcher.session)) watcher.end(reason);
  }

  endChain(chainId: string): void {
    this.endWhere((s) => s.chainId === chainId, 'revoked');
  }

  /** A wipe of a user or a device: its streams end, and the app asks about the wipe as it reconnects. */
  endForWipe(target: { userId?: string | undefined; deviceId?: string | undefined }): void {
    this.endWhere(
      (s) =>
        (target.userId !== undefined && s.userId === target.userId) || (target.deviceId !== undefined && s.deviceId === target.deviceId),
      'wipe',
    );
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    sessionEnds: SessionEnds;
  }
}

export function installSessionEnds(app: FastifyInstance): SessionEnds {
  const ends = new SessionEnds();
  app.decorate('sessionEnds', ends);
  return ends;
}
