/**
 * Test support: validates a response body against the OFFICIAL TM Forum v4 swagger files in
 * shared/tmf/ (outside the repository, read-only) with openapi-response-validator, the core of
 * jest-openapi and chai-openapi-response-validator. No schema is copied here: the operation is
 * found in the spec by base path + path template and the validator checks the body against the
 * response the spec declares for that status.
 *
 * Documented exceptions, each as narrow as possible (see SPEC_QUIRKS below):
 * 1. TMF637 `ProductStatusType` publishes `"aborted "` with a trailing space (sic, STATES.md §6);
 *    the server's `"aborted"` is accepted where the spec's enum lists the literal with the space.
 * 2. TMF630 attribute selection (`fields=`) returns only the chosen first-level attributes, so
 *    `required` errors on first-level attributes are ignored when the caller says fields were
 *    selected; nested objects are checked in full.
 * 3. Error statuses the operation does not declare (413, 415, 429, ...) and routes the spec does
 *    not know (unknown paths under /tmf-api/) are checked against the spec's own `Error` definition.
 * 4. `format: uri` is checked as an RFC 3986 URI-reference: the server's `href` is the relative
 *    path it also sends as `Location` (TMF622's href has no format at all; TMF620's says uri).
 * 5. A POST that finds the resource already created (TMF622 `externalId` de-duplication, see
 *    central/README.md) answers 200 with it; where the operation declares only 201, that body is
 *    checked against the 201 schema (the same resource).
 * Not exceptions, and deliberately left strict: `ProductOrderItemStateType` has no `partial`
 * (partial exists at order level only), `productOrderItem.state` must be an item state.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import type OpenAPIResponseValidator from 'openapi-response-validator';
import type { OpenAPIResponseValidatorArgs } from 'openapi-response-validator';

// A CommonJS package whose class is `exports.default`: required as such, so tsx, vitest and
// plain Node all get the class (an ESM default import gets the exports object in Node).
const { default: ResponseValidator } = createRequire(import.meta.url)('openapi-response-validator') as {
  default: typeof OpenAPIResponseValidator;
};

export type TmfApi = 'TMF620' | 'TMF622' | 'TMF637' | 'TMF645' | 'TMF648' | 'TMF688' | 'TMF699';
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const SPEC_FILES: Record<TmfApi, string> = {
  TMF620: 'TMF620-ProductCatalog-v4.1.0.swagger.json',
  TMF622: 'TMF622-ProductOrdering-v4.0.0.swagger.json',
  TMF637: 'TMF637-ProductInventory-v4.0.0.swagger.json',
  TMF645: 'TMF645-ServiceQualification-v4.0.0.swagger.json',
  TMF648: 'TMF648-QuoteManagement-v4.0.0.swagger.json',
  TMF688: 'TMF688-EventManagement-v4.0.0.swagger.json',
  TMF699: 'TMF699-Sales-v4.0.0.swagger.json',
};

/** The swagger files sit beside the repository (CI has shared/ beside the clone). */
const SPEC_FOLDER = new URL('../../../../shared/tmf/', import.meta.url);

type Definitions = NonNullable<OpenAPIResponseValidatorArgs['definitions']>;
type Responses = OpenAPIResponseValidatorArgs['responses'];

interface SwaggerOperation {
  responses: Responses;
}

export interface SwaggerSpec {
  swagger: string;
  basePath: string;
  paths: Record<string, Record<string, SwaggerOperation | unknown>>;
  definitions: Definitions;
}

const specs = new Map<TmfApi, SwaggerSpec>();

export function loadSpec(api: TmfApi): SwaggerSpec {
  let spec = specs.get(api);
  if (!spec) {
    spec = JSON.parse(readFileSync(new URL(SPEC_FILES[api], SPEC_FOLDER), 'utf8')) as SwaggerSpec;
    specs.set(api, spec);
  }
  return spec;
}

export const TMF_APIS = Object.keys(SPEC_FILES) as TmfApi[];

/** `/tmf-api/sales/v4/` -> `/tmf-api/sales/v4`. */
export function basePathOf(api: TmfApi): string {
  return loadSpec(api).basePath.replace(/\/+$/, '');
}

/** The API a server route belongs to, by the base path it starts with. */
export function apiOfPath(path: string): TmfApi | undefined {
  return TMF_APIS.find((api) => path === basePathOf(api) || path.startsWith(`${basePathOf(api)}/`));
}

/** `/x/:id` and `/x/{id}` both become `/x/{}`: parameter names differ between server and spec. */
function shape(template: string): string {
  return template
    .replace(/:[A-Za-z0-9_]+/g, '{}')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\/+$/, '');
}

/** The spec's path template for a server path template, with or without the base path. */
export function specPathOf(api: TmfApi, pathTemplate: string): string | undefined {
  const base = basePathOf(api);
  const relative = pathTemplate.startsWith(`${base}/`) ? pathTemplate.slice(base.length) : pathTemplate;
  const wanted = shape(relative);
  return Object.keys(loadSpec(api).paths).find((path) => shape(path) === wanted);
}

export function specOperation(api: TmfApi, method: string, pathTemplate: string): SwaggerOperation | undefined {
  const path = specPathOf(api, pathTemplate);
  if (path === undefined) return undefined;
  const operation = loadSpec(api).paths[path]?.[method.toLowerCase()];
  return operation && typeof operation === 'object' && 'responses' in operation ? (operation as SwaggerOperation) : undefined;
}

/** RFC 3339 date-time, as `format: date-time` means; the library checks no format by itself. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const CUSTOM_FORMATS = {
  'date-time': (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
  // Quirk 4: a URI-reference (relative paths allowed), with no whitespace or control characters.
  uri: (value: string) => value.length > 0 && !/[\s\p{Cc}]/u.test(value) && URL.canParse(value, 'http://base.invalid'),
};

interface RawError {
  path: string;
  message: string;
  keyword: string;
  instancePath: string;
  allowedValues?: unknown;
}

const validators = new Map<string, OpenAPIResponseValidator>();

function validatorFor(api: TmfApi, key: string, responses: Responses): OpenAPIResponseValidator {
  const cacheKey = `${api} ${key}`;
  let validator = validators.get(cacheKey);
  if (!validator) {
    validator = new ResponseValidator({
      responses,
      definitions: loadSpec(api).definitions,
      customFormats: CUSTOM_FORMATS,
      loggingKey: cacheKey,
      // Keep ajv's keyword and params: the quirk filters below need them.
      errorTransformer: (mapped, ajvError: ErrorObject): RawError => ({
        path: mapped.path ?? '',
        message: mapped.message,
        keyword: ajvError.keyword,
        instancePath: ajvError.instancePath,
        allowedValues: (ajvError.params as { allowedValues?: unknown }).allowedValues,
      }),
    });
    validators.set(cacheKey, validator);
  }
  return validator;
}

function valueAt(root: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
}

export interface ConformanceOptions {
  /** The request used TMF630 `fields=`: first-level attributes may be missing (quirk 2). */
  fieldsSelected?: boolean;
}

/** Quirks 1 and 2: errors that the documented exceptions allow; everything else stands. */
function isAllowedByQuirk(error: RawError, wrapped: unknown, options: ConformanceOptions): boolean {
  if (error.keyword === 'enum' && Array.isArray(error.allowedValues)) {
    const value = valueAt(wrapped, error.instancePath);
    if (typeof value === 'string' && error.allowedValues.includes(`${value} `)) return true;
  }
  // `/response` (one resource) or `/response/3` (an item of a list): a first-level attribute.
  return error.keyword === 'required' && options.fieldsSelected === true && /^\/response(\/\d+)?$/.test(error.instancePath);
}

/** The problems of a body against the spec, as the validator words them; [] = conformant. */
export function conformanceProblems(
  api: TmfApi,
  method: HttpMethod | string,
  pathTemplate: string,
  status: number,
  body: unknown,
  options: ConformanceOptions = {},
): string[] {
  const operation = specOperation(api, method, pathTemplate);
  const code = String(status);
  let key = `${method.toUpperCase()} ${specPathOf(api, pathTemplate) ?? pathTemplate}`;
  let responses: Responses | undefined = operation?.responses;
  if (responses && method.toUpperCase() === 'POST' && code === '200' && !('200' in responses) && '201' in responses) {
    // Quirk 5: the existing resource, as the create would have answered it.
    responses = { '200': responses['201'] as Responses[string] };
    key = `${key} (200 as 201)`;
  }
  if (!responses || !(code in responses)) {
    if (status < 400) {
      if (!operation) return [`${api} has no operation ${method.toUpperCase()} ${pathTemplate} (base ${basePathOf(api)})`];
      return [`${api} ${key} declares no ${code} response (declared: ${Object.keys(operation.responses).join(', ')})`];
    }
    // Quirk 3: an error the operation does not list is still the spec's Error.
    key = `Error ${code}`;
    responses = { [code]: { schema: { $ref: '#/definitions/Error' } } };
  }
  // The validator fills defaults in; never let it touch the caller's body.
  const copy: unknown = body === undefined ? undefined : structuredClone(body);
  const result = validatorFor(api, key, responses).validateResponse(code, copy);
  if (!result) return [];
  const errors = (result.errors as RawError[]).filter((error) => !isAllowedByQuirk(error, { response: copy }, options));
  if (errors.length === 0) return [];
  return [`${result.message} (${api} ${key} ${code})`, ...errors.map((error) => `  ${error.path || '(body)'}: ${error.message}`)];
}

/**
 * Throws, with the validator's own message, unless `body` conforms to what `api` declares for
 * `method pathTemplate` answering `status`. `pathTemplate` may be the spec's (`/productOrder/{id}`)
 * or the server's (`/tmf-api/productOrderingManagement/v4/productOrder/:id`).
 */
export function expectConformant(
  api: TmfApi,
  method: HttpMethod | string,
  pathTemplate: string,
  status: number,
  body: unknown,
  options: ConformanceOptions = {},
): void {
  const problems = conformanceProblems(api, method, pathTemplate, status, body, options);
  if (problems.length === 0) return;
  const shown = JSON.stringify(body);
  throw new Error(`${problems.join('\n')}\nbody: ${shown && shown.length > 2000 ? `${shown.slice(0, 2000)}…` : shown}`);
}
