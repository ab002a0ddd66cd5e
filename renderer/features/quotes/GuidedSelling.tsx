import { useState } from 'react';
import { needsFromForm, proposeConfiguration, type NeedsForm } from '../../../shared/catalog/guidedSelling';
import { formatCents } from '../../../shared/money';
import type { ConfiguredItem } from '../../../shared/pricing/engine';
import type { OfferingDoc } from '../../../shared/schemas';
import { TextField } from '../common/TextField';

const EMPTY: NeedsForm = { sites: '1', users: '', bandwidth: '', budget: '' };

/**
 * Guided selling: the customer's needs (sites, users, bandwidth, budget) give a proposed
 * configuration from the local catalog, added to the quote as lines the rep then edits.
 */
export function GuidedSelling({
  catalog,
  onPropose,
}: {
  catalog: readonly OfferingDoc[];
  onPropose(items: readonly ConfiguredItem[]): void;
}) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<NeedsForm>(EMPTY);
  const [errors, setErrors] = useState<Partial<NeedsForm>>({});
  const [outcome, setOutcome] = useState<string | null>(null);
  const field = (name: keyof NeedsForm) => ({
    id: `guided-${name}`,
    value: form[name],
    error: errors[name],
    inputMode: name === 'budget' ? ('decimal' as const) : ('numeric' as const),
    onChange: (value: string) => setForm((f) => ({ ...f, [name]: value })),
  });

  function propose() {
    const parsed = needsFromForm(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setOutcome(null);
      return;
    }
    setErrors({});
    const proposal = proposeConfiguration(parsed.needs, catalog);
    if (proposal.items.length > 0) onPropose(proposal.items);
    const summary = `Proposed ${proposal.items.length} line${proposal.items.length === 1 ? '' : 's'}, ${formatCents(proposal.monthly, 'USD')} monthly; change them as you like.`;
    setOutcome([proposal.items.length > 0 ? summary : '', ...proposal.notes].filter(Boolean).join(' '));
  }

  return (
    <div className="guided-selling">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Guided selling
      </button>
      {open ? (
        <div className="form-grid">
          <TextField label="Sites" {...field('sites')} />
          <TextField label="Users" {...field('users')} />
          <TextField label="Bandwidth per site (Mbps)" {...field('bandwidth')} />
          <TextField label="Monthly budget (USD, optional)" {...field('budget')} />
          <button type="button" className="button button--primary" onClick={propose}>
            Propose configuration
          </button>
        </div>
      ) : null}
      <p role="status" className="muted">
        {outcome ?? ''}
      </p>
    </div>
  );
}
