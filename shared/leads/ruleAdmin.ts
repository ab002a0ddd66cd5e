/**
 * The central system's rule administration API, shared by its routes and the app's admin screen:
 * an administrator publishes new, immutable versions of a rule set (the newest syncs down as the
 * `ruleSets` document) and reads the leads whose laptop outcome drifted from the central one.
 */
import type { RuleEngine, RuleSetDoc, RuleSetVersionRef } from '../schemas/ruleSet.schema';

export const RULE_ADMIN_PATHS = {
  ruleSets: '/admin/ruleSets',
  drift: '/admin/leadDrift',
} as const;

/** POST here publishes a new version; GET lists every version, newest first. */
export function ruleSetVersionsPath(id: string): string {
  return `${RULE_ADMIN_PATHS.ruleSets}/${encodeURIComponent(id)}/versions`;
}

/** One published version, with who published it and when. */
export interface PublishedRuleSet extends RuleSetDoc {
  publishedBy: string | null;
}

/** The body of a publish: the draft, and the version it was edited from (a newer one meanwhile is a 409). */
export interface PublishRuleSet {
  engine?: RuleEngine;
  name: string;
  precedence: number;
  guards: RuleSetDoc['guards'];
  rules: RuleSetDoc['rules'];
  basedOn?: number;
}

export interface EngineOutcomes {
  qualified: boolean;
  rating?: string;
  channel?: string;
}

/** A lead whose recorded outcome differs from what the central system computes with the same rule-set versions. */
export interface DriftedLead {
  leadId: string;
  company: string | null;
  owner: string | null;
  ownerName: string | null;
  /** The engines whose outcome differs; empty when a recorded version is unknown here (see problem). */
  engines: RuleEngine[];
  laptop: EngineOutcomes;
  central: EngineOutcomes | null;
  versions: RuleSetVersionRef[];
  problem: string | null;
  detectedAt: string;
}
