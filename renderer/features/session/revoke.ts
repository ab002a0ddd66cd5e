import { DESKTOP_CLIENT_ID, SYNC_PATHS } from '../../../shared/sync/protocol';
import { withInstallationHeaders, type Session } from '../../sync/centralClient';

/** Signing out must not hang on a dead network: the local sign-out happens regardless. */
const REVOKE_TIMEOUT_MS = 5_000;

/**
 * Ends the session centrally (RFC 7009): the refresh token first, so no new access token can
 * be minted, then the access token. Best effort by design: offline, or against an older central
 * system without the endpoint (404), the tokens simply expire; sign-out goes on either way.
 * Returns whether the central system confirmed every revocation.
 */
export async function revokeSession(baseUrl: string, session: Session): Promise<boolean> {
  const tokens: [string, string][] = [];
  if (session.refreshToken) tokens.push([session.refreshToken, 'refresh_token']);
  if (session.accessToken) tokens.push([session.accessToken, 'access_token']);
  let confirmed = tokens.length > 0;
  for (const [token, hint] of tokens) {
    try {
      const response = await fetch(
        baseUrl + SYNC_PATHS.revoke,
        withInstallationHeaders({
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token, token_type_hint: hint, client_id: DESKTOP_CLIENT_ID }).toString(),
          signal: AbortSignal.timeout(REVOKE_TIMEOUT_MS),
        }),
      );
      confirmed &&= response.ok;
    } catch {
      confirmed = false;
    }
  }
  return confirmed;
}
