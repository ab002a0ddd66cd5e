/**
 * Drift: the central system re-runs the lead processing engine on every pushed lead with the
 * rule-set versions the lead says it was processed with, and flags a lead whose recorded outcome
 * (qualified, rating, channel) differs - a laptop with a broken engine, tampered data or a rule
 * set the central system never published. A lead that no longer drifts is cleared.
 */
import { processLead } from '../../../../shared/leads/engine';
import type { DriftedLead, EngineOutcomes } from '../../../../shared/leads/ruleAdmin';
import type { LeadDoc, RuleSetDoc } from '../../../../shared/schemas';
import type { RuleSetVersionRef } from '../../../../shared/schemas/ruleSet.schema';
import type { RuleEngine } from '../../../../shared/schemas/ruleSet.schema';
import { toIso, type Queryable } from '../../platform/db/db';
import type { RowContext, WrittenRow } from '../../platform/sync/rules';
import { loadRuleSetVersions, ruleSetVersionKey } from './ruleSetStore';

interface DriftFinding {
  leadId: string;
  owner: string | null;
  engines: RuleEngine[];
  laptop: EngineOutcomes;
  central: EngineOutcomes | null;
  versions: RuleSetVersionRef[];
  problem: string | null;
}

function outcomesOf(result: { qualified?: boolean; rating?: string; channel?: string }): EngineOutcomes {
  return {
    qualified: result.qualified === true,
    ...(result.rating === undefined ? {} : { rating: result.rating }),
    ...(result.channel === undefined ? {} : { channel: result.channel }),
  };
}

function versionsOf(lead: LeadDoc): RuleSetVersionRef[] | undefined {
  const versions = lead.ruleSetVersions;
  if (lead.processedAt === undefined || !Array.isArray(versions) || versions.length === 0) return undefined;
  return versions;
}

/** The engines whose outcome differs between what the lead recorded and the central re-run. */
export function differingEngines(laptop: EngineOutcomes, central: EngineOutcomes): RuleEngine[] {
  const engines: RuleEngine[] = [];
  if (laptop.qualified !== central.qualified) engines.push('qualification');
  if (laptop.rating !== central.rating) engines.push('rating');
  if (laptop.channel !== central.channel) engines.push('channel');
  return engines;
}

/** The finding for one lead, given the versions found here; undefined when it agrees (or has nothing to compare). */
export function driftOf(lead: LeadDoc, owner: string | null, found: ReadonlyMap<string, RuleSetDoc>): DriftFinding | undefined {
  const versions = versionsOf(lead);
  if (!versions) return undefined;
  const laptop = outcomesOf(lead);
  const missing = versions.filter((v) => !found.has(ruleSetVersionKey(v)));
  if (missing.length > 0) {
    const named = missing.map((v) => `${v.id} version ${v.version}`).join(', ');
    return {
      leadId: lead.id,
      owner,
      engines: [],
      laptop,
      central: null,
      versions,
      problem: `Processed with rule sets the central system never published: ${named}`,
    };
  }
  const sets = versions.flatMap((v) => found.get(ruleSetVersionKey(v)) ?? []);
  const central = outcomesOf(processLead(lead, sets));
  const engines = differingEngines(laptop, central);
  return engines.length === 0 ? undefined : { leadId: lead.id, owner, engines, laptop, central, versions, problem: null };
}

/** After a push of leads (same transaction): records the drifted ones, clears the others. */
export async function checkPushedLeads(ctx: RowContext, rows: readonly WrittenRow[]): Promise<void> {
  const live = rows.filter((row) => !row.stored.deleted);
  const refs = live.flatMap((row) => versionsOf(row.stored.data as unknown as LeadDoc) ?? []);
  const found = await loadRuleSetVersions(ctx.tx, refs);
  const findings = live.flatMap((row) => driftOf(row.stored.data as unknown as LeadDoc, row.stored.owner, found) ?? []);
  const drifted = new Set(findings.map((f) => f.leadId));
  const cleared = rows.map((row) => row.stored.id).filter((id) => !drifted.has(id));
  if (cleared.length > 0) await ctx.tx.query('DELETE FROM lead_drift WHERE lead_id = ANY($1::text[])', [cleared]);
  if (findings.length === 0) return;
  await ctx.tx.query(
    `INSERT INTO lead_drift (lead_id, owner, engines, laptop, central, versions, problem, detected_at)
     SELECT f.value ->> 'leadId', f.value ->> 'owner', f.value -> 'engines', f.value -> 'laptop', f.value -> 'central',
            f.value -> 'versions', f.value ->> 'problem', $2::timestamptz
       FROM jsonb_array_elements($1::jsonb) AS f
     ON CONFLICT (lead_id) DO UPDATE SET owner = EXCLUDED.owner, engines = EXCLUDED.engines, laptop = EXCLUDED.laptop,
       central = EXCLUDED.central, versions = EXCLUDED.versions, problem = EXCLUDED.problem, detected_at = EXCLUDED.detected_at`,
    [JSON.stringify(findings), ctx.now],
  );
}

interface DriftRow extends Record<string, unknown> {
  lead_id: string;
  owner: string | null;
  owner_name: string | null;
  company: string | null;
  engines: RuleEngine[];
  laptop: EngineOutcomes;
  central: EngineOutcomes | null;
  versions: RuleSetVersionRef[];
  problem: string | null;
  detected_at: unknown;
}

/** Every drifted lead, newest finding first. */
export async function listDriftedLeads(tx: Queryable): Promise<DriftedLead[]> {
  const rows = await tx.query<DriftRow>(
    `SELECT d.lead_id, d.owner, u.display_name AS owner_name, s.data ->> 'company' AS company,
            d.engines, d.laptop, d.central, d.versions, d.problem, d.detected_at
       FROM lead_drift d
       LEFT JOIN sync_docs s ON s.collection = 'leads' AND s.id = d.lead_id
       LEFT JOIN users u ON u.id = d.owner
      ORDER BY d.detected_at DESC, d.lead_id`,
  );
  return rows.map((row) => ({
    leadId: row.lead_id,
    company: row.company,
    owner: row.owner,
    ownerName: row.owner_name,
    engines: row.engines,
    laptop: row.laptop,
    central: row.central,
    versions: row.versions,
    problem: row.problem,
    detectedAt: toIso(row.detected_at),
  }));
}
