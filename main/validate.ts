/**
 * Checks on everything that crosses the IPC boundary. The renderer is treated as untrusted:
 * every payload is validated here before main acts on it. No Electron import: tested in Node.
 */
import { isSecretKey, pdfBytesProblem, pdfFileNameProblem, type SecretKey } from '../shared/bridge';

export const APP_SCHEME = 'app';
export const APP_HOST = 'outpost';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/`;

/** Largest secret value accepted (a session token with its claims is far smaller). */
export const MAX_SECRET_VALUE_LENGTH = 32 * 1024;
export const MAX_EXTERNAL_URL_LENGTH = 2048;

export class IpcValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcValidationError';
  }
}

/**
 * Whether a frame URL belongs to our UI. `URL.origin` is "null" for non-special schemes such
 * as `app:`, so compare scheme and host instead.
 */
export function isAppUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export function expectArgCount(args: readonly unknown[], count: number): void {
  if (args.length !== count) throw new IpcValidationError(`expected ${count} argument(s), got ${args.length}`);
}

export function parseSecretKey(value: unknown): SecretKey {
  if (!isSecretKey(value)) throw new IpcValidationError('unknown secret key');
  return value;
}

export function parseSecretValue(value: unknown): string {
  if (typeof value !== 'string') throw new IpcValidationError('secret value must be a string');
  if (value.length > MAX_SECRET_VALUE_LENGTH) throw new IpcValidationError('secret value is too long');
  return value;
}

/** The suggested name of a PDF to save: a plain file name, never a path. */
export function parsePdfFileName(value: unknown): string {
  const problem = pdfFileNameProblem(value);
  if (problem !== null) throw new IpcValidationError(problem);
  return value as string;
}

/** The PDF's bytes: a Uint8Array (what structured clone makes of the renderer's) that starts like a PDF, of bounded size. */
export function parsePdfBytes(value: unknown): Uint8Array {
  const problem = pdfBytesProblem(value);
  if (problem !== null) throw new IpcValidationError(problem);
  return value as Uint8Array;
}

/** True when `host` is one of the allowed hosts or a subdomain of one. */
export function isAllowedHost(host: string, allowedHosts: readonly string[]): boolean {
  const h = host.toLowerCase();
  return allowedHosts.some((allowed) => {
    const a = allowed.toLowerCase();
    return h === a || h.endsWith(`.${a}`);
  });
}

/**
 * Returns the URL to hand to the OS when it is an https link to an allow-listed host without
 * credentials or a non-default port; null otherwise.
 */
export function checkExternalUrl(value: unknown, allowedHosts: readonly string[]): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  if (!isAllowedHost(url.hostname, allowedHosts)) return null;
  return url.href;
}

export interface SenderFacts {
  /** `event.senderFrame?.url`; undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** The frame is the top frame of its page (`senderFrame.parent === null` and it is `webContents.mainFrame`). */
  isMainFrame: boolean;
  /** `event.sender` is the webContents of our main window. */
  isOurWindow: boolean;
}

/** Null when an IPC message may be trusted, otherwise why it is refused. */
export function senderRefusal(facts: SenderFacts): string | null {
  if (!facts.isOurWindow) return 'sender is not the Outpost window';
  if (facts.frameUrl === undefined) return 'sender frame is gone';
  if (!facts.isMainFrame) return 'sender is a sub-frame';
  if (!isAppUrl(facts.frameUrl)) return `sender frame is not ${APP_ORIGIN} (it is ${facts.frameUrl.slice(0, 200)})`;
  return null;
}
