import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RULE_ADMIN_PATHS } from '../../../../shared/leads/ruleAdmin';
import { currentUser } from '../../platform/auth/guard';
import type { AuthUser } from '../../platform/auth/users';
import type { Db } from '../../platform/db/db';
import { forbidden, notFound } from '../../platform/http/errors';
import type { ChangeHub } from '../../platform/sync/hub';
import { listDriftedLeads } from './leadDrift';
import { currentRuleSets, publishRuleSet, ruleSetHistory } from './ruleSetStore';

/** Rule sets are maintained centrally by administrators; reps and managers receive them by sync. */
function requireAdmin(request: FastifyRequest, what: string): AuthUser {
  const user = currentUser(request);
  if (user.role !== 'admin') {
    throw forbidden(`Only administrators ${what}; you are signed in with the ${user.role} role. Reps receive rule sets by sync`);
  }
  return user;
}

/**
 * Rule administration (seed 001's lead processing rule sets): the current sets, every version of
 * one, publishing the next version, and the drifted leads. Administrators only, reads included:
 * the history and the drift findings name other reps' leads.
 */
export function registerRuleSetRoutes(app: FastifyInstance, db: Db, hub: ChangeHub): void {
  const versions = `${RULE_ADMIN_PATHS.ruleSets}/:id/versions`;

  app.get(
    RULE_ADMIN_PATHS.ruleSets,
    { config: { openapi: { summary: 'The current version of every lead rule set (admin)' } } },
    async (request) => {
      requireAdmin(request, 'administer rule sets');
      return currentRuleSets(db);
    },
  );

  app.get(
    versions,
    { config: { openapi: { summary: 'Every published version of one rule set, newest first (admin)' } } },
    async (request) => {
      requireAdmin(request, 'administer rule sets');
      const { id } = request.params as { id: string };
      const history = await ruleSetHistory(db, id);
      if (!history) throw notFound(`No rule set ${id}; list them with GET ${RULE_ADMIN_PATHS.ruleSets}`);
      return history;
    },
  );

  app.post(
    versions,
    {
      config: {
        openapi: {
          summary: 'Publish the next version of a rule set; it syncs down to every app (admin)',
          responses: { 409: 'A newer version was published since the one you edited (basedOn)' },
        },
      },
    },
    async (request, reply) => {
      const user = requireAdmin(request, 'publish rule sets');
      const { id } = request.params as { id: string };
      const { ruleSet, change } = await publishRuleSet(db, user, id, request.body);
      // After commit: connected apps pull the new version at once.
      hub.publish([change]);
      reply.code(201);
      return ruleSet;
    },
  );

  app.get(
    RULE_ADMIN_PATHS.drift,
    {
      config: {
        openapi: { summary: 'Leads whose laptop outcome differs from the central re-run with the same rule-set versions (admin)' },
      },
    },
    async (request) => {
      requireAdmin(request, 'see rule-set drift');
      return listDriftedLeads(db);
    },
  );
}
