import type { LeadDoc } from '../../../shared/schemas';
import { LEAD_FIELDS } from './leadForm';
import { mergeValueText } from './leadMerge';
import type { MergeField } from '../../../shared/leads/dedup';

const labelOf = (field: string) => LEAD_FIELDS.find((f) => f.field === field)?.label ?? field;

/** What came from where: each lead merged into this one, the values taken from it and the ones they replaced. */
export function LeadMergeHistory({ lead }: { lead: LeadDoc }) {
  const history = lead.mergeHistory ?? [];
  if (history.length === 0 && !lead.mergedIntoId) return null;
  return (
    <section className="section" aria-labelledby="lead-merges-heading">
      <h2 id="lead-merges-heading">Merges</h2>
      {lead.mergedIntoId ? <p>This lead was merged into lead {lead.mergedIntoId}.</p> : null}
      {history.length > 0 ? (
        <ul className="facts" aria-label="Merge history">
          {history.map((entry) => (
            <li key={`${entry.leadId}-${entry.mergedAt}`}>
              Merged lead {entry.values.company ?? entry.leadId} on {new Date(entry.mergedAt).toLocaleDateString('en-US')}
              {entry.taken.length === 0
                ? ': all values kept'
                : `: took ${entry.taken
                    .map((field) => {
                      const f = field as MergeField;
                      return `${labelOf(f)} ${mergeValueText(f, entry.values[f])} (was ${mergeValueText(f, entry.replaced[f])})`;
                    })
                    .join(', ')}`}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
