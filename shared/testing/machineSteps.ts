/**
 * The machine alone (no role rules), asked by status and context, for the machine tests that
 * enumerate transitions: role rules are tested apart, through sendX with real actors.
 */
import type { AnyStateMachine, ContextFrom, EventFromLogic } from 'xstate';
import { machineStep, type Lifecycle } from '../machines/send';

export function machineSteps<M extends AnyStateMachine, D extends { status: string; owner: string }, X>(
  lifecycle: Lifecycle<M, D, X>,
  extraOf: (context: ContextFrom<M>) => X | undefined = () => undefined,
) {
  const docOf = (status: string, context: ContextFrom<M>): D => ({ ...lifecycle.docOf(context), status });
  const run = (status: string, context: ContextFrom<M>, event: EventFromLogic<M>) =>
    machineStep(lifecycle, docOf(status, context), event, extraOf(context));
  return {
    can: (status: string, context: ContextFrom<M>, event: EventFromLogic<M>): boolean => run(status, context, event).ok,
    step: (status: string, context: ContextFrom<M>, event: EventFromLogic<M>): { status: string; context: ContextFrom<M> } => {
      const result = run(status, context, event);
      if (!result.ok) throw new Error(result.reason);
      return { status: result.doc.status, context: lifecycle.contextOf(result.doc, extraOf(context)) };
    },
    next: (status: string, context: ContextFrom<M>, event: EventFromLogic<M>): string => {
      const result = run(status, context, event);
      if (!result.ok) throw new Error(result.reason);
      return result.doc.status;
    },
  };
}
