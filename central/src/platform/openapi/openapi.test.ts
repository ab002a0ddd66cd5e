import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_ENGINE, type TestCentral } from '../../test/harness';
import { startCentralWithRoutes, type RegisteredRoute } from '../../test/routes';

type Operation = OpenAPIV3.OperationObject;

describe.each(ONE_ENGINE)("the service's OpenAPI document on $name", (engine) => {
  let central: TestCentral;
  let routes: RegisteredRoute[];
  let document: OpenAPIV3.Document;
  const operation = (method: string, path: string): Operation => {
    const found = document.paths[path]?.[method.toLowerCase() as OpenAPIV3.HttpMethods];
    if (!found) throw new Error(`${method} ${path} is not in the document`);
    return found;
  };
  const parameterNames = (op: Operation, where: string) =>
    ((op.parameters as OpenAPIV3.ParameterObject[] | undefined) ?? [])
      .filter((parameter) => parameter.in === where)
      .map((parameter) => parameter.name);

  beforeAll(async () => {
    ({ central, routes } = await startCentralWithRoutes(engine));
    const response = await fetch(`${central.url}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    document = (await response.json()) as OpenAPIV3.Document;
  });
  afterAll(() => central?.close());

  it('is served without a token and is a valid OpenAPI 3 document', async () => {
    expect(document.openapi).toBe('3.0.3');
    // The validator dereferences in place: hand it a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it('lists every route the server registers, with its path parameters', () => {
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const op = operation(route.method, path);
      const names = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]);
      expect(parameterNames(op, 'path').sort(), `${route.method} ${route.url}`).toEqual(names.sort());
      expect(Object.keys(op.responses).length, `${route.method} ${route.url}`).toBeGreaterThan(1);
    }
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item ?? {})
        .filter((key) => ['get', 'post', 'put', 'patch', 'delete'].includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.length).toBe(routes.length);
  });

  it('declares the OAuth2 password and client-credentials flows and bearer tokens, and which routes need none', () => {
    const schemes = document.components?.securitySchemes as Record<string, OpenAPIV3.SecuritySchemeObject>;
    expect(schemes.oauth2).toMatchObject({
      type: 'oauth2',
      flows: { password: { tokenUrl: '/oauth/token' }, clientCredentials: { tokenUrl: '/oauth/token' } },
    });
    expect(schemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ oauth2: [] }, { bearer: [] }]);
    for (const path of ['/health', '/oauth/token', '/openapi.json']) {
      const op = operation(path === '/oauth/token' ? 'POST' : 'GET', path);
      expect(op.security, path).toEqual([]);
      expect(op.responses['401'], path).toBeUndefined();
    }
    expect(operation('GET', '/me').security).toBeUndefined();
    expect(operation('GET', '/me').responses['401']).toBeDefined();
  });

  it('describes paging, bodies and answers the way the routes behave', () => {
    const list = operation('GET', '/tmf-api/productOrderingManagement/v4/productOrder');
    expect(parameterNames(list, 'query')).toEqual(expect.arrayContaining(['offset', 'limit', 'fields']));
    expect(Object.keys((list.responses['200'] as OpenAPIV3.ResponseObject).headers ?? {})).toEqual(['X-Total-Count', 'X-Result-Count']);
    const create = operation('POST', '/tmf-api/productOrderingManagement/v4/hub');
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401']));
    expect(create.requestBody).toBeDefined();
    expect(Object.keys(operation('DELETE', '/tmf-api/productOrderingManagement/v4/hub/{id}').responses)).toEqual(
      expect.arrayContaining(['204', '404']),
    );
    const token = operation('POST', '/oauth/token');
    expect(Object.keys((token.requestBody as OpenAPIV3.RequestBodyObject).content)).toEqual(['application/x-www-form-urlencoded']);
    expect(Object.keys(token.responses)).toEqual(expect.arrayContaining(['200', '400', '429']));
    expect(parameterNames(operation('GET', '/sync/{collection}/pull'), 'query')).toEqual(['seq', 'limit']);
    expect((token.responses['400'] as OpenAPIV3.ResponseObject).content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
  });
});
