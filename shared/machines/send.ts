/**
 * The one way a document's status changes: `send(doc, event, actor)` rebuilds the machine's
 * snapshot from the stored document, asks the machine whether the event is allowed there, asks
 * the lifecycle's role rules whether this actor may send it, and answers the next document or a
 * refusal naming what this actor may send now. The renderer, the local store and the central
 * system (replaying pushes) all call it, so both sides enforce the same gate.
 */
import {
  transition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type ContextFrom,
  type EventFromLogic,
  type SnapshotFrom,
} from 'xstate';
import type { Role } from '../sync/protocol';

/** Who may send an event, relative to the document: its owner, a manager of its owner, or the central system itself. */
export type Party = 'owner' | 'ownersManager' | 'system';

/**
 * Who is sending. A user carries what the rules need: whether they manage a given owner. The
 * central system answers that from its users table; the app from what it was allowed to pull
 * (a manager's laptop only holds the records of their own reps). `system` is the central system
 * or fulfilment acting on its own (TMF622 state changes, TMF699 leads processed on creation).
 */
export type Actor =
  | {
      kind: 'user';
      id: string;
      role: Role;
      manages(owner: string): boolean;
      /** A manager with the sales director's authority over the owners they manage (discount approval). */
      salesDirector?: boolean;
    }
  | { kind: 'system'; name: 'central' | 'fulfillment' };

export const CENTRAL_SYSTEM: Actor = { kind: 'system', name: 'central' };

/** The document's owner acting on their own work: the actor where a caller names none. */
export function ownerOf(doc: { owner: string }): Actor {
  return { kind: 'user', id: doc.owner, role: 'rep', manages: () => false };
}

/** `cause`: the machine forbids the event in this status, or the role rules forbid it to this actor. */
export type Refusal<T extends string> = { ok: false; reason: string; allowed: T[]; cause: 'machine' | 'role' };
export type Sent<D, T extends string> = { ok: true; doc: D } | Refusal<T>;

interface LifecycleDoc {
  status: string;
  owner: string;
}

/** A machine with what `send` needs beside it: role rules, probe events (to list what is allowed), how a document maps to its context. */
export interface Lifecycle<M extends AnyStateMachine, D extends LifecycleDoc, X = undefined> {
  machine: M;
  /** Who may send each event type, as data. */
  rules: Readonly<Record<EventFromLogic<M>['type'], readonly Party[]>>;
  /** One representative event per type, to ask the machine which events it accepts now. */
  probes: readonly EventFromLogic<M>[];
  contextOf(doc: D, extra: X | undefined): ContextFrom<M>;
  docOf(context: ContextFrom<M>): D;
  /**
   * A check beyond the party rules that depends on the document (a discount that needs a higher
   * approver than this manager): why this allowed party still may not send the event, or undefined.
   */
  authorize?(doc: D, event: EventFromLogic<M>, actor: Actor, extra: X | undefined): string | undefined;
}

const PARTY_TEXT: Record<Party, string> = {
  owner: 'its owner',
  ownersManager: 'a manager of its owner (never the owner)',
  system: 'the central system or fulfilment (never a user of the app)',
};

function isParty(party: Party, actor: Actor, owner: string): boolean {
  if (party === 'system') return actor.kind === 'system';
  if (actor.kind !== 'user') return false;
  if (party === 'owner') return actor.id === owner;
  return actor.role === 'manager' && actor.id !== owner && actor.manages(owner);
}

export function actorName(actor: Actor): string {
  return actor.kind === 'system' ? `the ${actor.name} system` : `${actor.id} (${actor.role})`;
}

function resolve<M extends AnyStateMachine>(machine: M, status: string, context: ContextFrom<M>): AnyMachineSnapshot | undefined {
  // A status the machine does not know (corrupt or newer data) allows nothing rather than crashing.
  if (!Object.prototype.hasOwnProperty.call(machine.states, status)) return undefined;
  return machine.resolveState({ value: status, context });
}

/** Event types the machine accepts now (guards included) and this actor may send. */
export function allowedEvents<M extends AnyStateMachine, D extends LifecycleDoc, X>(
  lifecycle: Lifecycle<M, D, X>,
  doc: D,
  actor: Actor,
  extra?: X,
): EventFromLogic<M>['type'][] {
  const snapshot = resolve(lifecycle.machine, doc.status, lifecycle.contextOf(doc, extra));
  if (snapshot === undefined) return [];
  const probes = lifecycle.probes.filter((probe) => snapshot.can(probe));
  const rules = lifecycle.rules as Record<string, readonly Party[]>;
  const allowed = probes.filter(
    (probe) =>
      (rules[probe.type] ?? []).some((party) => isParty(party, actor, doc.owner)) &&
      lifecycle.authorize?.(doc, probe, actor, extra) === undefined,
  );
  return [...new Set(allowed.map((probe) => probe.type as EventFromLogic<M>['type']))];
}

function allowedText(allowed: readonly string[]): string {
  return allowed.length > 0 ? `allowed now: ${allowed.join(', ')}` : 'nothing is allowed now';
}

export function send<M extends AnyStateMachine, D extends LifecycleDoc, X>(
  lifecycle: Lifecycle<M, D, X>,
  doc: D,
  event: EventFromLogic<M>,
  actor: Actor,
  extra?: X,
): Sent<D, EventFromLogic<M>['type']> {
  return sendAs(lifecycle, doc, event, actor, extra);
}

/** What the machine alone answers, whoever sends it: to find a way between two statuses before asking who may walk it. */
export function machineStep<M extends AnyStateMachine, D extends LifecycleDoc, X>(
  lifecycle: Lifecycle<M, D, X>,
  doc: D,
  event: EventFromLogic<M>,
  extra?: X,
): Sent<D, EventFromLogic<M>['type']> {
  return sendAs(lifecycle, doc, event, null, extra);
}

/**
 * The next document when this actor may send the event, else undefined: `send` without the
 * refusal's list of allowed events, for a search that tries every event and drops refusals
 * (replay.ts; listing them made the central order push spend a tenth of its CPU there).
 */
export function stepAs<M extends AnyStateMachine, D extends LifecycleDoc, X>(
  lifecycle: Lifecycle<M, D, X>,
  doc: D,
  event: EventFromLogic<M>,
  actor: Actor,
  extra?: X,
): D | undefined {
  const next = sendAs(lifecycle, doc, event, actor, extra, false);
  return next.ok ? next.doc : undefined;
}

function sendAs<M extends AnyStateMachine, D extends LifecycleDoc, X>(
  lifecycle: Lifecycle<M, D, X>,
  doc: D,
  event: EventFromLogic<M>,
  actor: Actor | null,
  extra: X | undefined,
  listAllowed = true,
): Sent<D, EventFromLogic<M>['type']> {
  const { machine } = lifecycle;
  const context = lifecycle.contextOf(doc, extra);
  const snapshot = resolve(machine, doc.status, context);
  // Only a refusal lists what is allowed: probing every event on each accepted send made a
  // 10,000-lead import spend most of its time here.
  const allowedNow = () => (actor === null || !listAllowed ? [] : allowedEvents(lifecycle, doc, actor, extra));
  const type = event.type as EventFromLogic<M>['type'];
  if (snapshot === undefined || !snapshot.can(event)) {
    const allowed = allowedNow();
    return {
      ok: false,
      cause: 'machine',
      allowed,
      reason: `'${type}' is not allowed when the ${machine.id} is '${doc.status}'; ${allowedText(allowed)}`,
    };
  }
  const parties = (lifecycle.rules as Record<string, readonly Party[]>)[type] ?? [];
  if (actor !== null && !parties.some((party) => isParty(party, actor, doc.owner))) {
    const allowed = allowedNow();
    const who = parties.map((party) => PARTY_TEXT[party]).join(' or ') || 'nobody';
    return {
      ok: false,
      cause: 'role',
      allowed,
      reason: `'${type}' on this ${machine.id} may be sent only by ${who}, not by ${actorName(actor)}; ${allowedText(allowed)}`,
    };
  }
  const unauthorized = actor === null ? undefined : lifecycle.authorize?.(doc, event, actor, extra);
  if (unauthorized !== undefined) return { ok: false, cause: 'role', allowed: [], reason: unauthorized };
  const [next]: [AnyMachineSnapshot, unknown] = transition(machine, snapshot as SnapshotFrom<M>, event);
  if (typeof next.value !== 'string') throw new Error(`The ${machine.id} machine reached a nested state; statuses must be flat`);
  return { ok: true, doc: { ...lifecycle.docOf(next.context as ContextFrom<M>), status: next.value } };
}

/** The next document, or an Error with the refusal's reason: for callers that checked `can` first. */
export function sendOrThrow<D, T extends string>(result: Sent<D, T>): D {
  if (!result.ok) throw new Error(result.reason);
  return result.doc;
}
