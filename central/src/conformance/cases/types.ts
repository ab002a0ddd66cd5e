import type { Session } from '../session';

export interface CaseContext {
  session: Session;
  /** The server's route template, e.g. `/tmf-api/sales/v4/salesLead/:id`. */
  template: string;
}

/** Exercises one route's success and error answers, each checked with `conforms`. */
export type ConformanceCase = (context: CaseContext) => Promise<void>;

/** Keyed by `METHOD template` exactly as the server registers the route. */
export type CaseTable = Readonly<Record<string, ConformanceCase>>;
