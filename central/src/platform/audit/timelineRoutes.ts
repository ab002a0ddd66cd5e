import type { FastifyInstance } from 'fastify';
import { isTimelineKind, TIMELINE_KINDS, type TimelineResponse } from '../../../../shared/audit/timeline';
import { currentUser } from '../auth/guard';
import type { Db } from '../db/db';
import { notFound } from '../http/errors';
import { centralTimeline } from './timelineStore';

/**
 * `GET /audit/{kind}/{id}/timeline`: the record's timeline along its chain, for its owner and
 * the owner's manager only (anyone else gets 404, as for a record that does not exist).
 */
export function registerTimelineRoutes(app: FastifyInstance, db: Db): void {
  app.get(
    '/audit/:kind/:id/timeline',
    { config: { openapi: { summary: "A lead's, opportunity's, quote's or order's timeline: who changed what, when, from which device" } } },
    async (request): Promise<TimelineResponse> => {
      const user = currentUser(request);
      const { kind, id } = request.params as { kind: string; id: string };
      if (!isTimelineKind(kind)) throw notFound(`No timeline for "${kind}"; ask for one of ${TIMELINE_KINDS.join(', ')}`);
      // Record ids are UUIDs or short seeded ids; anything else names no record (and NUL cannot reach SQL).
      if (!/^[A-Za-z0-9._:-]{1,100}$/.test(id)) throw notFound(`No ${kind} "${id.slice(0, 100)}"; name a record by its id`);
      const answer = await centralTimeline(db, user, kind, id);
      if ('refused' in answer) throw notFound(answer.refused);
      return { kind, id, entries: answer.entries, asOf: new Date().toISOString() };
    },
  );
}
