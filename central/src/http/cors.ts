import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { DEVICE_HEADER } from '../../../shared/sync/protocol';

/** The packaged app's origin and any local dev server or browser build. */
export const DEFAULT_CORS_ORIGINS = ['app://outpost', 'http://127.0.0.1:*', 'http://localhost:*'];

/** `*` matches any run of characters except `/`, so `http://localhost:*` means any port. */
function originMatcher(patterns: readonly string[]): (origin: string) => boolean {
  const regexes = patterns.map((pattern) => {
    const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
    return new RegExp(`^${escaped}$`);
  });
  return (origin) => regexes.some((regex) => regex.test(origin));
}

export async function installCors(app: FastifyInstance, origins: readonly string[] = DEFAULT_CORS_ORIGINS): Promise<void> {
  const allowed = originMatcher(origins);
  await app.register(cors, {
    // Requests without Origin (the Electron main process, curl, integrations) are not CORS.
    origin: (origin, callback) => callback(null, origin === undefined || allowed(origin)),
    methods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    // DEVICE_HEADER: the app names its installation on every request (remote wipe).
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'Last-Event-ID', 'Cache-Control', DEVICE_HEADER],
    exposedHeaders: ['X-Total-Count', 'X-Result-Count', 'Location'],
    maxAge: 600,
  });
}
