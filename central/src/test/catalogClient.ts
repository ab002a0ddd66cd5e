/** TMF620 calls for the tests: plain fetch with a bearer token, as any catalog client would send them. */
import type { Json } from './client';

export const TMF620 = '/tmf-api/productCatalogManagement/v4';

export interface CatalogClient {
  get(path: string): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
  patch(path: string, body: unknown, contentType?: string): Promise<Response>;
  delete(path: string): Promise<Response>;
  /** GET that must answer 200; the JSON body. */
  read<T = Json>(path: string): Promise<T>;
}

export function catalogClient(url: string, token: string): CatalogClient {
  const authorization = `Bearer ${token}`;
  const send = (method: string, path: string, body?: unknown, contentType = 'application/json') =>
    fetch(`${url}${TMF620}${path}`, {
      method,
      headers: { authorization, ...(body === undefined ? {} : { 'content-type': contentType }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    patch: (path, body, contentType) => send('PATCH', path, body, contentType),
    delete: (path) => send('DELETE', path),
    async read<T>(path: string): Promise<T> {
      const response = await send('GET', path);
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}
