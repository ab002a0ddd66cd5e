import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { DEVICE_HEADER } from '../../../../shared/sync/protocol';
import { APP_VERSION_HEADER, MIN_VERSION_HEADER } from '../../../../shared/updates/version';

/** The packaged app's origin: the only one a production central system allows unless told otherwise. */
export const PRODUCTION_CORS_ORIGINS: readonly string[] = ['app://outpost'];

/**
 * Demo mode (OUTPOST_DEMO=1, `npm start`) also allows any local dev server or browser build. Not
 * in production: any page served from the user's own machine could then call the API with a token.
 */
export const DEMO_CORS_ORIGINS: readonly string[] = [...PRODUCTION_CORS_ORIGINS, 'http://127.0.0.1:*', 'http://localhost:*'];

export function defaultCorsOrigins(demo: boolean): readonly string[] {
  return demo ? DEMO_CORS_ORIGINS : PRODUCTION_CORS_ORIGINS;
}

/** `*` matches any run of characters except `/`, so `http://localhost:*` means any port. */
function originMatcher(patterns: readonly string[]): (origin: string) => boolean {
  const regexes = patterns.map((pattern) => {
    const escaped = pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*');
    return new RegExp(`^${escaped}$`);
  });
  return (origin) => regexes.some((regex) => regex.test(origin));
}

export async function installCors(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  const allowed = originMatcher(origins);
  await app.register(cors, {
    // Requests without Origin (the Electron main process, curl, integrations) are not CORS.
    origin: (origin, callback) => callback(null, origin === undefined || allowed(origin)),
    methods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    // The app names its installation (remote wipe) and its version (version gate) on every request.
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'Last-Event-ID', 'Cache-Control', DEVICE_HEADER, APP_VERSION_HEADER],
    exposedHeaders: ['X-Total-Count', 'X-Result-Count', 'Location', 'Retry-After', MIN_VERSION_HEADER],
    maxAge: 600,
  });
}
