import { unsafeTextReason } from '../../../../shared/text/unsafeText';
import { badRequest } from '../http/errors';
import { isObject } from '../json';
import type { NewWipe } from './wipeStore';

const DEVICE_ID = /^[A-Za-z0-9._:-]{1,200}$/;
const MAX_REASON = 500;
export const DEFAULT_REASON = 'An administrator asked for the data on this device to be removed';

/** The installation id the app sends in DEVICE_HEADER, or a message saying what to send. */
export function parseDeviceId(value: unknown, where: string): string {
  if (typeof value !== 'string' || !DEVICE_ID.test(value)) {
    throw badRequest(`${where} must name the installation: 1 to 200 letters, digits or . _ : - (the app's random device id)`);
  }
  return value;
}

/** `POST /admin/wipes` body: {userId} or {deviceId}, optional reason. */
export function parseWipeInput(body: unknown): NewWipe {
  if (!isObject(body)) throw badRequest('Send a JSON object: {"userId": "user-alex"} or {"deviceId": "<device id>"}, optional "reason"');
  const unknown = Object.keys(body).filter((key) => !['userId', 'deviceId', 'reason'].includes(key));
  if (unknown.length > 0) throw badRequest(`Unknown attribute ${unknown.join(', ')}; a wipe takes userId or deviceId, and reason`);
  const { userId, deviceId, reason } = body;
  if ((userId === undefined) === (deviceId === undefined)) {
    throw badRequest('Name exactly one of userId (every device of that user) or deviceId (one installation)');
  }
  if (userId !== undefined && (typeof userId !== 'string' || userId === '' || userId.length > 200 || unsafeTextReason(userId) !== null)) {
    throw badRequest('userId must be a user id such as "user-alex"');
  }
  if (reason !== undefined && reason !== null && typeof reason !== 'string') throw badRequest('reason must be text the rep will read');
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text.length > MAX_REASON) throw badRequest(`reason must be at most ${MAX_REASON} characters`);
  const unsafe = unsafeTextReason(text);
  if (unsafe) throw badRequest(`reason ${unsafe}`);
  return {
    ...(typeof userId === 'string' ? { userId } : { deviceId: parseDeviceId(deviceId, 'deviceId') }),
    reason: text || DEFAULT_REASON,
  };
}

/** `POST /sync/device/wiped` body: {wipeId}. */
export function parseWipedReport(body: unknown): string {
  if (
    !isObject(body) ||
    typeof body.wipeId !== 'string' ||
    body.wipeId === '' ||
    body.wipeId.length > 100 ||
    unsafeTextReason(body.wipeId) !== null
  ) {
    throw badRequest('Send {"wipeId": "<the id GET /sync/device gave>"}');
  }
  return body.wipeId;
}
