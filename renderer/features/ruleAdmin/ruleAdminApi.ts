import {
  RULE_ADMIN_PATHS,
  ruleSetVersionsPath,
  type DriftedLead,
  type PublishedRuleSet,
  type PublishRuleSet,
} from '../../../shared/leads/ruleAdmin';
import type { CentralClient } from '../../sync/centralClient';

/** The central system's rule administration API (online only: rule sets are edited centrally). */
export function listRuleSets(client: CentralClient): Promise<PublishedRuleSet[]> {
  return client.json<PublishedRuleSet[]>(RULE_ADMIN_PATHS.ruleSets);
}

export function ruleSetHistory(client: CentralClient, id: string): Promise<PublishedRuleSet[]> {
  return client.json<PublishedRuleSet[]>(ruleSetVersionsPath(id));
}

export function publishRuleSet(client: CentralClient, id: string, body: PublishRuleSet): Promise<PublishedRuleSet> {
  return client.json<PublishedRuleSet>(ruleSetVersionsPath(id), { method: 'POST', body: JSON.stringify(body) });
}

export function listDriftedLeads(client: CentralClient): Promise<DriftedLead[]> {
  return client.json<DriftedLead[]>(RULE_ADMIN_PATHS.drift);
}

/** What the administrator reads when a request fails: the central system's reason, or that it cannot be reached. */
export function failureText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
