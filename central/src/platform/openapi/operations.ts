import type { OpenAPIV3 } from 'openapi-types';
import { isPublicPath } from '../auth/guard';
import type { OperationParts, RouteDoc } from './routeDoc';

export const ERROR_REF = '#/components/schemas/Error';

/** Parameters of core routes that declare nothing themselves. */
const KNOWN: Readonly<Record<string, RouteDoc>> = {
  'GET /sync/:collection/pull': {
    summary: 'Documents changed since a checkpoint',
    query: { seq: 'Checkpoint: documents with a higher seq (default 0)', limit: 'Page size, 1 to 500 (default 100)' },
  },
  'POST /sync/:collection/push': { summary: 'Push changed documents (RxDB replication)', responses: { 403: 'Read-only collection' } },
  'GET /sync/stream': { summary: 'Server-sent events: a change event per committed change you may see', produces: 'text/event-stream' },
};

const PAGING: Readonly<Record<string, string>> = {
  offset: 'Index of the first item returned (TMF630), default 0',
  limit: 'Number of items returned, default 100, at most 1000',
  fields: 'Comma-separated first-level attributes to return (TMF630 attribute selection)',
};

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad request: the reason says what to fix',
  401: 'Missing, unknown or expired access token',
  403: 'Not allowed for your role',
  404: 'Unknown, or not yours to see',
  409: 'Conflicts with the current state of the resource',
  413: 'Request body larger than 1 MiB',
  415: 'Unsupported Content-Type',
  429: 'Too many attempts; wait as Retry-After says',
  500: 'The central system failed; try again later',
};

function tagOf(url: string): string {
  const tmf = /^\/tmf-api\/([^/]+)\//.exec(url);
  if (tmf?.[1]) return tmf[1];
  if (url === '/oauth/token' || url === '/me') return 'auth';
  return url.split('/')[1] || 'service';
}

function isParam(segment: string | undefined): boolean {
  return segment !== undefined && segment.startsWith(':');
}

/** A TMF collection read: GET under /tmf-api whose last segment is a resource name, not an id. */
function isTmfList(method: string, url: string): boolean {
  return method === 'GET' && url.startsWith('/tmf-api/') && !isParam(url.split('/').pop());
}

function queryParameter(name: string, description: string): OpenAPIV3.ParameterObject {
  return { name, in: 'query', required: false, description, schema: { type: 'string' } };
}

function json(schema: OpenAPIV3.SchemaObject, mediaType = 'application/json'): Record<string, OpenAPIV3.MediaTypeObject> {
  return { [mediaType]: { schema } };
}

function successResponses(method: string, url: string, doc: RouteDoc): OpenAPIV3.ResponsesObject {
  const content = doc.produces ? json({ type: 'string' }, doc.produces) : json({ type: 'object' });
  if (method === 'DELETE') return { 204: { description: 'Deleted' } };
  if (isTmfList(method, url)) {
    return {
      200: {
        description: 'One page of the list',
        headers: {
          'X-Total-Count': { description: 'Items matching the query', schema: { type: 'integer' } },
          'X-Result-Count': { description: 'Items in this page', schema: { type: 'integer' } },
        },
        content: json({ type: 'array', items: { type: 'object' } }),
      },
    };
  }
  if (method === 'POST' && url.startsWith('/tmf-api/')) {
    return {
      201: {
        description: 'Created',
        headers: { Location: { description: 'Path of the new resource', schema: { type: 'string' } } },
        content,
      },
    };
  }
  return { 200: { description: 'OK', content } };
}

function errorStatuses(method: string, url: string, hasBody: boolean, isPublic: boolean): number[] {
  const statuses = [400];
  if (!isPublic) statuses.push(401, 403);
  if (url.includes('/:') || url.startsWith('/tmf-api/')) statuses.push(404);
  if (url.startsWith('/tmf-api/') && method !== 'GET') statuses.push(409);
  if (hasBody) statuses.push(413, 415);
  statuses.push(500);
  return statuses;
}

function errorResponse(description: string): OpenAPIV3.ResponseObject {
  return { description, content: json({ $ref: ERROR_REF } as OpenAPIV3.SchemaObject) };
}

/** Everything the document says about one route that Fastify's route options do not. */
export function operationParts(method: string, url: string, declared: RouteDoc = {}): OperationParts {
  const doc: RouteDoc = { ...KNOWN[`${method} ${url}`], ...declared };
  const isPublic = isPublicPath(url);
  const bodyKind = doc.requestBody ?? (['POST', 'PATCH', 'PUT'].includes(method) ? 'json' : 'none');
  const parameters = Object.entries({
    ...(isTmfList(method, url) ? PAGING : method === 'GET' && url.startsWith('/tmf-api/') ? { fields: PAGING.fields ?? '' } : {}),
    ...doc.query,
  }).map(([name, description]) => queryParameter(name, description));
  if (isTmfList(method, url)) {
    parameters.push({
      name: 'filters',
      in: 'query',
      required: false,
      description: 'Equality filters on first-level attributes, e.g. state=acknowledged (several values: any of them)',
      schema: { type: 'object', additionalProperties: { type: 'string' } },
      style: 'form',
      explode: true,
    });
  }
  const responses: OpenAPIV3.ResponsesObject = successResponses(method, url, doc);
  const extraErrors = Object.keys(doc.responses ?? {}).map(Number);
  for (const status of [...errorStatuses(method, url, bodyKind !== 'none', isPublic), ...extraErrors]) {
    const description = doc.responses?.[status] ?? STATUS_TEXT[status] ?? 'Error';
    responses[status] = status < 400 ? { description } : errorResponse(description);
  }
  const requestBody: OpenAPIV3.RequestBodyObject | undefined =
    bodyKind === 'none'
      ? undefined
      : bodyKind === 'form'
        ? {
            required: true,
            content: json({ type: 'object', additionalProperties: { type: 'string' } }, 'application/x-www-form-urlencoded'),
          }
        : {
            // TMF and sync writes always carry a body; other routes (e.g. admin actions) may take none.
            required: url.startsWith('/tmf-api/') || url.startsWith('/sync/'),
            content: json(
              method === 'POST' && url.startsWith('/sync/') ? { type: 'array', items: { type: 'object' } } : { type: 'object' },
            ),
          };
  return {
    ...(doc.summary ? { summary: doc.summary } : {}),
    ...(doc.description ? { description: doc.description } : {}),
    tags: [tagOf(url)],
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses,
    ...(isPublic ? { security: [] } : {}),
  };
}
