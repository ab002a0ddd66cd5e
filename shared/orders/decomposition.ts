/**
 * Order decomposition (seed 004): an order breaks down into domain orders, one per product
 * specification (here the offering's catalog category), each with its tasks; a large order
 * (many lines or units: a multi-site roll-out) also gets a special project. `orderProgress` says
 * where each task stands for the order's status and fall-out (fallout.ts), which is what the
 * central system's fulfillment has done so far: the progress list on the order.
 */
import type { Fallout } from './fallout';

export interface DecompositionLine {
  /** TMF622 line number, "01", "02"... */
  id: string;
  name: string;
  /** The offering's product specification (catalog category); undefined = unknown to this laptop. */
  specification: string | undefined;
  quantity: number;
  /** A line with only one-time charges (an installation) is a field visit, not a service. */
  oneTimeOnly: boolean;
}

export type TaskStatus = 'notStarted' | 'inProgress' | 'done' | 'waiting' | 'blocked' | 'failed' | 'cancelled';

export interface ProgressTask {
  name: string;
  status: TaskStatus;
}

export interface DomainOrder {
  /** "Internet", "Mobile"... */
  specification: string;
  lineIds: string[];
  tasks: ProgressTask[];
  status: TaskStatus;
}

export interface OrderProgress {
  domains: DomainOrder[];
  /** Large multi-site orders only. */
  specialProject?: { reason: string; tasks: ProgressTask[]; status: TaskStatus };
}

/** An order with this many lines, or units in all, is run as a special project. */
export const SPECIAL_PROJECT_LINES = 4;
export const SPECIAL_PROJECT_UNITS = 20;

const SERVICE_TASKS = ['Allocate resources', 'Configure service', 'Activate and test'];
const FIELD_TASKS = ['Schedule field visit', 'Install on site', 'Confirm with customer'];
const PROJECT_TASKS = ['Project plan', 'Coordinate sites', 'Hand over'];

/** Statuses of the tasks in order, given how far the work got and how the current one stands. */
function tasksAt(names: readonly string[], doneCount: number, current: TaskStatus | undefined, rest: TaskStatus): ProgressTask[] {
  return names.map((name, index) => ({
    name,
    status: index < doneCount ? 'done' : index === doneCount && current ? current : rest,
  }));
}

function summary(tasks: readonly ProgressTask[]): TaskStatus {
  for (const status of ['failed', 'blocked', 'waiting', 'inProgress'] as const) if (tasks.some((t) => t.status === status)) return status;
  if (tasks.every((t) => t.status === 'done')) return 'done';
  if (tasks.every((t) => t.status === 'cancelled')) return 'cancelled';
  return tasks.some((t) => t.status === 'done') ? 'inProgress' : 'notStarted';
}

/** The tasks of a domain order whose lines are `lineIds`, for the order's status and fall-out. */
function domainTasks(names: readonly string[], lineIds: readonly string[], status: string, fallout: Fallout | undefined): ProgressTask[] {
  const fellOutHere = fallout !== undefined && lineIds.some((id) => fallout.lineIds.includes(id));
  switch (status) {
    case 'inProgress':
    case 'assessingCancellation':
    case 'pendingCancellation':
      return tasksAt(names, 1, 'inProgress', 'notStarted');
    case 'held':
      return fellOutHere ? tasksAt(names, 1, 'blocked', 'notStarted') : tasksAt(names, 1, 'inProgress', 'notStarted');
    case 'pending':
      return fellOutHere ? tasksAt(names, 1, 'waiting', 'notStarted') : tasksAt(names, 1, 'inProgress', 'notStarted');
    case 'completed':
      return tasksAt(names, names.length, undefined, 'done');
    case 'partial':
      return fellOutHere ? tasksAt(names, 1, 'failed', 'cancelled') : tasksAt(names, names.length, undefined, 'done');
    case 'failed':
      return fellOutHere || !fallout ? tasksAt(names, 1, 'failed', 'cancelled') : tasksAt(names, 0, undefined, 'cancelled');
    case 'cancelled':
    case 'rejected':
      return tasksAt(names, 0, undefined, 'cancelled');
    default:
      // Not started yet: draft, validated, queued, acknowledged.
      return tasksAt(names, 0, undefined, 'notStarted');
  }
}

/** The decomposition of the order's lines and where each task stands. */
export function orderProgress(lines: readonly DecompositionLine[], status: string, fallout: Fallout | undefined): OrderProgress {
  const groups = new Map<string, { lineIds: string[]; field: boolean }>();
  for (const line of lines) {
    const specification = line.oneTimeOnly ? 'Field services' : (line.specification ?? 'Other services');
    const group = groups.get(specification) ?? { lineIds: [], field: line.oneTimeOnly };
    group.lineIds.push(line.id);
    groups.set(specification, group);
  }
  const domains = [...groups].map(([specification, group]): DomainOrder => {
    const tasks = domainTasks(group.field ? FIELD_TASKS : SERVICE_TASKS, group.lineIds, status, fallout);
    return { specification, lineIds: group.lineIds, tasks, status: summary(tasks) };
  });
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  if (lines.length < SPECIAL_PROJECT_LINES && units < SPECIAL_PROJECT_UNITS) return { domains };
  const reason =
    lines.length >= SPECIAL_PROJECT_LINES
      ? `${lines.length} lines: run as a project with a plan and site coordination`
      : `${units} units: run as a project with a plan and site coordination`;
  const project = domainTasks(PROJECT_TASKS, [], status, fallout);
  return { domains, specialProject: { reason, tasks: project, status: summary(project) } };
}

/** TMF622 line number of the index-th order line, as the central system numbers them: "01", "02"... */
export function orderLineNumber(index: number): string {
  return String(index + 1).padStart(2, '0');
}

/** An order's lines for the decomposition; `specificationOf` reads the offering's category from the local catalog. */
export function decompositionLines(
  items: readonly { offeringId: string; offeringName: string; quantity: number; oneTime: number; recurring: number }[],
  specificationOf: (offeringId: string) => string | undefined,
): DecompositionLine[] {
  return items.map((item, index) => ({
    id: orderLineNumber(index),
    name: item.offeringName,
    specification: specificationOf(item.offeringId),
    quantity: item.quantity,
    oneTimeOnly: item.recurring === 0 && item.oneTime > 0,
  }));
}
