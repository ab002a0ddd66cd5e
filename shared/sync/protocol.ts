/**
 * The HTTP sync protocol between the app and the central system. RxDB's replication
 * protocol over plain HTTP: pull by a server-assigned checkpoint, push with the
 * assumed master state for conflict detection, and a server-sent-events stream that
 * tells the client when to pull again.
 */
import type { CollectionDocs, CollectionName } from '../schemas';

export const SYNC_PATHS = {
  token: '/oauth/token',
  me: '/me',
  health: '/health',
  /** GET ?seq=<checkpoint seq>&limit=<n> */
  pull: (collection: CollectionName) => `/sync/${collection}/pull`,
  /** POST PushRow[] -> PushResponse */
  push: (collection: CollectionName) => `/sync/${collection}/push`,
  /** GET text/event-stream, `Authorization: Bearer` like every other call. */
  stream: '/sync/stream',
} as const;

/** Server-assigned, monotonically increasing across all collections; never a client clock. */
export interface SyncCheckpoint {
  seq: number;
}

export type WithDeleted<T> = T & { _deleted: boolean };

export interface PullResponse<N extends CollectionName> {
  documents: WithDeleted<CollectionDocs[N]>[];
  /** The seq of the last document returned; the request's own checkpoint when none. */
  checkpoint: SyncCheckpoint | null;
}

export interface PushRow<N extends CollectionName> {
  newDocumentState: WithDeleted<CollectionDocs[N]>;
  assumedMasterState?: WithDeleted<CollectionDocs[N]>;
}

/**
 * The master state of every row that could not be applied as sent: a real conflict
 * (the assumed master was stale), or a refused write, which carries `syncError`.
 * Empty when every row was stored.
 */
export type PushResponse<N extends CollectionName> = WithDeleted<CollectionDocs[N]>[];

/** Event `change` on the stream: something the user may see changed in a collection. */
export interface StreamChange {
  collection: CollectionName;
  seq: number;
}

export const ROLES = ['rep', 'manager', 'admin', 'integration'] as const;
export type Role = (typeof ROLES)[number];

export interface UserInfo {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

/** RFC 6749 token response. */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token?: string;
}

/** The client id the desktop app uses for the password grant. */
export const DESKTOP_CLIENT_ID = 'outpost-desktop';

/** Body of every 4xx/5xx (TMF630 Error shape). */
export interface ApiError {
  code: string;
  reason: string;
  message?: string;
  status?: string;
}
