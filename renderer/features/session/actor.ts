import type { Actor } from '../../../shared/machines/send';
import type { UserInfo } from '../../../shared/sync/protocol';

/**
 * The signed-in user as the lifecycle machines' actor. A manager's laptop only ever pulls the
 * records of their own reps (the central system scopes the pull), so any other owner here is
 * one of their reps; the central system checks the real relation again on push.
 */
export function actorOf(user: UserInfo): Actor {
  return {
    kind: 'user',
    id: user.id,
    role: user.role,
    manages: (owner) => user.role === 'manager' && owner !== user.id,
    ...(user.salesDirector === true ? { salesDirector: true } : {}),
  };
}
