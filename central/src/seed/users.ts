import type { NewUser } from '../platform/auth/users';

/** Demo identities; every password (and the integration client's secret) is `demo`. */
export const DEMO_PASSWORD = 'demo';

export const SEED_USERS: readonly Omit<NewUser, 'passwordHash'>[] = [
  /** The sales director: morgan's manager, who decides discounts above a manager's authority. */
  { id: 'user-jordan', username: 'jordan', displayName: 'Jordan Blake', role: 'manager' },
  { id: 'user-morgan', username: 'morgan', displayName: 'Morgan Lee', role: 'manager', managerId: 'user-jordan' },
  { id: 'user-alex', username: 'alex', displayName: 'Alex Rivera', role: 'rep', managerId: 'user-morgan' },
  { id: 'user-sam', username: 'sam', displayName: 'Sam Patel', role: 'rep', managerId: 'user-morgan' },
  { id: 'user-admin', username: 'admin', displayName: 'Outpost Administrator', role: 'admin' },
  /** OAuth client_credentials client for TM Forum API consumers (username = client_id). */
  { id: 'client-tmf', username: 'tmf-client', displayName: 'TMF integration client', role: 'integration' },
];
