import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import type { OpenAPIV3 } from 'openapi-types';
import { ERROR_REF, operationParts } from './operations';
import type { OperationParts } from './routeDoc';

export const OPENAPI_PATH = '/openapi.json';
/** Carries a route's inferred parts from `transform` (which sees the route) to `transformObject`. */
const PARTS_KEY = 'x-outpost-parts';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const ERROR_SCHEMA: OpenAPIV3.SchemaObject = {
  type: 'object',
  description: 'TMF630 Error: every 4xx and 5xx answer; `reason` says what to fix',
  required: ['code', 'reason'],
  properties: {
    code: { type: 'string' },
    reason: { type: 'string' },
    message: { type: 'string' },
    status: { type: 'string' },
    referenceError: { type: 'string' },
    error: { type: 'string', description: 'RFC 6749 error code (token endpoint only)' },
    error_description: { type: 'string', description: 'RFC 6749 description (token endpoint only)' },
  },
};

const SECURITY_SCHEMES: Record<string, OpenAPIV3.SecuritySchemeObject> = {
  oauth2: {
    type: 'oauth2',
    description: 'The desktop app signs in with the password grant (client_id outpost-desktop); integrations use client credentials',
    flows: {
      password: { tokenUrl: '/oauth/token', refreshUrl: '/oauth/token', scopes: {} },
      clientCredentials: { tokenUrl: '/oauth/token', scopes: {} },
    },
  },
  bearer: { type: 'http', scheme: 'bearer', description: 'The opaque access_token from POST /oauth/token' },
};

function isOperation(value: unknown): value is OpenAPIV3.OperationObject & { [PARTS_KEY]?: OperationParts } {
  return typeof value === 'object' && value !== null && 'responses' in value;
}

/** Merges the inferred parts into what @fastify/swagger made of the route's own schema. */
function completeOperation(operation: OpenAPIV3.OperationObject & { [PARTS_KEY]?: OperationParts }): void {
  const parts = operation[PARTS_KEY];
  delete operation[PARTS_KEY];
  if (!parts) return;
  const { responses, parameters, security, ...described } = parts;
  // What the route's own schema says (summary, tags, ...) wins over what was inferred.
  for (const [key, value] of Object.entries(described)) {
    if (!(key in operation)) Object.assign(operation, { [key]: value });
  }
  const declared = (operation.parameters ?? []) as OpenAPIV3.ParameterObject[];
  const known = new Set(declared.map((parameter) => `${parameter.in} ${parameter.name}`));
  const added = parameters.filter((parameter) => !known.has(`${parameter.in} ${parameter.name}`));
  if (declared.length + added.length > 0) operation.parameters = [...declared, ...added];
  // A route with no response schema gets @fastify/swagger's placeholder "Default Response".
  const own = Object.entries(operation.responses).filter(
    ([, response]) => (response as OpenAPIV3.ResponseObject).description !== 'Default Response',
  );
  operation.responses = { ...responses, ...Object.fromEntries(own) };
  if (security) operation.security = security;
}

/**
 * The service's own OpenAPI 3 document at GET /openapi.json (no token): every route, with
 * its method, parameters, answers and security. Installed before any route so its onRoute
 * hook sees them all; routes need no schema (operations.ts infers what they do not say).
 */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Outpost central system',
        version: '0.1.0',
        description: 'Sync for the Outpost desktop app and TM Forum Open APIs (TMF620, 622, 637, 648, 688, 699). See central/README.md.',
      },
      components: { schemas: { Error: ERROR_SCHEMA }, securitySchemes: SECURITY_SCHEMES },
      security: [{ oauth2: [] }, { bearer: [] }],
    },
    transform: ({ schema, url, route }: { schema: FastifySchema; url: string; route: RouteOptions }) => {
      const method = Array.isArray(route.method) ? String(route.method[0]) : String(route.method);
      // HEAD mirrors GET and OPTIONS is the CORS preflight: neither is an operation of the API.
      if (method === 'OPTIONS' || url.includes('*')) return { schema: { ...schema, hide: true }, url };
      const parts = operationParts(method, url, route.config?.openapi);
      return { schema: { ...schema, [PARTS_KEY]: parts } as FastifySchema, url };
    },
    transformObject: (documentObject) => {
      if (!('openapiObject' in documentObject)) return documentObject.swaggerObject;
      const document = documentObject.openapiObject as OpenAPIV3.Document;
      for (const path of Object.values(document.paths)) {
        for (const method of METHODS) {
          const operation = path?.[method];
          if (isOperation(operation)) completeOperation(operation);
        }
      }
      return document;
    },
  });
  app.get(OPENAPI_PATH, { config: { openapi: { summary: 'This document (OpenAPI 3.0)' } } }, async () => app.swagger());
}

export { ERROR_REF };
