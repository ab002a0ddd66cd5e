/**
 * Stateless use of a lifecycle machine: a stored document is (status, doc), so the snapshot is
 * rebuilt from them with `resolveState` and the event is applied with the pure `transition`.
 * The UI, the local store and the central system all ask the same question this way.
 */
import { transition, type AnyMachineSnapshot, type AnyStateMachine, type ContextFrom, type EventFromLogic, type SnapshotFrom } from 'xstate';

function resolve<M extends AnyStateMachine>(machine: M, status: string, context: ContextFrom<M>): AnyMachineSnapshot | undefined {
  // A status the machine does not know (corrupt or newer data) allows nothing rather than crashing.
  if (!Object.prototype.hasOwnProperty.call(machine.states, status)) return undefined;
  return machine.resolveState({ value: status, context });
}

export function canSend<M extends AnyStateMachine>(machine: M, status: string, context: ContextFrom<M>, event: EventFromLogic<M>): boolean {
  const snapshot = resolve(machine, status, context);
  return snapshot !== undefined && snapshot.can(event);
}

/** The status and context after the event; throws when the event is not allowed in this status. */
export function step<M extends AnyStateMachine, S extends string>(
  machine: M,
  status: S,
  context: ContextFrom<M>,
  event: EventFromLogic<M>,
): { status: S; context: ContextFrom<M> } {
  const snapshot = resolve(machine, status, context);
  if (snapshot === undefined || !snapshot.can(event)) {
    throw new Error(`'${event.type}' is not allowed when the ${machine.id} is '${status}'`);
  }
  const [next]: [AnyMachineSnapshot, unknown] = transition(machine, snapshot as SnapshotFrom<M>, event);
  if (typeof next.value !== 'string') throw new Error(`The ${machine.id} machine reached a nested state; statuses must be flat`);
  return { status: next.value as S, context: next.context as ContextFrom<M> };
}

export function nextStatus<M extends AnyStateMachine, S extends string>(machine: M, status: S, context: ContextFrom<M>, event: EventFromLogic<M>): S {
  return step(machine, status, context, event).status;
}
