import { explainLead, type EngineExplanation } from '../../../shared/leads/explain';
import type { LeadDoc, RuleSetDoc } from '../../../shared/schemas';

const TITLES = { qualification: 'Qualification', rating: 'Rating', channel: 'Channel selection' } as const;
const CHANGE_LABELS = { qualification: 'qualification', rating: 'rating', channel: 'channel' } as const;

function EngineWhy({ why }: { why: EngineExplanation }) {
  const title = TITLES[why.engine];
  return (
    <div className="lead-why-engine">
      <h3>{title}</h3>
      <p>{why.summary}</p>
      {why.changes.length > 0 ? (
        <>
          <p className="muted">What would change it:</p>
          <ul aria-label={`What would change the ${CHANGE_LABELS[why.engine]}`}>
            {why.changes.map((change) => (
              <li key={change.text}>{change.text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {why.sets.length > 0 ? (
        <details>
          <summary>Rules checked for the {CHANGE_LABELS[why.engine]}</summary>
          <ul>
            {why.sets.map((set) => (
              <li key={set.id}>
                {set.name}: {set.applies ? 'applies' : 'does not apply'} (
                {set.guards.map((g) => `${g.held ? 'holds' : 'fails'}: ${g.held ? g.text : g.failure}`).join('; ') || 'no guards'})
              </li>
            ))}
            {why.rules.map((rule) => (
              <li key={rule.number}>
                Rule {rule.number}
                {rule.name ? ` (${rule.name})` : ''}: {rule.matched ? 'matched' : 'did not match'} (
                {rule.conditions.map((c) => `${c.held ? 'holds' : 'fails'}: ${c.held ? c.text : c.failure}`).join('; ') || 'no conditions'})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/**
 * Why the lead processing engine decided what it did, engine by engine, with what would change
 * each outcome: computed here from the lead and the synced rule sets (shared/leads/explain.ts).
 */
export function LeadExplanationSection({ lead, ruleSets }: { lead: LeadDoc; ruleSets: readonly RuleSetDoc[] }) {
  if (ruleSets.length === 0) return null;
  const why = explainLead(lead, ruleSets, { whoToAsk: 'your sales manager or the administrator of the lead rules' });
  const processed = lead.qualified !== undefined;
  const stale =
    processed && (why.result.qualified !== lead.qualified || why.result.rating !== lead.rating || why.result.channel !== lead.channel);
  return (
    <section className="section" aria-labelledby="lead-why-heading">
      <h2 id="lead-why-heading">Why this result</h2>
      {stale ? (
        <p className="notice" role="status">
          The lead rules changed since this lead was processed: below is what they decide now. Process the lead again to apply them.
        </p>
      ) : null}
      {!processed ? <p className="muted">Not processed yet: this is what the lead rules would decide.</p> : null}
      {why.noChannel ? (
        <p className="notice notice--warning" role="status">
          {why.noChannel}
        </p>
      ) : null}
      <EngineWhy why={why.qualification} />
      <EngineWhy why={why.rating} />
      <EngineWhy why={why.channel} />
    </section>
  );
}
