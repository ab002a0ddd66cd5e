/**
 * The routes a real central system registers, discovered rather than listed by hand, so a
 * route another module adds later is covered by the conformance, hostile-input and
 * authorization suites without anyone remembering to add it there.
 *
 * Fastify publishes every new instance on the `fastify.initialization` diagnostics channel
 * before any route is registered; an `onRoute` hook added there sees them all (plugins included).
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { CentralOptions } from '../server';
import { startCentral, type Engine, type TestCentral } from './harness';

export interface RegisteredRoute {
  method: string;
  /** Fastify's template, e.g. `/tmf-api/sales/v4/salesLead/:id`. */
  url: string;
}

const CHANNEL = 'fastify.initialization';

/** Methods a client calls; HEAD mirrors GET and OPTIONS is the CORS preflight. */
const CALLED = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export async function startCentralWithRoutes(
  engine: Engine,
  options: CentralOptions = {},
): Promise<{ central: TestCentral; routes: RegisteredRoute[] }> {
  const routes: RegisteredRoute[] = [];
  const onInit = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) if (CALLED.has(method)) routes.push({ method, url: route.url });
    });
  };
  subscribe(CHANNEL, onInit);
  try {
    const central = await startCentral(engine, options);
    return { central, routes: uniqueRoutes(routes) };
  } finally {
    unsubscribe(CHANNEL, onInit);
  }
}

function uniqueRoutes(routes: readonly RegisteredRoute[]): RegisteredRoute[] {
  const seen = new Map(routes.map((route) => [`${route.method} ${route.url}`, route]));
  return [...seen.values()].sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
}

/** `/x/:id/y` with values for its parameters, e.g. `{ id: 'abc' }`; missing ones get `fallback`. */
export function fillPath(template: string, values: Readonly<Record<string, string>> = {}, fallback = 'unknown-id'): string {
  return template.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? fallback));
}

export const routeKey = (route: RegisteredRoute): string => `${route.method} ${route.url}`;
