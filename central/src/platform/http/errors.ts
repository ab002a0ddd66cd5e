import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '../../../../shared/sync/protocol';
import { NO_STORE } from './noStore';

/** Thrown by handlers; rendered as the TMF630 Error shape with the given status. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly reason: string,
    message?: string,
    /** Extra fields, e.g. RFC 6749 `error`/`error_description` on the token endpoint. */
    readonly extra: Record<string, string> = {},
  ) {
    super(message ?? reason);
  }
}

export const badRequest = (reason: string, message?: string) => new HttpError(400, 'invalid_request', reason, message);
export const unauthorized = (reason: string) => new HttpError(401, 'unauthorized', reason);
export const forbidden = (reason: string) => new HttpError(403, 'forbidden', reason);
export const notFound = (reason: string) => new HttpError(404, 'not_found', reason);

export function apiError(statusCode: number, code: string, reason: string, message?: string): ApiError {
  return { code, reason, message: message ?? reason, status: String(statusCode) };
}

function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  if (error.statusCode === 401) reply.header('WWW-Authenticate', 'Bearer realm="outpost"');
  return reply
    .code(error.statusCode)
    .type('application/json; charset=utf-8')
    .send({ ...apiError(error.statusCode, error.code, error.reason, error.message), ...error.extra });
}

/** Fastify's own errors (parsing, limits, media types) translated into reasons that say what to fix. */
function fromFastifyError(error: FastifyError): HttpError {
  const status = error.statusCode ?? 500;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'invalid_json', 'The request body is not valid JSON; send a JSON document', error.message);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(
        413,
        'payload_too_large',
        'The request body is larger than the 1 MiB limit; send fewer rows per request',
        error.message,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(
        415,
        'unsupported_media_type',
        'Unsupported Content-Type; send application/json (or application/x-www-form-urlencoded to /oauth/token)',
        error.message,
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(400, 'invalid_request', 'Content-Length does not match the body', error.message);
    // PostgreSQL refuses NUL and invalid characters in any text it is given (SQLSTATE 22021,
    // 22P05): only a client's input carries them, wherever in the path, query or body they came.
    case '22021':
    case '22P05':
      return new HttpError(
        400,
        'invalid_request',
        'The request contains a NUL or otherwise invalid character (\\u0000); remove it',
        error.message,
      );
    default:
      break;
  }
  if (error.message.includes('prototype')) {
    return new HttpError(400, 'invalid_json', 'The JSON body contains a forbidden key (__proto__ or constructor)', error.message);
  }
  if (status >= 400 && status < 500) return new HttpError(status, 'invalid_request', error.message);
  return new HttpError(500, 'internal_error', 'The central system failed to process the request; try again later');
}

/**
 * Fastify answers a URL it cannot decode (FST_ERR_BAD_URL) or a path parameter over
 * maxParamLength (FST_ERR_MAX_PARAM_LENGTH) before any route or error handler runs; passed as
 * the `frameworkErrors` option so those answers are TMF Errors too (found by the hostile-input
 * property test, central/src/conformance/hostile.property.test.ts).
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const httpError =
    error.code === 'FST_ERR_BAD_URL'
      ? new HttpError(
          400,
          'invalid_request',
          'The URL is not valid percent-encoded UTF-8; encode each path segment with encodeURIComponent',
        )
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new HttpError(414, 'uri_too_long', 'A path segment is too long (at most 100 characters); ids are short')
        : fromFastifyError(error);
  // Answered before routing, so the onSend hooks (noStore.ts) do not run for it.
  reply.header('Cache-Control', NO_STORE);
  void sendError(reply, httpError);
}

export function installErrorHandling(app: FastifyInstance, logErrorsToConsole: boolean): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const httpError = error instanceof HttpError ? error : fromFastifyError(error);
    if (httpError.statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
      if (logErrorsToConsole) console.error(`[central] ${request.method} ${request.url} failed:`, error);
    }
    return sendError(reply, httpError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, notFound(`No resource at ${request.method} ${request.url.split('?')[0]}; check the path`)),
  );
}
