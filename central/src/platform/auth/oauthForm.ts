/** The form-encoded request and error shapes of the OAuth endpoints (RFC 6749, RFC 7009). */
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors';

/** RFC 6749 section 5.2 error, also carrying the TMF Error fields like every other 4xx. */
export function oauthError(status: 400 | 401, error: string, description: string): HttpError {
  return new HttpError(status, error, description, undefined, { error, error_description: description });
}

export function formParams(request: FastifyRequest, what = 'the token request'): Record<string, string> {
  const body = request.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw oauthError(400, 'invalid_request', `Send ${what} as application/x-www-form-urlencoded (RFC 6749)`);
  }
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') params[key] = value;
  return params;
}
