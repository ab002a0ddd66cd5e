/** Actors for machine tests: the fixtures' documents belong to rep-1, whose manager is manager-1. */
import type { Actor } from '../machines/send';

export const REP: Actor = { kind: 'user', id: 'rep-1', role: 'rep', manages: () => false };
export const OTHER_REP: Actor = { kind: 'user', id: 'rep-2', role: 'rep', manages: () => false };
export const MANAGER: Actor = { kind: 'user', id: 'manager-1', role: 'manager', manages: (owner) => owner === 'rep-1' };
/** A manager, but of other reps. */
export const OTHER_MANAGER: Actor = { kind: 'user', id: 'manager-2', role: 'manager', manages: (owner) => owner === 'rep-2' };
export const ADMIN: Actor = { kind: 'user', id: 'admin-1', role: 'admin', manages: () => false };
export const SYSTEM: Actor = { kind: 'system', name: 'central' };
export const FULFILLMENT: Actor = { kind: 'system', name: 'fulfillment' };

export const USERS: readonly Actor[] = [REP, OTHER_REP, MANAGER, OTHER_MANAGER, ADMIN];
export const ACTORS: readonly Actor[] = [...USERS, SYSTEM, FULFILLMENT];
