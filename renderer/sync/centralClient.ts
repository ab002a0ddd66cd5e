import { DESKTOP_CLIENT_ID, SYNC_PATHS, type ApiError, type TokenResponse, type UserInfo } from '../../shared/sync/protocol';

/** The central system could not be reached at all (no network, server down). */
export class CentralUnreachableError extends Error {
  constructor(baseUrl: string, cause: unknown) {
    super(`Cannot reach the central system at ${baseUrl}. Check the connection; your work is kept on this laptop.`);
    this.name = 'CentralUnreachableError';
    this.cause = cause;
  }
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

/** Headers every request to the central system carries, sign-in included (the device id, DEVICE_HEADER). */
export function setInstallationHeaders(headers: Record<string, string>): void {
  installationHeaders = { ...headers };
}

export function withInstallationHeaders(init: RequestInit): RequestInit {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(installationHeaders)) headers.set(name, value);
  return { ...init, headers };
}

async function send(baseUrl: string, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(baseUrl + path, withInstallationHeaders(init));
  } catch (error) {
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

  get user(): UserInfo {
    return this.session.user;
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    let response = await send(this.baseUrl, path, this.authorised(init));
    if (response.status === 401 && (await this.refresh())) {
      response = await send(this.baseUrl, path, this.authorised(init));
    }
    if (response.status === 401) this.onSession(null);
    if (!response.ok) throw await failure(response);
    return response;
  }

  async json<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await this.request(path, init);
    return (await response.json()) as T;
  }

  private authorised(init: RequestInit): RequestInit {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${this.session.accessToken}`);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    return { ...init, headers };
  }

  private async refresh(): Promise<boolean> {
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
