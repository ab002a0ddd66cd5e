import type { OpenAPIV3 } from 'openapi-types';

/**
 * What a route may say about itself for the OpenAPI document, in its Fastify route options:
 * `app.post(path, { config: { openapi: { summary: '...', responses: { 429: '...' } } } }, handler)`.
 * Nothing is required: paths, methods, path parameters, paging, bodies, the usual answers
 * and the security of every route are inferred (operations.ts).
 */
export interface RouteDoc {
  summary?: string;
  description?: string;
  /** Query parameters beyond the inferred ones, name -> description. */
  query?: Readonly<Record<string, string>>;
  /** The request body's media type; default application/json for POST, PATCH and PUT. */
  requestBody?: 'json' | 'form' | 'none';
  /** Answers beyond the inferred ones, status -> description (errors are the TMF Error). */
  responses?: Readonly<Record<number, string>>;
  /** The success answer's media type, e.g. text/event-stream; default application/json. */
  produces?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    openapi?: RouteDoc;
  }
}

/** One operation's inferred parts, in OpenAPI form. */
export interface OperationParts {
  summary?: string;
  description?: string;
  tags: string[];
  parameters: OpenAPIV3.ParameterObject[];
  requestBody?: OpenAPIV3.RequestBodyObject;
  responses: OpenAPIV3.ResponsesObject;
  /** [] = no token needed; undefined = the document's default (a bearer token). */
  security?: OpenAPIV3.SecurityRequirementObject[];
}
