import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db';
import { toIso } from '../db/db';
import type { DeviceStatus } from '../../../../shared/sync/protocol';

export type WipeStatus = 'requested' | 'completed' | 'withdrawn';

/** A wipe as GET /admin/wipes shows it. */
export interface WipeRecord {
  id: string;
  /** Exactly one of userId and deviceId. */
  userId?: string;
  deviceId?: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  /** requested: still asked of devices; completed: the one device it named carried it out; withdrawn: asked of nobody. */
  status: WipeStatus;
  withdrawnAt?: string;
  /** Every device that reported carrying it out. */
  completions: { deviceId: string; userId: string; completedAt: string }[];
}

interface WipeRow extends Record<string, unknown> {
  id: string;
  user_id: string | null;
  device_id: string | null;
  reason: string;
  requested_by: string;
  requested_at: unknown;
  withdrawn_at: unknown;
  completions: { device_id: string; user_id: string; completed_at: string }[] | null;
}

const SELECT = `SELECT w.id, w.user_id, w.device_id, w.reason, w.requested_by, w.requested_at, w.withdrawn_at,
  (SELECT jsonb_agg(jsonb_build_object('device_id', c.device_id, 'user_id', c.user_id, 'completed_at', c.completed_at) ORDER BY c.completed_at)
     FROM device_wipe_completions c WHERE c.wipe_id = w.id) AS completions
  FROM device_wipes w`;

function toRecord(row: WipeRow): WipeRecord {
  const completions = (row.completions ?? []).map((c) => ({
    deviceId: c.device_id,
    userId: c.user_id,
    completedAt: toIso(c.completed_at),
  }));
  const withdrawn = row.withdrawn_at !== null && row.withdrawn_at !== undefined;
  const status: WipeStatus = withdrawn ? 'withdrawn' : row.device_id !== null && completions.length > 0 ? 'completed' : 'requested';
  return {
    id: row.id,
    ...(row.user_id !== null ? { userId: row.user_id } : {}),
    ...(row.device_id !== null ? { deviceId: row.device_id } : {}),
    reason: row.reason,
    requestedBy: row.requested_by,
    requestedAt: toIso(row.requested_at),
    status,
    ...(withdrawn ? { withdrawnAt: toIso(row.withdrawn_at) } : {}),
    completions,
  };
}

export interface NewWipe {
  userId?: string;
  deviceId?: string;
  reason: string;
}

export async function insertWipe(db: Queryable, requestedBy: string, wipe: NewWipe): Promise<WipeRecord> {
  const id = randomUUID();
  await db.query(`INSERT INTO device_wipes (id, user_id, device_id, reason, requested_by) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    wipe.userId ?? null,
    wipe.deviceId ?? null,
    wipe.reason,
    requestedBy,
  ]);
  const stored = await findWipe(db, id);
  if (!stored) throw new Error('The wipe was not stored');
  return stored;
}

export async function findWipe(db: Queryable, id: string): Promise<WipeRecord | undefined> {
  const rows = await db.query<WipeRow>(`${SELECT} WHERE w.id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function listWipes(db: Queryable): Promise<WipeRecord[]> {
  return (await db.query<WipeRow>(`${SELECT} ORDER BY w.requested_at DESC, w.id`)).map(toRecord);
}

/** False when there is no such wipe still in force. */
export async function withdrawWipe(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query(`UPDATE device_wipes SET withdrawn_at = now() WHERE id = $1 AND withdrawn_at IS NULL RETURNING id`, [id]);
  return rows.length > 0;
}

/** Wipes in force for this user or this device (oldest first), the ones this device carried out left aside. */
const PENDING = `FROM device_wipes w
  WHERE w.withdrawn_at IS NULL AND (w.user_id = $1 OR w.device_id = $2)
    AND NOT EXISTS (SELECT 1 FROM device_wipe_completions c WHERE c.wipe_id = w.id AND c.device_id = $2)`;

export async function pendingWipe(db: Queryable, userId: string, deviceId: string): Promise<DeviceStatus['wipe']> {
  const rows = await db.query<{ id: string; requested_at: unknown; reason: string }>(
    `SELECT w.id, w.requested_at, w.reason ${PENDING} ORDER BY w.requested_at, w.id LIMIT 1`,
    [userId, deviceId],
  );
  const row = rows[0];
  return row ? { id: row.id, requestedAt: toIso(row.requested_at), reason: row.reason } : null;
}

/**
 * Records that this device carried the wipe out. It must be a wipe that applies to this user
 * or device (withdrawn meanwhile counts: the device did it). Reporting twice is harmless.
 */
export async function completeWipe(db: Queryable, wipeId: string, userId: string, deviceId: string): Promise<boolean> {
  const applies = await db.query(`SELECT 1 FROM device_wipes WHERE id = $1 AND (user_id = $2 OR device_id = $3)`, [
    wipeId,
    userId,
    deviceId,
  ]);
  if (applies.length === 0) return false;
  await db.query(
    `INSERT INTO device_wipe_completions (wipe_id, device_id, user_id) VALUES ($1, $2, $3) ON CONFLICT (wipe_id, device_id) DO NOTHING`,
    [wipeId, deviceId, userId],
  );
  return true;
}
