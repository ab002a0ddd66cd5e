import { useState } from 'react';
import type { OfferingDoc } from '../../../shared/schemas';
import { offeringGroups } from './quoteLines';

/** The "Offering" select (Launched offerings of the local catalog, by category) and "Add to quote". */
export function OfferingPicker({
  offerings,
  onAdd,
  disabled,
  addLabel = 'Add to quote',
}: {
  offerings: readonly OfferingDoc[];
  onAdd(offering: OfferingDoc): void;
  disabled?: boolean;
  /** The add button's name: a direct order adds "to order". */
  addLabel?: string;
}) {
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const groups = offeringGroups(offerings);

  function add() {
    const offering = offerings.find((o) => o.id === chosen);
    if (!offering) {
      setError('Choose an offering to add');
      document.getElementById('quote-offering')?.focus();
      return;
    }
    setError(null);
    onAdd(offering);
  }

  if (groups.length === 0) {
    return <p className="notice notice--warning">No launched offerings are in the local catalog yet; they arrive with the next sync.</p>;
  }
  return (
    <div className="add-line">
      <div className={error ? 'field field--invalid' : 'field'}>
        <label className="field-label" htmlFor="quote-offering">
          Offering
        </label>
        <select
          id="quote-offering"
          className="field-input"
          value={chosen}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'quote-offering-error' : undefined}
          onChange={(e) => {
            setChosen(e.target.value);
            setError(null);
          }}
        >
          <option value="">Choose an offering…</option>
          {groups.map((g) => (
            <optgroup key={g.category} label={g.category}>
              {g.offerings.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {error ? (
          <span className="field-error" id="quote-offering-error">
            {error}
          </span>
        ) : null}
      </div>
      <button type="button" className="button" disabled={disabled} onClick={add}>
        {addLabel}
      </button>
    </div>
  );
}
