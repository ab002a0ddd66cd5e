/**
 * Desktop configuration: where the central system is, whether demo mode is on, which external
 * hosts links may open. Sources, first wins: environment (OUTPOST_CENTRAL_URL, OUTPOST_DEMO),
 * then `config.json` in the user-data folder, then defaults. No Electron import: main.ts reads
 * the file and passes its text in.
 *
 * config.json:
 *   { "centralUrl": "https://central.example.com", "demoMode": false,
 *     "allowedExternalHosts": ["help.outpost.example"], "idleLockMinutes": 15 }
 */
import { DEFAULT_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES, parseIdleLockMinutes } from '../shared/bridge';

export interface DesktopConfig {
  /** Absolute http(s) URL of the central system, without a trailing slash. */
  centralUrl: string;
  demoMode: boolean;
  /** Hosts (and their subdomains) that `links.openExternal` may open, https only. */
  allowedExternalHosts: string[];
  /** Minutes without input before the app locks itself. */
  idleLockMinutes: number;
}

export const DEFAULT_CENTRAL_URL = 'http://127.0.0.1:4010';
export const DEFAULT_ALLOWED_EXTERNAL_HOSTS: readonly string[] = ['outpost.example'];

export interface ResolvedConfig {
  config: DesktopConfig;
  /** Problems found and ignored (bad values fall back to the next source); log them. */
  warnings: string[];
}

/** Normalises a central system URL: http or https, no credentials, query or fragment. */
export function normalizeCentralUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Accepts a plain host name (no scheme, port, path or wildcard), lower-cased. */
export function normalizeHostName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const host = value.trim().toLowerCase();
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(host)) return null;
  return host;
}

export function parseBooleanFlag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return undefined;
}

interface FileConfig {
  centralUrl?: string;
  demoMode?: boolean;
  allowedExternalHosts?: string[];
  idleLockMinutes?: number;
}

/** Parses config.json text; unknown or invalid fields are reported and ignored. */
export function parseConfigFile(text: string): { values: FileConfig; warnings: string[] } {
  const warnings: string[] = [];
  const values: FileConfig = {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { values, warnings: [`config.json is not valid JSON (${(error as Error).message}); ignoring it`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { values, warnings: ['config.json must hold a JSON object; ignoring it'] };
  }
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'centralUrl': {
        const url = normalizeCentralUrl(value);
        if (url) values.centralUrl = url;
        else warnings.push('config.json centralUrl must be an absolute http(s) URL; ignoring it');
        break;
      }
      case 'demoMode':
        if (typeof value === 'boolean') values.demoMode = value;
        else warnings.push('config.json demoMode must be true or false; ignoring it');
        break;
      case 'allowedExternalHosts': {
        if (!Array.isArray(value)) {
          warnings.push('config.json allowedExternalHosts must be an array of host names; ignoring it');
          break;
        }
        const hosts: string[] = [];
        for (const item of value) {
          const host = normalizeHostName(item);
          if (host) hosts.push(host);
          else warnings.push(`config.json allowedExternalHosts: "${String(item)}" is not a host name; ignoring it`);
        }
        values.allowedExternalHosts = hosts;
        break;
      }
      case 'idleLockMinutes': {
        const minutes = parseIdleLockMinutes(value);
        if (minutes !== null) values.idleLockMinutes = minutes;
        else
          warnings.push(
            `config.json idleLockMinutes must be a number of minutes above 0 and at most ${MAX_IDLE_LOCK_MINUTES}; using ${DEFAULT_IDLE_LOCK_MINUTES}`,
          );
        break;
      }
      default:
        warnings.push(`config.json: unknown setting "${key}" ignored`);
    }
  }
  return { values, warnings };
}

export function resolveConfig(input: {
  env: Record<string, string | undefined>;
  /** Text of config.json, or null when there is none. */
  fileText: string | null;
}): ResolvedConfig {
  const warnings: string[] = [];
  const file = input.fileText === null ? { values: {} as FileConfig, warnings: [] } : parseConfigFile(input.fileText);
  warnings.push(...file.warnings);

  let centralUrl = file.values.centralUrl ?? DEFAULT_CENTRAL_URL;
  const envUrl = input.env.OUTPOST_CENTRAL_URL;
  if (envUrl !== undefined && envUrl !== '') {
    const url = normalizeCentralUrl(envUrl);
    if (url) centralUrl = url;
    else warnings.push(`OUTPOST_CENTRAL_URL "${envUrl}" is not an absolute http(s) URL; ignoring it`);
  }

  let demoMode = file.values.demoMode ?? false;
  const envDemo = input.env.OUTPOST_DEMO;
  const flag = parseBooleanFlag(envDemo);
  if (flag !== undefined) demoMode = flag;
  else if (envDemo !== undefined && envDemo !== '') warnings.push(`OUTPOST_DEMO "${envDemo}" is not 1/0/true/false; ignoring it`);

  const allowedExternalHosts = file.values.allowedExternalHosts ?? [...DEFAULT_ALLOWED_EXTERNAL_HOSTS];
  const idleLockMinutes = file.values.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES;

  if (centralUrl.startsWith('http:') && !isLoopbackUrl(centralUrl)) {
    warnings.push(`central system ${centralUrl} is plain http on a non-loopback host: traffic is not encrypted`);
  }
  return { config: { centralUrl, demoMode, allowedExternalHosts, idleLockMinutes }, warnings };
}

export function isLoopbackUrl(value: string): boolean {
  try {
    const host = new URL(value).hostname;
    return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}
