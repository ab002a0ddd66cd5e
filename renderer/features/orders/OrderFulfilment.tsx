import { useMemo } from 'react';
import { decompositionLines, orderProgress, type ProgressTask, type TaskStatus } from '../../../shared/orders/decomposition';
import { nextSteps, parseFallout } from '../../../shared/orders/fallout';
import type { OrderDoc } from '../../../shared/schemas';
import { useDocuments } from '../../data/hooks';

const TASK_LABELS: Readonly<Record<TaskStatus, string>> = {
  notStarted: 'not started',
  inProgress: 'in progress',
  done: 'done',
  waiting: 'waiting for information',
  blocked: 'blocked',
  failed: 'failed',
  cancelled: 'cancelled',
};

function TaskList({ tasks, label }: { tasks: readonly ProgressTask[]; label: string }) {
  return (
    <ol aria-label={label}>
      {tasks.map((task) => (
        <li key={task.name}>
          {task.name}: {TASK_LABELS[task.status]}
        </li>
      ))}
    </ol>
  );
}

/**
 * After submit: which line fell out and why, what the rep can do about it, and the central
 * system's decomposition of the order (domain orders, their tasks, a special project for a
 * large order) as a progress list. Read from the order's status and reason (shared/orders/).
 */
export function OrderFulfilment({ order }: { order: OrderDoc }) {
  const offerings = useDocuments('offerings');
  const fallout = parseFallout(order.stateReason);
  const lines = useMemo(
    () => decompositionLines(order.items, (id) => offerings?.find((offering) => offering.id === id)?.category),
    [order.items, offerings],
  );
  if (!order.tmfOrderId) return null;
  const progress = orderProgress(lines, order.status, fallout);
  const lineName = (id: string) => `line ${id} (${lines.find((line) => line.id === id)?.name ?? 'unknown line'})`;
  const steps = nextSteps(order.status, fallout, order.partialAcceptance !== undefined);

  return (
    <>
      {fallout || steps.length > 0 ? (
        <section className="section" aria-labelledby="order-fallout-heading">
          <h2 id="order-fallout-heading">What needs attention</h2>
          {fallout ? (
            <ul aria-label="Lines that need attention">
              {fallout.lineIds.map((id) => (
                <li key={id}>
                  {lineName(id)}: {fallout.why}
                </li>
              ))}
              {fallout.deliveredLineIds.map((id) => (
                <li key={id}>{lineName(id)}: delivered</li>
              ))}
            </ul>
          ) : null}
          <h3>What you can do</h3>
          <ul aria-label="Next steps">
            {steps.map((step) => (
              <li key={step.kind}>{step.text}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="section" aria-labelledby="order-progress-heading">
        <h2 id="order-progress-heading">Fulfilment progress</h2>
        <ul aria-label="Domain orders">
          {progress.domains.map((domain) => (
            <li key={domain.specification}>
              {domain.specification} (lines {domain.lineIds.join(', ')}): {TASK_LABELS[domain.status]}
              <TaskList tasks={domain.tasks} label={`Tasks of the ${domain.specification} domain order`} />
            </li>
          ))}
          {progress.specialProject ? (
            <li>
              Special project ({progress.specialProject.reason}): {TASK_LABELS[progress.specialProject.status]}
              <TaskList tasks={progress.specialProject.tasks} label="Tasks of the special project" />
            </li>
          ) : null}
        </ul>
      </section>
    </>
  );
}
