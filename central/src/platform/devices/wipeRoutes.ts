import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DEVICE_HEADER, SYNC_PATHS, type DeviceStatus } from '../../../../shared/sync/protocol';
import { currentUser } from '../auth/guard';
import { findUserById } from '../auth/users';
import type { Db } from '../db/db';
import { badRequest, forbidden, notFound } from '../http/errors';
import { parseDeviceId, parseWipedReport, parseWipeInput } from './wipeInput';
import { completeWipe, findWipe, insertWipe, listWipes, pendingWipe, withdrawWipe, type WipeRecord } from './wipeStore';

const WIPES = '/admin/wipes';

function requireAdmin(request: FastifyRequest): string {
  const user = currentUser(request);
  if (user.role !== 'admin') throw forbidden('Only an administrator asks for, lists and withdraws device wipes; sign in as an admin user');
  return user.id;
}

function deviceOf(request: FastifyRequest): string {
  return parseDeviceId(request.headers[DEVICE_HEADER], `The ${DEVICE_HEADER} header`);
}

/**
 * Remote wipe. An administrator asks for one (`POST /admin/wipes` {userId} or {deviceId}); the
 * app asks `GET /sync/device` for its installation (DEVICE_HEADER) and signed-in user, pushes
 * what it has queued (pushes keep working), deletes its local data and secrets and reports it
 * (`POST /sync/device/wiped`). A user wipe applies to every device of that user that connects
 * until it is withdrawn (`DELETE /admin/wipes/{id}`); a device that reported is not asked again.
 */
export function registerWipeRoutes(app: FastifyInstance, db: Db): void {
  app.post(
    WIPES,
    { config: { openapi: { summary: 'Ask for a remote wipe of every device of a user, or of one device (admin)' } } },
    async (request, reply) => {
      const adminId = requireAdmin(request);
      const input = parseWipeInput(request.body);
      if (input.userId !== undefined && !(await findUserById(db, input.userId))) {
        throw badRequest(`There is no user ${input.userId}; send the id of an existing user, such as "user-alex"`);
      }
      const wipe = await insertWipe(db, adminId, input);
      // Open streams of that user or device end now; the app asks about the wipe as it reconnects.
      app.sessionEnds.endForWipe(input);
      reply.code(201).header('Location', `${WIPES}/${wipe.id}`);
      return wipe;
    },
  );

  app.get(
    WIPES,
    { config: { openapi: { summary: 'Every remote wipe, newest first, with the devices that carried it out (admin)' } } },
    async (request): Promise<WipeRecord[]> => {
      requireAdmin(request);
      return listWipes(db);
    },
  );

  app.get(`${WIPES}/:id`, async (request) => {
    requireAdmin(request);
    const { id } = request.params as { id: string };
    const wipe = await findWipe(db, id);
    if (!wipe) throw notFound(`No wipe ${id}; GET ${WIPES} lists them`);
    return wipe;
  });

  app.delete(
    `${WIPES}/:id`,
    { config: { openapi: { summary: 'Withdraw a remote wipe: no device is asked for it any more (admin)' } } },
    async (request, reply) => {
      requireAdmin(request);
      const { id } = request.params as { id: string };
      if (!(await withdrawWipe(db, id))) throw notFound(`No wipe ${id} in force; GET ${WIPES} lists them`);
      return reply.code(204).send();
    },
  );

  app.get(
    SYNC_PATHS.device,
    { config: { openapi: { summary: `The wipe this device (${DEVICE_HEADER}) and signed-in user must carry out, if any` } } },
    async (request, reply): Promise<DeviceStatus> => {
      const user = currentUser(request);
      reply.header('Cache-Control', 'no-store');
      return { wipe: await pendingWipe(db, user.id, deviceOf(request)) };
    },
  );

  app.post(
    SYNC_PATHS.deviceWiped,
    { config: { openapi: { summary: 'This device carried out the wipe: it is not asked for it again' } } },
    async (request, reply) => {
      const user = currentUser(request);
      const device = deviceOf(request);
      const wipeId = parseWipedReport(request.body);
      if (!(await completeWipe(db, wipeId, user.id, device))) throw notFound(`No wipe ${wipeId} for you or this device`);
      return reply.code(204).send();
    },
  );
}
