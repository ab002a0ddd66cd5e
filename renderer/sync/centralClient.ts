import { DESKTOP_CLIENT_ID, SYNC_PATHS, type ApiError, type TokenResponse, type UserInfo } from '../../shared/sync/protocol';

/** The central system could not be reached at all (no network, server down). */
export class CentralUnreachableError extends Error {
  constructor(baseUrl: string, cause: unknown) {
    super(`Cannot reach the central system at ${baseUrl}. Check the connection; your work is kept on this laptop.`);
    this.name = 'CentralUnreachableError';
    this.cause = cause;
  }
}

/**
 * The central system accepted the request but did not answer in time: the link is up but
 * sync is stuck, which the rep must not mistake for being offline.
 */
export class CentralTimeoutError extends Error {
  constructor(readonly afterMs: number) {
    super(
      `The central system has not answered for ${Math.round(afterMs / 1000)} s. Your work is kept on this laptop and will be sent again.`,
    );
    this.name = 'CentralTimeoutError';
  }
}

/** Without an answer in this time a request is given up and retried. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

/** RequestInit plus how long to wait for the whole answer (0: no limit, for the event stream). */
export interface CentralRequestInit extends RequestInit {
  timeoutMs?: number;
}

/** The central system answered with an error (TMF Error body). */
export class CentralRequestError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'CentralRequestError';
  }
}

export interface Session {
  accessToken: string;
  refreshToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  user: UserInfo;
}

let installationHeaders: Readonly<Record<string, string>> = {};

/** Headers every request to the central system carries, sign-in included (the device id, DEVICE_HEADER; the app version, APP_VERSION_HEADER); merged into those set before. */
export function setInstallationHeaders(headers: Record<string, string>): void {
  installationHeaders = { ...installationHeaders, ...headers };
}

export function withInstallationHeaders(init: RequestInit): RequestInit {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(installationHeaders)) headers.set(name, value);
  return { ...init, headers };
}

const responseListeners = new Set<(response: Response) => void>();

/** Sees every answer of the central system (the version gate reads its minimum-version header); returns the unsubscribe. */
export function observeCentralResponses(listener: (response: Response) => void): () => void {
  responseListeners.add(listener);
  return () => responseListeners.delete(listener);
}

/** The caller's signal combined with the request's own deadline, which also covers reading the body. */
function withDeadline(init: CentralRequestInit): { init: RequestInit; timedOut: () => boolean; afterMs: number } {
  const { timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS, ...rest } = init;
  if (timeoutMs <= 0) return { init: rest, timedOut: () => false, afterMs: 0 };
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = rest.signal ? AbortSignal.any([rest.signal, deadline]) : deadline;
  return { init: { ...rest, signal }, timedOut: () => deadline.aborted && !rest.signal?.aborted, afterMs: timeoutMs };
}

async function send(baseUrl: string, path: string, init: CentralRequestInit): Promise<Response> {
  const request = withDeadline(init);
  try {
    const response = await fetch(baseUrl + path, withInstallationHeaders(request.init));
    for (const listener of responseListeners) listener(response);
    return response;
  } catch (error) {
    if (request.timedOut()) throw new CentralTimeoutError(request.afterMs);
    if (init.signal?.aborted) throw error;
    throw new CentralUnreachableError(baseUrl, error);
  }
}

/** Reads a JSON body; a deadline that passes while it arrives is a timeout, not a broken answer. */
async function readJson<T>(baseUrl: string, response: Response, init: CentralRequestInit): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch (error) {
    const timeoutMs = init.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    if (error instanceof DOMException && error.name === 'TimeoutError') throw new CentralTimeoutError(timeoutMs);
    if (init.signal?.aborted) throw error;
    throw new CentralUnreachableError(baseUrl, error);
  }
}

async function failure(response: Response): Promise<CentralRequestError> {
  let reason = `The central system answered ${response.status}`;
  try {
    const body = (await response.json()) as Partial<ApiError> & { error_description?: string };
    reason = body.error_description ?? body.reason ?? body.message ?? reason;
  } catch {
    // Not JSON: keep the status line.
  }
  return new CentralRequestError(response.status, reason);
}

async function tokenRequest(baseUrl: string, form: Record<string, string>): Promise<Session> {
  const response = await send(baseUrl, SYNC_PATHS.token, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: DESKTOP_CLIENT_ID, ...form }).toString(),
  });
  if (!response.ok) throw await failure(response);
  const token = (await response.json()) as TokenResponse;
  const me = await send(baseUrl, SYNC_PATHS.me, { headers: { authorization: `Bearer ${token.access_token}` } });
  if (!me.ok) throw await failure(me);
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    expiresAt: Date.now() + token.expires_in * 1000,
    user: (await me.json()) as UserInfo,
  };
}

/** Password grant (RFC 6749 4.3). */
export function signIn(baseUrl: string, username: string, password: string): Promise<Session> {
  return tokenRequest(baseUrl, { grant_type: 'password', username, password });
}

/**
 * Authenticated requests to the central system. An expired access token is renewed once
 * with the refresh token; the renewed session is handed to `onSession` to be persisted.
 */
export class CentralClient {
  constructor(
    readonly baseUrl: string,
    private session: Session,
    private readonly onSession: (session: Session | null) => void = () => undefined,
  ) {}

  /** The one renewal in flight: every request that meets a 401 meanwhile waits for it. */
  private renewing: Promise<boolean> | null = null;

  get user(): UserInfo {
    return this.session.user;
  }

  async request(path: string, init: CentralRequestInit = {}): Promise<Response> {
    const usedToken = this.session.accessToken;
    let response = await send(this.baseUrl, path, this.authorised(init));
    if (response.status === 401 && (await this.refresh(usedToken))) {
      response = await send(this.baseUrl, path, this.authorised(init));
    }
    if (response.status === 401) this.onSession(null);
    if (!response.ok) throw await failure(response);
    return response;
  }

  async json<T>(path: string, init: CentralRequestInit = {}): Promise<T> {
    const response = await this.request(path, init);
    return readJson<T>(this.baseUrl, response, init);
  }

  private authorised(init: CentralRequestInit): CentralRequestInit {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${this.session.accessToken}`);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    return { ...init, headers };
  }

  /**
   * Renews the session once, however many requests met the expired token at the same time.
   * The central system rotates refresh tokens and treats a second use of one as theft (it
   * revokes the whole sign-in), so parallel renewals with the same token would sign the rep out.
   */
  private refresh(expiredToken: string): Promise<boolean> {
    // Another request renewed the session since this one was sent: just use the new token.
    if (this.session.accessToken !== expiredToken) return Promise.resolve(true);
    this.renewing ??= this.renew().finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  private async renew(): Promise<boolean> {
    if (!this.session.refreshToken) return false;
    try {
      this.session = await tokenRequest(this.baseUrl, { grant_type: 'refresh_token', refresh_token: this.session.refreshToken });
      this.onSession(this.session);
      return true;
    } catch (error) {
      if (error instanceof CentralUnreachableError) throw error;
      return false;
    }
  }
}
