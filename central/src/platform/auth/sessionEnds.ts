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

/** What one instance tells the others (PostgreSQL NOTIFY on SESSION_ENDS_CHANNEL, as JSON). */
export type SessionEndNotice = { chainId: string } | { wipe: { userId?: string; deviceId?: string } };
export const SESSION_ENDS_CHANNEL = 'outpost_session_ends';

/**
 * Notice that a sign-in ended (revoked on sign-out, refresh-token reuse) or that a wipe was
 * asked for, so open event streams end at once rather than at token expiry. Ended here at once;
 * with a relay (several instances on PostgreSQL, server.ts) also told to the other instances,
 * which end theirs through `receive`.
 */
export class SessionEnds {
  private readonly watchers = new Set<Watcher>();
  private relay: ((notice: SessionEndNotice) => void) | undefined;

  relayThrough(send: (notice: SessionEndNotice) => void): void {
    this.relay = send;
  }

  /** A notice from another instance (or this one's own, come back: ending twice is a no-op). */
  receive(payload: string): void {
    let notice: unknown;
    try {
      notice = JSON.parse(payload);
    } catch {
      return;
    }
    if (typeof notice !== 'object' || notice === null) return;
    if ('chainId' in notice && typeof notice.chainId === 'string') this.endChainHere(notice.chainId);
    if ('wipe' in notice && typeof notice.wipe === 'object' && notice.wipe !== null) {
      const wipe = notice.wipe as Record<string, unknown>;
      this.endForWipeHere({
        ...(typeof wipe.userId === 'string' ? { userId: wipe.userId } : {}),
        ...(typeof wipe.deviceId === 'string' ? { deviceId: wipe.deviceId } : {}),
      });
    }
  }

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
    this.endChainHere(chainId);
    this.relay?.({ chainId });
  }

  /** A wipe of a user or a device: its streams end, and the app asks about the wipe as it reconnects. */
  endForWipe(target: { userId?: string | undefined; deviceId?: string | undefined }): void {
    this.endForWipeHere(target);
    this.relay?.({
      wipe: {
        ...(target.userId !== undefined ? { userId: target.userId } : {}),
        ...(target.deviceId !== undefined ? { deviceId: target.deviceId } : {}),
      },
    });
  }

  private endChainHere(chainId: string): void {
    this.endWhere((s) => s.chainId === chainId, 'revoked');
  }

  private endForWipeHere(target: { userId?: string | undefined; deviceId?: string | undefined }): void {
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
