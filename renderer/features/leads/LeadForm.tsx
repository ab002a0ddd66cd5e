import { useEffect, type FormEvent } from 'react';
import type { LeadDoc } from '../../../shared/schemas';
import { useNavigation } from '../../app/navigation';
import { SelectField } from '../common/SelectField';
import { TextField } from '../common/TextField';
import { LEAD_FIELDS, leadFieldId, orderedErrors } from './leadForm';
import { LeadDuplicates } from './LeadDuplicates';
import { useLeadForm } from './useLeadForm';
import { ErrorNotice } from '../common/ErrorNotice';

export interface LeadFormProps {
  /** The lead to edit; none captures a new one. */
  lead?: LeadDoc;
  /** Edit mode: called after saving or cancelling (the lead screen shows the lead again). */
  onDone?: () => void;
}

/**
 * Lead capture, or the edit of a lead (offline too, e.g. to correct one the central system
 * refused). Saving parses what was typed, runs the lead processing engine with the rule sets
 * synced from the central system, and stores the lead; on invalid input every error is shown
 * next to its field, nothing typed is lost and focus moves to the first invalid field.
 */
export function LeadForm({ lead, onDone }: LeadFormProps = {}) {
  const { navigate } = useNavigation();
  const form = useLeadForm(lead);
  const title = lead ? 'Edit lead' : 'New lead';
  const { input, errors, focusRequest } = form;
  const errorList = orderedErrors(errors);

  useEffect(() => {
    if (focusRequest.field) document.getElementById(leadFieldId(focusRequest.field))?.focus();
  }, [focusRequest]);

  function done(id: string | null) {
    if (id && onDone) onDone();
    // Replaces the form's entry: Back from the new lead goes to the list, not to an empty form.
    else if (id) navigate({ page: 'lead', id }, { replace: true });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    done(await form.save());
  }

  return (
    <div className="screen">
      <div className="screen-header">{lead ? <h2>{title}</h2> : <h1>{title}</h1>}</div>
      {form.rulesMissing ? (
        <p className="notice notice--warning">
          The lead rules have not been downloaded from the central system yet. The lead is saved unprocessed and can be processed once they
          arrive.
        </p>
      ) : null}
      <form className="form" noValidate aria-label={lead ? 'Edit lead' : 'New lead'} onSubmit={(e) => void onSubmit(e)}>
        <div role="status" aria-live="polite">
          {errorList.length > 0 ? (
            <p className="notice notice--error">
              {errorList.length === 1 ? '1 field needs' : `${errorList.length} fields need`} correcting:{' '}
              {errorList.map((e) => e.label).join(', ')}.
            </p>
          ) : null}
          {form.checking ? <p>Checking for likely duplicates…</p> : null}
        </div>
        <div className="form-grid">
          {LEAD_FIELDS.map((spec) =>
            spec.kind === 'select' ? (
              <SelectField
                key={spec.field}
                id={leadFieldId(spec.field)}
                label={spec.label}
                value={input[spec.field]}
                options={spec.options ?? []}
                placeholder="Choose…"
                error={errors[spec.field]}
                onChange={(v) => form.edit(spec.field, v)}
              />
            ) : (
              <TextField
                key={spec.field}
                id={leadFieldId(spec.field)}
                label={spec.label}
                type={spec.kind}
                inputMode={spec.field === 'purchaseAmount' ? 'decimal' : undefined}
                hint={spec.hint}
                value={input[spec.field]}
                error={errors[spec.field]}
                onChange={(v) => form.edit(spec.field, v)}
              />
            ),
          )}
        </div>
        {form.duplicates ? (
          <LeadDuplicates
            found={form.duplicates.found}
            draft={form.duplicates.draft}
            busy={form.saving}
            onKeepBoth={() => void form.save({ keepBoth: true }).then(done)}
            onMerge={(into, choices) =>
              void form.merge(into, choices).then((id) => (id ? navigate({ page: 'lead', id }, { replace: true }) : undefined))
            }
          />
        ) : null}
        {form.saveError ? <ErrorNotice>{form.saveError}</ErrorNotice> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.saving || form.loadingRules}>
            Save lead
          </button>
          <button type="button" className="button" onClick={() => (onDone ? onDone() : navigate({ page: 'leads' }))}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
