/**
 * Who works a received lead. Documented routing (central/README.md):
 * 1. a relatedParty with role "salesRep" naming a rep (user id or username) wins;
 * 2. otherwise the rep with the fewest open leads (statuses the lead machine can still leave),
 *    ties broken by username, so the same data always gives the same rep.
 * Only reps the poster may see are candidates: a rep's lead stays with that rep, a manager's
 * goes to the manager's team, an admin's or the integration client's to any rep. The channel
 * the engine selects is recorded on the lead; every channel is worked by the same field reps
 * (the demo company has no partner organisation to route indirect channels to).
 */
import { LEAD_STATES } from '../../../../shared/schemas/lead.schema';
import { leadMachine } from '../../../../shared/machines/lead.machine';
import type { AuthUser } from '../../platform/auth/users';
import { toNumber, type Queryable } from '../../platform/db/db';
import { badRequest, HttpError } from '../../platform/http/errors';
import { ownerVisibleSql } from '../../platform/auth/scope';
import type { LeadOwner } from './salesLeadProjection';

export const OPEN_LEAD_STATES: readonly string[] = LEAD_STATES.filter((state) => leadMachine.states[state]?.type !== 'final');

interface CandidateRow extends Record<string, unknown> {
  id: string;
  username: string;
  display_name: string;
  open_leads: unknown;
}

export interface Candidate extends LeadOwner {
  username: string;
  openLeads: number;
}

/** Reps the user may assign leads to, fewest open leads first, then by username. */
export async function candidateReps(tx: Queryable, user: AuthUser): Promise<Candidate[]> {
  const scope = ownerVisibleSql(user, 'u.id', 2);
  const params: unknown[] = [OPEN_LEAD_STATES];
  if (scope !== 'TRUE') params.push(user.id);
  const rows = await tx.query<CandidateRow>(
    `SELECT u.id, u.username, u.display_name,
            (SELECT count(*) FROM sync_docs d
              WHERE d.collection = 'leads' AND d.owner = u.id AND NOT d.deleted
                AND d.data ->> 'status' = ANY($1::text[])) AS open_leads
       FROM users u
      WHERE u.role = 'rep' AND ${scope}
      ORDER BY open_leads, u.username, u.id`,
    params,
  );
  return rows.map((row) => ({ id: row.id, username: row.username, displayName: row.display_name, openLeads: toNumber(row.open_leads) }));
}

/** Call under the write lock, so concurrent leads are balanced on counts that include each other. */
export async function assignRep(tx: Queryable, user: AuthUser, requested: string | undefined): Promise<Candidate> {
  const candidates = await candidateReps(tx, user);
  if (requested !== undefined) {
    const named = candidates.find((rep) => rep.id === requested || rep.username === requested);
    if (!named) {
      throw badRequest(
        `relatedParty salesRep "${requested.slice(0, 64)}" is not a sales rep you may assign leads to; name one by user id or username, or leave the salesRep out`,
      );
    }
    return named;
  }
  const first = candidates[0];
  if (!first)
    throw new HttpError(
      409,
      'conflict',
      'There is no sales rep you may assign this lead to; ask an administrator to add reps to your team',
    );
  return first;
}
