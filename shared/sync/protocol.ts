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
  /** RFC 7009 token revocation (form-encoded `token`, `token_type_hint`, `client_id`): signing out ends the session centrally. */
  revoke: '/oauth/revoke',
  /** GET -> DeviceStatus for the signed-in user on the device named by the DEVICE_HEADER. */
  device: '/sync/device',
  /** POST DeviceWipedReport: the app says it carried out a wipe. */
  deviceWiped: '/sync/device/wiped',
} as const;

/** Every request of the app names its installation (a random id kept on the laptop). */
export const DEVICE_HEADER = 'x-outpost-device';

/** Answer of GET /sync/device. A pending wipe: push everything queued, then delete the local data and secrets. */
export interface DeviceStatus {
  wipe: { id: string; requestedAt: string; reason: string } | null;
}

export interface DeviceWipedReport {
  wipeId: string;
}

/** Server-assigned, monotonically increasing across all collections; never a client clock. */
export interface SyncCheckpoint {
  seq: number;
}

export type WithDeleted<T> = T & { _deleted: boolean };

export interface PullResponse<N extends CollectionName> {
  documents: WithDeleted<CollectionDocs[N]>[];
  /** The seq of the last document returned; the request's own checkpoint when none. */
  checkpoint: SyncCheckpoint | null;
  /** Documents of this collection the user may see after this page (for progress and ETA); absent from older servers. */
  remaining?: number;
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

/**
 * Event `hello` on the stream, first after connect. The server then sends `heartbeat` every
 * `heartbeatMs`; a client that hears nothing for twice that drops the stream and reconnects.
 */
export interface StreamHello {
  userId: string;
  seq: number;
  heartbeatMs: number;
}

/** Default heartbeat: short enough that a silent stream is noticed within 10 s. */
export const DEFAULT_STREAM_HEARTBEAT_MS = 4_000;

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
  /** A manager of managers (GET /me): decides the discounts above a manager's authority. */
  salesDirector?: boolean;
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
